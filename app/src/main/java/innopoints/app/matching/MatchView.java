package innopoints.app.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import innopoints.engine.calc.Step;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one enterprise could claim as of a date: each clause that awards, with its figure, unit,
 * whether definite or a ceiling, the split between payers, citation, quoted words and steps;
 * the clauses that apply with the amount left to a decision; and the near misses, each naming
 * the condition not met.
 */
public record MatchView(LocalDate asOf, boolean drafts, List<Award> awards, List<Pending> undetermined, List<NearMiss> nearMisses,
                        @Schema(description = "合计，按单位；不含“择一”的选项") Map<String, BigDecimal> totals,
                        @Schema(nullable = true, description = "假定草案生效日期（仅在启用征求意见稿时给出，否则为null）") LocalDate draftEffective,
                        @Schema(description = "不可同时享受、须择一申报的事项：每组选项各有金额和说明，均不计入awards和totals") List<Choice> choices,
                        @Schema(description = "同一事项已获奖励或按就高不重复而不再给予的条款，各写明原因（引用原文）") List<NearMiss> notAgain) {

    /** The heading the pages give choices. */
    public static final String CHOICES_HEADING = "以下事项不可同时享受，请择一申报";

    public MatchView(LocalDate asOf, boolean drafts, List<Award> awards, List<Pending> undetermined, List<NearMiss> nearMisses,
                     Map<String, BigDecimal> totals, LocalDate draftEffective) {
        this(asOf, drafts, awards, undetermined, nearMisses, totals, draftEffective, List.of(), List.of());
    }

    /**
     * Figures the texts forbid enjoying together without saying which wins: the enterprise claims
     * one. {@code quote} is the sentence that forbids both; each option is explained on its own.
     */
    @Schema(name = "AwardChoice")
    public record Choice(@Schema(nullable = true, description = "事项编号") String matter, String matterTerm,
                         @Schema(nullable = true, description = "项目（事项的项目标识）") String project, String quote, List<Option> options) {}

    @Schema(name = "AwardChoiceOption")
    public record Option(String ref, String documentId, String documentTitle, String citation, String title, String text,
                         BigDecimal figure, String unit, String figureText, String kind, String kindLabel, List<String> departments,
                         Item item) {}

    public record Award(String ref, String documentId, String documentTitle, String documentStatus, String citation, String title,
                        String text, BigDecimal figure, String unit, String figureText, String kind, String kindLabel,
                        Map<String, String> split, List<String> departments, List<Item> items) {}

    @Schema(name = "AwardItem")
    public record Item(String fact, String factId, LocalDate date, String figureText, List<Step> steps) {}

    public record Pending(String ref, String documentTitle, String citation, String title, String text, @Schema(nullable = true) String factId, List<Step> steps) {}

    public record NearMiss(String ref, String documentTitle, String citation, String title, @Schema(nullable = true) String factId, String reasonKind, String reason) {}

    public Award award(String ref) {
        for (Award a : awards) if (a.ref().equals(ref)) return a;
        return null;
    }
}
