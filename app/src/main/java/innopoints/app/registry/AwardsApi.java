package innopoints.app.registry;

import innopoints.app.accounts.Account;
import innopoints.app.platform.Policies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** An enterprise's earlier awards (已获奖励): list, record, void. */
@RestController
@RequestMapping("/api/enterprises/{id}/awards")
@Tag(name = "已获奖励", description = "企业此前已获得的奖励，按条款或按事项、层级、单位登记，计算时扣减或拒绝同一事项的重复奖励")
public class AwardsApi {
    private final AwardService awards;
    private final Policies policies;

    public AwardsApi(AwardService awards, Policies policies) {
        this.awards = awards;
        this.policies = policies;
    }

    @GetMapping
    @Operation(operationId = "listAwards", summary = "企业已获奖励（含已撤销的记录）",
            description = "企业用户只能查看本企业的；其他企业与不存在的企业同样返回404")
    List<AwardView> list(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id) {
        return awards.list(me, id).stream().map(a -> AwardView.of(a, policies)).toList();
    }

    @PostMapping
    @Operation(operationId = "recordAward", summary = "登记一项已获奖励（同一奖励重复提交只登记一次）",
            description = "按政策清单中的条款（clause），或按清单外政策的事项、层级、单位（matter、level、unit）；"
                    + "部门经办人员只能登记本部门负责条款的奖励（清单外的奖励任一部门均可），系统管理员均可；登记后即重新筛查该企业")
    @ApiResponse(responseCode = "201", description = "已登记，返回该记录（重复提交时返回已有的记录）",
            content = @Content(schema = @Schema(implementation = AwardView.class)))
    ResponseEntity<AwardView> record(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                                     @RequestBody AwardService.AwardInput in) {
        long awardId = awards.record(me, id, in);
        return ResponseEntity.status(HttpStatus.CREATED).body(AwardView.of(awards.one(me, id, awardId), policies));
    }

    /** Why a record is voided. */
    public record VoidInput(@Schema(description = "撤销原因（必填，最多2000字）") String reason) {}

    @PostMapping("/{awardId}/void")
    @Operation(operationId = "voidAward", summary = "撤销一项已获奖励记录（记录保留，写明撤销人、时间和原因）",
            description = "已撤销的记录不能再次撤销（409）；撤销后即重新筛查该企业")
    @ApiResponse(responseCode = "200", description = "已撤销，返回该记录", content = @Content(schema = @Schema(implementation = AwardView.class)))
    @ApiResponse(responseCode = "409", description = "该记录已被撤销")
    AwardView voidAward(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                        @Parameter(description = "奖励记录编号") @PathVariable long awardId, @RequestBody VoidInput in) {
        return AwardView.of(awards.voidAward(me, id, awardId, in == null ? null : in.reason()), policies);
    }
}
