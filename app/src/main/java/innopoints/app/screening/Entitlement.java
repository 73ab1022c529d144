package innopoints.app.screening;

import java.math.BigDecimal;

/**
 * What a screen found one enterprise could claim under one clause: the figure in the clause's
 * unit (null where the amount is left to a decision), whether it is definite or a ceiling, and
 * the facts that triggered it.
 */
public record Entitlement(long runId, long enterpriseId, String enterpriseName, String creditCode, String district, String park,
                          String clauseRef, BigDecimal figure, String unit, String kind, String facts) {}
