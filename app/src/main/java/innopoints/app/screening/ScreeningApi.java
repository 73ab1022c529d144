package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.PageJson;
import innopoints.app.platform.PageQuery;
import innopoints.engine.policy.Clause;
import innopoints.app.platform.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
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

    static final String XLSX_DESCRIPTION = "Excel工作簿";
    static final String RUN_SORTS = "排序：id（默认，倒序）、asOf、status、entitled";
    static final String TALLY_SORTS = "排序：clause（条款顺序，默认）、enterprises（企业数）、total（合计）";
    static final String CLAIMANT_SORTS = "排序：figure（金额，默认倒序）、name、district、park";
    static final String Q = "企业名称包含，或统一社会信用代码开头为此文字";
    static final String DISTRICT = "所在区县，如 通州区";
    static final String PARK = "所在园区";
    static final String KIND = "性质：definite（确定金额）、ceiling（上限）、undetermined（待核定）";

    @GetMapping
    @Operation(operationId = "listScreenRuns", summary = "筛查记录及其进度（分页、排序）")
    PageJson<ScreenRun> list(@AuthenticationPrincipal Account me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                             @Parameter(description = RUN_SORTS) @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return PageJson.of(runs.page(PageQuery.of(page, size, sort == null ? "id" : sort, dir == null ? "desc" : dir)), x -> x);
    }

    @GetMapping("/export.xlsx")
    @Operation(operationId = "exportScreenRuns", summary = "筛查记录导出为Excel", description = "排序同筛查记录列表，导出全部行")
    @ApiResponse(responseCode = "200", description = XLSX_DESCRIPTION, content = @Content(mediaType = Xlsx.TYPE_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @Parameter(description = RUN_SORTS) @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return views.runsWorkbook(sort, dir);
    }

    @PostMapping
    @Operation(operationId = "startScreenRun", summary = "发起一次全库筛查",
            description = "后台进行，返回202及筛查记录（含编号），可用 GET /api/screening/runs/{id} 查询进度；已有筛查在进行时返回409。"
                    + "截至日期为当天且不含征求意见稿为正式筛查，结果推送给企业；否则为模拟筛查（不向企业推送）")
    @ApiResponse(responseCode = "202", description = "已开始，返回筛查记录", content = @Content(schema = @Schema(implementation = ScreenRun.class)))
    @ApiResponse(responseCode = "409", description = "已有一次筛查在进行")
    ResponseEntity<ScreenRun> start(@AuthenticationPrincipal Account me,
                                    @Parameter(description = "截至日期（yyyy-MM-dd），默认今天")
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @Parameter(description = "是否纳入征求意见稿") @RequestParam(defaultValue = "false") boolean drafts) {
        access.checkScreen(me);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.start(me.username(), asOf == null ? LocalDate.now() : asOf, drafts));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getScreenRun", summary = "一次筛查的状态与进度")
    ScreenRun run(@AuthenticationPrincipal Account me, @Parameter(description = "筛查编号") @PathVariable long id) {
        access.checkRegistry(me);
        return views.run(id);
    }

    /** One clause's tally in a screen; {@code purposeLabel} says "模拟筛查（不向企业推送）" for a what-if screen. */
    public record TallyJson(String clause, String documentTitle, String citation, String title, List<String> departments, long enterprises,
                            @Schema(description = "合计（不含择一选项）") BigDecimal total, String unit, long ceilings, long undetermined,
                            @Schema(description = "其中只能择一申报（不计入合计）的企业数") long options, String purpose, String purposeLabel) {}

    /** One enterprise that could claim a clause in a screen, with the screen's purpose and its label. */
    public record ClaimantJson(long runId, String purpose, String purposeLabel, long enterpriseId, String enterpriseName, String creditCode,
                               String district, @Schema(nullable = true, description = "所在园区；不在园区时为null") String park, String clauseRef,
                               @Schema(nullable = true, description = "金额或分值；须另行核定时为null") BigDecimal figure, String unit, String kind, String facts,
                               @Schema(description = "是否为“不可同时享受、择一申报”的选项之一（不计入合计）") boolean option,
                               @Schema(description = "择一时，同组其他选项的条款") List<String> choiceWith) {
        static ClaimantJson of(ScreenRun run, Entitlement e) {
            return new ClaimantJson(run.id(), run.purpose(), run.purposeLabel(), e.enterpriseId(), e.enterpriseName(), e.creditCode(),
                    e.district(), e.park(), e.clauseRef(), e.figure(), e.unit(), e.kind(), e.facts(), e.option(),
                    e.choiceWith().isEmpty() ? List.of() : List.of(e.choiceWith().split(",")));
        }
    }

    @GetMapping("/{id}/clauses/export.xlsx")
    @Operation(operationId = "exportClauseTallies", summary = "按条款汇总导出为Excel", description = "部门经办人员只导出本部门负责的条款；排序同按条款汇总列表")
    @ApiResponse(responseCode = "200", description = XLSX_DESCRIPTION, content = @Content(mediaType = Xlsx.TYPE_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> exportClauses(@AuthenticationPrincipal Account me, @Parameter(description = "筛查编号") @PathVariable long id,
                                                        @Parameter(description = TALLY_SORTS) @RequestParam(required = false) String sort,
                                                        @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return views.talliesWorkbook(me, views.run(id), sort, dir);
    }

    @GetMapping("/{id}/clauses")
    @Operation(operationId = "listClauseTallies", summary = "按条款汇总（分页、排序）", description = "每个条款可享受的企业数、合计、其中为上限和待核定的企业数；部门经办人员只看到本部门负责的条款")
    PageJson<TallyJson> clauses(@AuthenticationPrincipal Account me, @Parameter(description = "筛查编号") @PathVariable long id,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @Parameter(description = TALLY_SORTS) @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        ScreenRun run = views.run(id);
        PageQuery q = PageQuery.of(page, size, sort, dir);
        String key = "enterprises".equals(sort) || "total".equals(sort) ? sort : "clause";
        return PageJson.of(q.slice(ScreeningViews.sorted(views.tallies(me, id), key, q.descending()), key),
                t -> new TallyJson(t.clause().ref(), t.documentTitle(), t.clause().citation(), t.clause().title(), t.clause().departments(),
                        t.tally().enterprises(), t.tally().total(), t.tally().unit(), t.tally().ceilings(), t.tally().undetermined(),
                        t.tally().options(), run.purpose(), run.purposeLabel()));
    }

    @GetMapping("/{id}/clauses/{documentId}/{clauseId:.+}/export.xlsx")
    @Operation(operationId = "exportClaimants", summary = "某条款的可申报企业名单导出为Excel", description = "筛选和排序同可申报企业名单，导出全部行")
    @ApiResponse(responseCode = "200", description = XLSX_DESCRIPTION, content = @Content(mediaType = Xlsx.TYPE_VALUE, schema = @Schema(type = "string", format = "binary")))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = Q)
    @Parameter(name = "district", in = ParameterIn.QUERY, description = DISTRICT)
    @Parameter(name = "park", in = ParameterIn.QUERY, description = PARK)
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = KIND)
    ResponseEntity<StreamingResponseBody> exportClaimants(@AuthenticationPrincipal Account me, @Parameter(description = "筛查编号") @PathVariable long id,
                                                          @Parameter(description = "文件编号，如 city-2025") @PathVariable String documentId,
                                                          @Parameter(description = "条款编号，如 21.5") @PathVariable String clauseId,
                                                          @ParameterObject ScreeningRepository.Filter filter,
                                                          @Parameter(description = CLAIMANT_SORTS) @RequestParam(required = false) String sort,
                                                          @RequestParam(required = false) String dir) {
        return views.claimantsWorkbook(me, views.run(id), documentId, clauseId, filter, sort, dir);
    }

    @GetMapping("/{id}/clauses/{documentId}/{clauseId:.+}")
    @Operation(operationId = "listClaimants", summary = "某条款的可申报企业名单（分页、排序、筛选）", description = "部门经办人员只能查看本部门负责的条款")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = Q)
    @Parameter(name = "district", in = ParameterIn.QUERY, description = DISTRICT)
    @Parameter(name = "park", in = ParameterIn.QUERY, description = PARK)
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = KIND)
    PageJson<ClaimantJson> claimants(@AuthenticationPrincipal Account me, @Parameter(description = "筛查编号") @PathVariable long id,
                                     @Parameter(description = "文件编号，如 city-2025") @PathVariable String documentId,
                                     @Parameter(description = "条款编号，如 21.5") @PathVariable String clauseId,
                                     @ParameterObject ScreeningRepository.Filter filter, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @Parameter(description = CLAIMANT_SORTS) @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        Clause clause = views.claimable(me, documentId, clauseId);
        ScreenRun run = views.run(id);
        String s = sort == null ? "figure" : sort, d = dir == null ? "desc" : dir;
        return PageJson.of(runs.claimants(id, clause.ref(), filter, PageQuery.of(page, size, s, d)), e -> ClaimantJson.of(run, e));
    }
}
