package innopoints.engine.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that happened to the subject, on a date: values by the index of its type's fields
 * (BigDecimal, Boolean, String or LocalDate; null where not given). {@code project} names the
 * real project (or exhibition, product, recognition...) the fact is about, so that facts of
 * different types about one project count as one matter (null: see {@link #projectKey()}).
 * {@code noticeIssued} says, for a fact dated before a document took effect, whether the
 * department had issued an application notice for it under the older policy (null: not known;
 * see {@link innopoints.engine.policy.Transition}).
 */
public record Fact(String id, FactType type, LocalDate date, Object[] values, String project, Boolean noticeIssued) {
    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        if (values.length != type.fields().size()) {
            throw new IllegalArgumentException("fact " + id + " has " + values.length + " values for "
                    + type.fields().size() + " fields of " + type.key());
        }
    }

    public Fact(String id, FactType type, LocalDate date, Object[] values) { this(id, type, date, values, null, null); }

    public Fact(String id, FactType type, LocalDate date, Object[] values, String project) { this(id, type, date, values, project, null); }

    /**
     * What the fact is about, for "不重复": the project it names, else the value of its type's own
     * {@code project} field, else the fact itself (its id).
     */
    public String projectKey() {
        if (project != null) return project;
        Object own = value("project");
        return own != null ? own.toString() : id;
    }

    public Object value(int index) { return values[index]; }

    public Object value(String field) {
        int i = type.indexOf(field);
        return i < 0 ? null : values[i];
    }

    public BigDecimal decimal(int index) {
        Object v = values[index];
        return v instanceof BigDecimal d ? d : null;
    }
}
