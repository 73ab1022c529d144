package innopoints.engine.policy;

/** Where something was written: a file and a line (1-based), for messages. */
public record Loc(String file, int line) {
    @Override public String toString() { return file + ":" + line; }
}
