package innopoints.engine.policy;

import java.math.BigDecimal;

/**
 * A limit on a counted quantity (months, years, persons, items, times: "给予不超过12个月的租金补助")
 * summed over the facts the text names: those of one project (a fact's project key) or all of
 * the subject's, over all time or per calendar year. Facts are taken in date order; each counts
 * only what is left of the allowance, and its award is computed on what it counts.
 *
 * @param field      the fact field holding the quantity, or null when each fact counts as one (次、个)
 * @param fieldIndex the field's index in the fact type, or -1
 * @param per        "project" or "enterprise"
 * @param unit       the words of the quantity's unit ("个月", "年", "人", "次")
 * @param group      clauses of one group share the allowance (the clause's ref unless stated)
 */
public record Counted(String field, int fieldIndex, String per, boolean yearly, BigDecimal max, String unit,
                      String quote, String group) {
    public boolean perProject() { return "project".equals(per); }

    /** "同一项目（柔性传感器）累计" */
    public String scopeWords(String project, int year) {
        return (perProject() ? "同一项目（" + project + "）" : "同一主体") + (yearly ? year + "年" : "累计");
    }
}
