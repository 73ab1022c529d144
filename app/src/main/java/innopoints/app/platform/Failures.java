package innopoints.app.platform;

import java.util.List;

/**
 * The failures a request can end in, each with a message in Chinese for the user; the edges
 * (API and pages) turn them into a problem-details body or an error page.
 */
public final class Failures {
    private Failures() {}

    /** A field that was refused, and why. */
    public record FieldError(String field, String message) {}

    public static class Failure extends RuntimeException {
        private final int status;

        Failure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() { return status; }
    }

    /** 404: the thing asked for is not there (or the caller may not know it is). */
    public static final class NotFound extends Failure {
        public NotFound(String message) { super(404, message); }
    }

    /** 403: the caller is signed in and may not do this. */
    public static final class Forbidden extends Failure {
        public Forbidden(String message) { super(403, message); }
    }

    /** 409: the request conflicts with the state (e.g. a screen is already running). */
    public static class Conflict extends Failure {
        public Conflict(String message) { super(409, message); }
    }

    /** 400/413/415: input refused, with every field at fault. */
    public static final class Invalid extends Failure {
        private final List<FieldError> errors;

        public Invalid(String message, List<FieldError> errors) {
            this(400, message, errors);
        }

        public Invalid(int status, String message, List<FieldError> errors) {
            super(status, message);
            this.errors = List.copyOf(errors);
        }

        public static Invalid field(String field, String message) {
            return new Invalid(message, List.of(new FieldError(field, message)));
        }

        public List<FieldError> errors() { return errors; }
    }
}
