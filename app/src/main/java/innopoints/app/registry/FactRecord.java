package innopoints.app.registry;

import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A dated fact as stored: its type in the pack's vocabulary, its values by field name, where it
 * came from ("declared", "import:12", "demo") and who entered it; its version grows with each
 * correction, and a correction or withdrawal must name the version it was based on. {@code project}
 * (项目标识, optional) names the real project the fact is about, so that facts of different types
 * about one project count as one matter (engine {@code Fact.project}).
 */
public record FactRecord(long id, long enterpriseId, String type, LocalDate occurredOn, Map<String, Object> fields,
                         String source, String createdBy, OffsetDateTime createdAt, long version, String project) {

    /** The engine's fact, ids "f&lt;id&gt;" so an explanation can point back here. */
    public Fact toFact(FactType t) {
        return new Fact("f" + id, t, occurredOn, FactValues.decode(t, fields), project);
    }
}
