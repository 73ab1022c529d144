package innopoints.engine.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A clause evaluated once over the sum of its base across facts of a period ("累计投资金额",
 * "年度总人数"), perhaps counting some facts more ("最高可按实际投资金额的2倍计入"), perhaps only
 * once the total reaches a threshold ("累计投资金额满500万元").
 */
public record Aggregate(boolean yearly, Weights weights, BigDecimal atLeast, String atLeastQuote) {
    /** Multipliers of a fact's base by the value of one of its fields. */
    public record Weights(int field, String fieldName, Map<String, BigDecimal> values, boolean upTo, String quote) {}
}
