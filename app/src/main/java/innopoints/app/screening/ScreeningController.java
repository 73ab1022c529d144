package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.app.registry.PlacesSync;
import innopoints.engine.policy.Clause;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/** Proactive screening pages: start a screen, follow its progress, and per clause who could claim it. */
@Controller
public class ScreeningController {
    static final List<Xlsx.Column<Entitlement>> COLUMNS = List.of(
            new Xlsx.Column<>("统一社会信用代码", Entitlement::creditCode),
            new Xlsx.Column<>("企业名称", Entitlement::enterpriseName),
            new Xlsx.Column<>("所属板块", Entitlement::district),
            new Xlsx.Column<>("所在园区", Entitlement::park),
            new Xlsx.Column<>("条款", Entitlement::clauseRef),
            new Xlsx.Column<>("金额/积分", Entitlement::figure),
            new Xlsx.Column<>("单位", e -> e.unit().equals("yuan") ? "元" : "分"),
            new Xlsx.Column<>("性质", e -> Figures.kindLabel(e.kind())),
            new Xlsx.Column<>("依据事项", Entitlement::facts));

    private final ScreeningService service;
    private final ScreeningRepository runs;
    private final ScreeningViews views;
    private final Policies policies;
    private final PlacesSync places;
    private final Access access;

    public ScreeningController(ScreeningService service, ScreeningRepository runs, ScreeningViews views, Policies policies,
                               PlacesSync places, Access access) {
        this.service = service;
        this.runs = runs;
        this.views = views;
        this.policies = policies;
        this.places = places;
        this.access = access;
    }

    static final List<Xlsx.Column<ScreenRun>> RUN_COLUMNS = List.of(
            new Xlsx.Column<>("次", ScreenRun::id),
            new Xlsx.Column<>("截至日期", ScreenRun::asOf),
            new Xlsx.Column<>("含征求意见稿", ScreenRun::drafts),
            new Xlsx.Column<>("发起", ScreenRun::startedBy),
            new Xlsx.Column<>("开始", r -> r.startedAt().toString()),
            new Xlsx.Column<>("结束", r -> r.finishedAt() == null ? null : r.finishedAt().toString()),
            new Xlsx.Column<>("状态", ScreenRun::statusLabel),
            new Xlsx.Column<>("企业", ScreenRun::total),
            new Xlsx.Column<>("有可享条款的企业", ScreenRun::entitled));

    @GetMapping(value = "/screening", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> exportRuns(@AuthenticationPrincipal Account me, @RequestParam(required = false) String sort,
                                                     @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return Xlsx.download("主动筛查记录", "主动筛查", RUN_COLUMNS, runs.page(PageQuery.export(sort == null ? "id" : sort, dir == null ? "desc" : dir)).items());
    }

    @GetMapping("/screening")
    String index(@AuthenticationPrincipal Account me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        access.checkRegistry(me);
        String s = sort == null ? "id" : sort, d = dir == null ? "desc" : dir;
        model.addAttribute("page", runs.page(PageQuery.of(page, size == null ? 10 : size, s, d)));
        runs.latestDone().ifPresent(r -> model.addAttribute("tallies", views.tallies(me, r.id())));
        model.addAttribute("latest", runs.latestDone().orElse(null));
        model.addAttribute("today", LocalDate.now());
        return "screening/index";
    }

    @PostMapping("/screening")
    String start(@AuthenticationPrincipal Account me,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) String drafts) {
        access.checkScreen(me);
        ScreenRun run = service.start(me.username(), asOf == null ? LocalDate.now() : asOf, drafts != null);
        return "redirect:/screening/runs/" + run.id();
    }

    @GetMapping(value = "/screening/runs/{id}", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> exportTallies(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String sort,
                                                        @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        find(id);
        return Xlsx.download("第" + id + "次筛查-按条款汇总", "按条款汇总", ScreeningViews.COLUMNS,
                ScreeningViews.sorted(views.tallies(me, id), sort, "desc".equals(dir)));
    }

    @GetMapping("/screening/runs/{id}")
    String run(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String sort,
               @RequestParam(required = false) String dir, Model model) {
        access.checkRegistry(me);
        ScreenRun run = find(id);
        List<ScreeningViews.ClauseTally> tallies = run.status().equals("done")
                ? ScreeningViews.sorted(views.tallies(me, id), sort, "desc".equals(dir)) : null;
        model.addAttribute("run", run);
        model.addAttribute("tallies", tallies);
        return "screening/run";
    }

    /** The progress bar alone, polled by the run page while the screen runs. */
    @GetMapping("/screening/runs/{id}/progress")
    String progress(@AuthenticationPrincipal Account me, @PathVariable long id, Model model) {
        access.checkRegistry(me);
        model.addAttribute("run", find(id));
        return "screening/run :: progress";
    }

    @GetMapping(value = "/screening/runs/{id}/clauses/{documentId}/{clauseId:.+}", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> exportClaimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId,
                                                          @PathVariable String clauseId, ScreeningRepository.Filter filter,
                                                          @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        Clause clause = claimable(me, documentId, clauseId);
        find(id);
        return claimantsWorkbook(runs, id, clause, filter, sort, dir);
    }

    /** Who could claim a clause as a workbook, for the page and the API. */
    static ResponseEntity<StreamingResponseBody> claimantsWorkbook(ScreeningRepository runs, long id, Clause clause, ScreeningRepository.Filter filter,
                                                                   String sort, String dir) {
        return Xlsx.download("可申报企业-" + clause.ref().replace(':', '-'), "可申报企业", COLUMNS,
                runs.claimants(id, clause.ref(), filter, PageQuery.export(sort == null ? "figure" : sort, dir == null ? "desc" : dir)).items());
    }

    private Clause claimable(Account me, String documentId, String clauseId) {
        access.checkRegistry(me);
        Clause clause = policies.clause(documentId + ":" + clauseId);
        if (clause == null) throw new NotFound("没有条款 " + documentId + ":" + clauseId);
        access.checkClaimants(me, clause);
        return clause;
    }

    @GetMapping("/screening/runs/{id}/clauses/{documentId}/{clauseId:.+}")
    String claimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId, @PathVariable String clauseId,
                     ScreeningRepository.Filter filter, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        Clause clause = claimable(me, documentId, clauseId);
        ScreenRun run = find(id);
        model.addAttribute("run", run);
        model.addAttribute("clause", clause);
        model.addAttribute("document", policies.documentOf(clause));
        model.addAttribute("filter", filter);
        model.addAttribute("areas", places.areas());
        model.addAttribute("page", runs.claimants(id, clause.ref(), filter, PageQuery.of(page, size, sort == null ? "figure" : sort, dir == null ? "desc" : dir)));
        return "screening/claimants";
    }

    private ScreenRun find(long id) {
        return runs.find(id).orElseThrow(() -> new NotFound("没有第" + id + "次筛查"));
    }
}
