package innopoints.app.screening;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * What a screen found one enterprise could claim under one clause: the figure in the clause's
 * unit (null where the amount is left to a decision), whether it is definite or a ceiling, and
 * the facts that triggered it. A row with {@code choice} > 0 is one option of a choice between
 * figures the texts forbid enjoying together (择一), beside the other options {@code choiceWith}.
 */
public record Entitlement(long runId, long enterpriseId, String enterpriseName, String creditCode, String district, @Schema(nullable = true, description = "所在园区；不在园区时为null") String park,
                          String clauseRef, @Schema(nullable = true, description = "金额或分值；须另行核定时为null") BigDecimal figure, String unit, String kind, String facts,
                          @Schema(description = "0：可享受；大于0：该企业第n组“不可同时享受、择一申报”的选项之一（不计入合计）") int choice,
                          @Schema(description = "同组其他选项的条款（逗号分隔）；非择一时为空") String choiceWith) {
    /** One option of a choice (择一): not to be added to any total. */
    public boolean option() { return choice > 0; }
}
