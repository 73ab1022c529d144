package innopoints.engine.policy;

import java.math.BigDecimal;

/**
 * A cap at one scope the text names: per enterprise (or institution, district...) or per a
 * field of the fact (product, project, ship), over all time or per calendar year. Clauses of one
 * {@code group} share the cap.
 *
 * @param per       "enterprise" or the name of a fact field
 * @param perField  the fact field's index, or -1 for the beneficiary itself
 */
public record Cap(String per, int perField, boolean yearly, BigDecimal amount, String quote, String group) {
    public String scopeWords(String fieldTerm) {
        String who = perField < 0 ? "同一主体" : "同一" + fieldTerm;
        return who + (yearly ? "每年" : "累计");
    }
}
