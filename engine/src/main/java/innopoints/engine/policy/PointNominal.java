package innopoints.engine.policy;

import java.math.BigDecimal;

/** The yuan a point stands for in a points document ("原则上1分不超过1万元"): its ceiling. */
public record PointNominal(BigDecimal yuan, String quote) {}
