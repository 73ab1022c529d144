package innopoints.engine.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of happening an enterprise can declare (a tape-out, a certification, an investment),
 * with the document's own words for it and its fields. Fields are addressed by index once a
 * pack is compiled, so evaluating a fact never looks a name up.
 */
public final class FactType {
    private final String key;
    private final String term;
    private final String description;
    private final List<FieldSpec> fields;
    private final Map<String, Integer> index = new HashMap<>();
    private final int ordinal;

    public FactType(String key, String term, String description, List<FieldSpec> fields, int ordinal) {
        this.key = key;
        this.term = term;
        this.description = description;
        this.fields = List.copyOf(fields);
        this.ordinal = ordinal;
        for (int i = 0; i < this.fields.size(); i++) index.put(this.fields.get(i).name(), i);
    }

    public String key() { return key; }

    public String term() { return term; }

    public String description() { return description; }

    public List<FieldSpec> fields() { return fields; }

    /** A dense number for array-indexed lookups. */
    public int ordinal() { return ordinal; }

    /** The index of a field, or -1. */
    public int indexOf(String field) {
        Integer i = index.get(field);
        return i == null ? -1 : i;
    }

    public FieldSpec field(int i) { return fields.get(i); }

    @Override public String toString() { return key; }
}
