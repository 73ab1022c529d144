package innopoints.engine.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A clause evaluated once over the sum of its base across facts of a period ("累计投资金额",
 * "年度总人数"), perhaps counting some facts more ("最高可按实际投资金额的2倍计入"), perhaps only
 * once the total reaches a threshold ("累计投资金额满500万元").
 */
public record Aggregate(boolean yearly, Weights weights, BigDecimal atLeast, String atLeastQuote) {
    /**
     * Multipliers of a fact's base by the value of one of its fields, applied only when every
     * condition of {@code when} also holds ("种子期、初创期" and "科技型企业" together).
     */
    public record Weights(int field, String fieldName, Map<String, BigDecimal> values, boolean upTo, String quote, List<Condition> when) {
        public Weights {
            when = when == null ? List.of() : List.copyOf(when);
        }
    }
}
