package innopoints.app.matching;

import innopoints.app.accounts.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/enterprises/{id}")
@Tag(name = "政策计算器", description = "一家企业可享受的条款、差一点符合的条款与假设分析")
public class MatchingApi {
    private final MatchingService matching;

    public MatchingApi(MatchingService matching) { this.matching = matching; }

    @GetMapping("/matching")
    @Operation(operationId = "matchEnterprise", summary = "政策计算器：按企业已登记的事项计算可享受的条款",
            description = "可享受的条款（含金额、性质、引文、计算步骤）、金额待核定的条款及差一点符合的条款（写明未满足的条件）")
    MatchView match(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                    @Parameter(description = "截至日期（yyyy-MM-dd），默认今天")
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @Parameter(description = "是否纳入征求意见稿") @RequestParam(defaultValue = "false") boolean drafts) {
        return matching.match(me, id, asOf, drafts);
    }

    @PostMapping("/what-if")
    @Operation(operationId = "whatIf", summary = "假设分析：删除、修改或新增事项，启用征求意见稿，比较结果；不保存任何数据")
    WhatIf.Answer whatIf(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id, @RequestBody WhatIf q) {
        return matching.whatIf(me, id, q);
    }
}
