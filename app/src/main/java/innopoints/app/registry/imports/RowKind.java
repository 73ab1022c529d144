package innopoints.app.registry.imports;

import java.util.List;

/** One kind of department file: the columns it must have, how each row is checked, what is written for it. */
interface RowKind {

    ImportKind kind();

    /** The columns a file of this kind must have: by these a header is recognised. */
    List<String> required();

    /** Checks the header (refusing the file when it is wrong) and every row. */
    Plan plan(Table table);

    /** A file's rows, checked: what is wrong with them, or one write per row. */
    record Plan(int rows, List<RowError> errors, List<Write> writes) {
        public Plan {
            errors = List.copyOf(errors);
            writes = List.copyOf(writes);
        }

        boolean ok() { return errors.isEmpty(); }

        int rejectedRows() { return (int) errors.stream().map(RowError::row).distinct().count(); }
    }

    /** Writes one checked row as part of import {@code importId}, and says what it did. */
    @FunctionalInterface
    interface Write {
        Outcome apply(long importId, String username);
    }

    enum Outcome { INSERTED, UPDATED, UNCHANGED }
}
