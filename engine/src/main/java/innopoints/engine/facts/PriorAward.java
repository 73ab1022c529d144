package innopoints.engine.facts;

import innopoints.engine.money.Unit;
import innopoints.engine.policy.Level;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An award the subject already received (or was approved), so that caps already used count and a
 * matter is not paid twice: the clause it was made under ("city-2025:4.1"), or, for an award
 * under a policy outside the pack, the matter, level and unit; its date and figure; the project it
 * was for (compared with a fact's {@link Fact#projectKey()}); and the keys a cap may be per (e.g.
 * product). {@code source} says where the record comes from (a scenario file, an officer, the ledger).
 */
public record PriorAward(String clause, String matter, String project, Level level, Unit unit, LocalDate date,
                         BigDecimal figure, Map<String, String> keys, String source) {
    public PriorAward {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    public PriorAward(String clause, LocalDate date, BigDecimal figure, Map<String, String> keys) {
        this(clause, null, keys == null ? null : keys.get("project"), null, null, date, figure, keys, null);
    }

    /** Whether it was made under a clause of the pack (else under a policy named only by matter and level). */
    public boolean inPack() { return clause != null; }
}
