package innopoints.engine.policy;

import innopoints.engine.facts.Fact;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A cap at one scope the text names: per enterprise (or institution, district...) or per a
 * field of the fact (product, project, ship), over all time or per calendar year. Clauses of one
 * {@code group} share the cap. A cap may depend on the level of the fact ("单个企业最高分别不超过
 * 5分、3分"): then {@code levels} gives the amount for each value of the field {@code levelField},
 * each level has a cap of its own, and a level the text does not list is not capped by it.
 *
 * @param per        "enterprise" or the name of a fact field
 * @param perField   the fact field's index, or -1 for the beneficiary itself
 * @param amount     the cap; for a cap per level, the highest of the levels' amounts (a bound; the
 *                   calculator uses {@link #amountFor})
 * @param levelField the index of the fact field whose value picks the amount, or -1
 * @param levelName  that field's name (an earlier award may name its level under it)
 * @param levelTerm  that field's term, for explanations
 */
public record Cap(String per, int perField, boolean yearly, BigDecimal amount, String quote, String group,
                  int levelField, String levelName, String levelTerm, Map<String, BigDecimal> levels) {
    public Cap {
        levels = levels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
    }

    public Cap(String per, int perField, boolean yearly, BigDecimal amount, String quote, String group) {
        this(per, perField, yearly, amount, quote, group, -1, null, null, Map.of());
    }

    public boolean byLevel() { return levelField >= 0; }

    /** The fact's level, as the key of {@code levels}, or null (a cap not by level, or the level not filled in). */
    public String level(Fact f) {
        if (!byLevel()) return null;
        Object v = f.value(levelField);
        return v == null ? null : v.toString();
    }

    /** The cap for a fact: the single amount, or its level's; null where the text lists no cap for its level. */
    public BigDecimal amountFor(Fact f) {
        if (!byLevel()) return amount;
        String level = level(f);
        return level == null ? null : levels.get(level);
    }

    public String scopeWords(String fieldTerm) {
        String who = perField < 0 ? "同一主体" : "同一" + fieldTerm;
        return who + (yearly ? "每年" : "累计");
    }
}
