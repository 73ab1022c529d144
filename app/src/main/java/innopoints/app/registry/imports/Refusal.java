package innopoints.app.registry.imports;

import java.util.List;

/**
 * A file refused whole before any row is looked at: empty, not a table, unreadable, a wrong
 * header, too many rows. The message says why in Chinese; {@code status} is the HTTP status the
 * API answers with (415 for a file that is not CSV or XLSX, else 400).
 */
final class Refusal extends RuntimeException {
    private final int status;
    private final List<RowError> errors;

    Refusal(int status, String message, List<RowError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    Refusal(String message) { this(400, message, List.of(RowError.file(message))); }

    int status() { return status; }

    List<RowError> errors() { return errors; }
}
