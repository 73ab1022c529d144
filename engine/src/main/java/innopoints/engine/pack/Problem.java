package innopoints.engine.pack;

/**
 * Something wrong in a pack or a scenario: where (file, line, field) and what was expected.
 * Problems are values until they reach the edge, where they become a message.
 */
public record Problem(String file, int line, String field, String message) {
    @Override public String toString() {
        return file + (line > 0 ? ":" + line : "") + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + message;
    }
}
