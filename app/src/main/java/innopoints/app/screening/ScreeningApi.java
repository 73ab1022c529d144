package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.PageJson;
import innopoints.app.platform.PageQuery;
import innopoints.engine.policy.Clause;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/screening/runs")
@Tag(name = "主动筛查", description = "全库筛查（免申即享）及按条款的可申报企业名单")
public class ScreeningApi {
    private final ScreeningService service;
    private final ScreeningRepository runs;
    private final ScreeningViews views;
    private final Access access;

    public ScreeningApi(ScreeningService service, ScreeningRepository runs, ScreeningViews views, Access access) {
        this.service = service;
        this.runs = runs;
        this.views = views;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "筛查记录及其进度（分页、排序）")
    PageJson<ScreenRun> list(@AuthenticationPrincipal Account me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                             @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return PageJson.of(runs.page(PageQuery.of(page, size, sort == null ? "id" : sort, dir == null ? "desc" : dir)), x -> x);
    }

    @GetMapping(params = "format=xlsx")
    @Operation(summary = "筛查记录导出为Excel")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return views.runsWorkbook(sort, dir);
    }

    @PostMapping
    @Operation(summary = "发起一次全库筛查（后台进行，返回202及筛查编号，可查询进度）。截至日期为当天且不含征求意见稿为正式筛查，结果推送给企业；否则为模拟筛查（不向企业推送）")
    ResponseEntity<ScreenRun> start(@AuthenticationPrincipal Account me,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(defaultValue = "false") boolean drafts) {
        access.checkScreen(me);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.start(me.username(), asOf == null ? LocalDate.now() : asOf, drafts));
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次筛查的状态与进度")
    ScreenRun run(@AuthenticationPrincipal Account me, @PathVariable long id) {
        access.checkRegistry(me);
        return views.run(id);
    }

    /** One clause's tally in a screen; {@code purposeLabel} says "模拟筛查（不向企业推送）" for a what-if screen. */
    public record TallyJson(String clause, String documentTitle, String citation, String title, List<String> departments, long enterprises,
                            BigDecimal total, String unit, long ceilings, long undetermined, String purpose, String purposeLabel) {}

    /** One enterprise that could claim a clause in a screen, with the screen's purpose and its label. */
    public record ClaimantJson(long runId, String purpose, String purposeLabel, long enterpriseId, String enterpriseName, String creditCode,
                               String district, String park, String clauseRef, BigDecimal figure, String unit, String kind, String facts) {
        static ClaimantJson of(ScreenRun run, Entitlement e) {
            return new ClaimantJson(run.id(), run.purpose(), run.purposeLabel(), e.enterpriseId(), e.enterpriseName(), e.creditCode(),
                    e.district(), e.park(), e.clauseRef(), e.figure(), e.unit(), e.kind(), e.facts());
        }
    }

    @GetMapping(value = "/{id}/clauses", params = "format=xlsx")
    @Operation(summary = "按条款汇总导出为Excel")
    ResponseEntity<StreamingResponseBody> exportClauses(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String sort,
                                                        @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return views.talliesWorkbook(me, views.run(id), sort, dir);
    }

    @GetMapping("/{id}/clauses")
    @Operation(summary = "按条款汇总（部门经办人员只看到本部门负责的条款）")
    List<TallyJson> clauses(@AuthenticationPrincipal Account me, @PathVariable long id) {
        access.checkRegistry(me);
        ScreenRun run = views.run(id);
        return views.tallies(me, id).stream().map(t -> new TallyJson(t.clause().ref(), t.documentTitle(), t.clause().citation(), t.clause().title(),
                t.clause().departments(), t.tally().enterprises(), t.tally().total(), t.tally().unit(), t.tally().ceilings(), t.tally().undetermined(),
                run.purpose(), run.purposeLabel())).toList();
    }

    @GetMapping(value = "/{id}/clauses/{documentId}/{clauseId:.+}", params = "format=xlsx")
    @Operation(summary = "某条款的可申报企业名单导出为Excel")
    ResponseEntity<StreamingResponseBody> exportClaimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId,
                                                          @PathVariable String clauseId, ScreeningRepository.Filter filter,
                                                          @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        return views.claimantsWorkbook(me, views.run(id), documentId, clauseId, filter, sort, dir);
    }

    @GetMapping("/{id}/clauses/{documentId}/{clauseId:.+}")
    @Operation(summary = "某条款的可申报企业名单（分页、排序、筛选）")
    PageJson<ClaimantJson> claimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId, @PathVariable String clauseId,
                                    ScreeningRepository.Filter filter, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        Clause clause = views.claimable(me, documentId, clauseId);
        ScreenRun run = views.run(id);
        String s = sort == null ? "figure" : sort, d = dir == null ? "desc" : dir;
        return PageJson.of(runs.claimants(id, clause.ref(), filter, PageQuery.of(page, size, s, d)), e -> ClaimantJson.of(run, e));
    }
}
