package innopoints.app.matching;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A what-if question, answered without saving anything: facts dropped, facts changed, facts
 * added, draft documents switched on (assumed to take effect on {@code draftEffective}, the
 * as-of date if absent: a draft states no date of its own), another as-of date.
 */
public record WhatIf(LocalDate asOf, Boolean drafts, List<Long> drop, List<Change> change, List<NewFact> add,
                     @Schema(description = "假定草案生效日期：开启征求意见稿时假定其生效的日期，不填则为计算日期；只能与 drafts 同用")
                     LocalDate draftEffective) {
    public WhatIf {
        drop = drop == null ? List.of() : List.copyOf(drop);
        change = change == null ? List.of() : List.copyOf(change);
        add = add == null ? List.of() : List.copyOf(add);
        drafts = Boolean.TRUE.equals(drafts);
    }

    public WhatIf(LocalDate asOf, Boolean drafts, List<Long> drop, List<Change> change, List<NewFact> add) {
        this(asOf, drafts, drop, change, add, null);
    }

    /** New values (and optionally date) for a stored fact; fields not named keep their value. */
    @Schema(name = "FactChange")
    public record Change(long factId, String date, Map<String, String> fields) {}

    public record NewFact(String type, String date, Map<String, String> fields,
                          @Schema(nullable = true, description = "项目标识（可选）：与已登记事项的项目标识相同者视为同一项目") String project) {
        public NewFact(String type, String date, Map<String, String> fields) { this(type, date, fields, null); }
    }

    /** The answer: both calculations and the difference per clause. */
    public record Answer(MatchView before, MatchView after, List<Delta> deltas) {}

    /** How one clause's figure moved: 新增 (new), 取消 (gone), 变化 (changed). */
    public record Delta(String ref, String title, String citation, String unit,
                        @Schema(nullable = true, description = "变化前；新增的条款为null") BigDecimal before,
                        @Schema(nullable = true, description = "变化后；取消的条款为null") BigDecimal after, BigDecimal difference, String change) {}
}
