package innopoints.app.registry.imports;

import innopoints.app.registry.imports.RowKind.Outcome;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The "on conflict do update" of an upsert that leaves a row alone, its updated_at included,
 * unless a value changes, and tells an insert from an update by the new row's xmax (0 when the
 * row was inserted). Column names come from this package's constants, never from a file.
 */
final class Upsert {
    private Upsert() {}

    /** "set a = x, …, updated_at = now(), version = version + 1 where row(t.a, …) is distinct from row(x, …)" for column → new value. */
    static String update(String table, Map<String, String> values) {
        String set = values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        String before = values.keySet().stream().map(c -> table + "." + c).collect(Collectors.joining(", "));
        String after = String.join(", ", values.values());
        return " do update set " + set + ", updated_at = now(), version = " + table + ".version + 1 where row(" + before + ") is distinct from row(" + after + ")"
                + " returning (xmax = 0) as inserted";
    }

    /** What the upsert did, from the row it returned (none: nothing changed). */
    static Outcome outcome(Optional<Boolean> inserted) {
        return inserted.map(i -> i ? Outcome.INSERTED : Outcome.UPDATED).orElse(Outcome.UNCHANGED);
    }
}
