package innopoints.engine.facts;

import java.util.List;

/** One field of a fact type: its key, type, the document's words for it, and allowed values. */
public record FieldSpec(String name, FieldType type, String term, boolean required, List<String> values) {
    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
