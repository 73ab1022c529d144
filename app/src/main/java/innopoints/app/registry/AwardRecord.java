package innopoints.app.registry;

import innopoints.engine.facts.PriorAward;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Level;
import innopoints.engine.policy.Pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An earlier award (已获奖励) as recorded in the registry: under a clause of the pack
 * ({@code clauseRef}), or under a policy outside it named by matter, level and unit; the project
 * it was for, its date and figure, where it is written (文号 or department) and a note; who recorded
 * it and when. Never edited: a wrong record is voided once (who, when, why) and stays in the list.
 */
public record AwardRecord(long id, long enterpriseId, String clauseRef, String matter, String level, String unit, String project,
                          LocalDate awardedOn, BigDecimal figure, String source, String note, String recordedBy,
                          OffsetDateTime recordedAt, String voidedBy, OffsetDateTime voidedAt, String voidReason) {

    public boolean voided() { return voidedAt != null; }

    public boolean inPack() { return clauseRef != null; }

    /**
     * The engine's earlier award; null when its clause is no longer in the pack (the pack changed
     * since it was recorded). A clause's award takes its matter, level and unit from the clause's
     * document, as a scenario file's does.
     */
    public PriorAward toPrior(Pack pack) {
        Map<String, String> keys = project == null ? Map.of() : Map.of("project", project);
        String from = source != null ? source : "已获奖励登记a" + id;
        if (clauseRef != null) {
            Clause c = pack.clause(clauseRef);
            if (c == null) return null;
            Document d = pack.document(c.documentId());
            return new PriorAward(clauseRef, c.matter(), project, d.level(), d.unit(), awardedOn, figure, keys, from);
        }
        return new PriorAward(null, matter, project, Level.fromKey(level), Unit.fromKey(unit), awardedOn, figure, keys, from);
    }

    /** The level's words (区级, 市级...), for an award outside the pack. */
    public String levelLabel() {
        Level l = level == null ? null : Level.fromKey(level);
        return l == null ? "" : l.label();
    }
}
