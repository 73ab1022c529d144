package innopoints.app.screening;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * What a screen found one enterprise could claim under one clause: the figure in the clause's
 * unit (null where the amount is left to a decision), whether it is definite or a ceiling, and
 * the facts that triggered it.
 */
public record Entitlement(long runId, long enterpriseId, String enterpriseName, String creditCode, String district, @Schema(nullable = true, description = "所在园区；不在园区时为null") String park,
                          String clauseRef, @Schema(nullable = true, description = "金额或分值；须另行核定时为null") BigDecimal figure, String unit, String kind, String facts) {}
