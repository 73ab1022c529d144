package innopoints.app.registry;

import innopoints.app.platform.Policies;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An earlier award as the pages and the API show it: for a clause of the pack, the clause's
 * words and its document's level and unit; for an award outside the pack, the matter's words.
 * A voided record says who voided it, when and why.
 */
@Schema(name = "PriorAward")
public record AwardView(long id,
                        @Schema(nullable = true, description = "所依据的条款；政策清单外的奖励为null") String clause,
                        @Schema(nullable = true, description = "条款的出处和标题；政策清单外的奖励为null") String clauseText,
                        @Schema(nullable = true, description = "事项（政策清单外的奖励）；按条款的为该条款的事项") String matter,
                        @Schema(nullable = true, description = "事项的文字") String matterTerm,
                        @Schema(nullable = true, description = "层级：nation、province、city、district") String level,
                        @Schema(nullable = true, description = "层级的文字") String levelLabel,
                        String unit,
                        @Schema(nullable = true, description = "项目标识；未填时为null") String project,
                        LocalDate date, BigDecimal figure, String figureText,
                        @Schema(nullable = true, description = "来源：文号或发放部门") String source,
                        @Schema(nullable = true, description = "备注") String note,
                        String recordedBy, OffsetDateTime recordedAt, boolean voided,
                        @Schema(nullable = true, description = "撤销人；未撤销为null") String voidedBy,
                        @Schema(nullable = true, description = "撤销时间；未撤销为null") OffsetDateTime voidedAt,
                        @Schema(nullable = true, description = "撤销原因；未撤销为null") String voidReason) {

    public static AwardView of(AwardRecord a, Policies policies) {
        Clause c = a.clauseRef() == null ? null : policies.clause(a.clauseRef());
        Document d = c == null ? null : policies.documentOf(c);
        String clauseText = c == null ? (a.clauseRef() == null ? null : a.clauseRef() + "（政策清单中已无此条款）")
                : "《" + d.title() + "》" + c.citation() + " " + c.title();
        String matter = c != null ? c.matter() : a.matter();
        String unit = d != null ? d.unit().key() : a.unit() != null ? a.unit() : "yuan";
        String level = d != null ? d.level().key() : a.level();
        String levelLabel = d != null ? d.level().label() : a.levelLabel();
        return new AwardView(a.id(), a.clauseRef(), clauseText, matter, matter == null ? null : policies.pack().matter(matter).term(),
                level, levelLabel == null || levelLabel.isEmpty() ? null : levelLabel, unit, a.project(), a.awardedOn(), a.figure(),
                Unit.fromKey(unit).of(a.figure()).display(), a.source(), a.note(), a.recordedBy(), a.recordedAt(), a.voided(),
                a.voidedBy(), a.voidedAt(), a.voidReason());
    }
}
