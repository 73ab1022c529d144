package innopoints.engine.facts;

import java.util.List;

/** One field of a fact type: its key, type, the document's words for it, and allowed values. */
public record FieldSpec(String name, FieldType type, String term, boolean required, List<String> values) {
    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A whole number that names a year (年度, 列入年度): written as plain digits, never "2,025". */
    public boolean isYear() {
        return type == FieldType.INTEGER && (name.equals("year") || name.endsWith("_year")
                || (term != null && (term.endsWith("年度") || term.contains("年份"))));
    }
}
