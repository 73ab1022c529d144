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

    @GetMapping("/screening")
    Object index(@AuthenticationPrincipal Account me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                 @RequestParam(required = false) String format, Model model) {
        access.checkRegistry(me);
        String s = sort == null ? "id" : sort, d = dir == null ? "desc" : dir;
        if ("xlsx".equals(format)) return Xlsx.download("主动筛查记录", "主动筛查", RUN_COLUMNS, runs.page(PageQuery.export(s, d)).items());
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

    @GetMapping("/screening/runs/{id}")
    Object run(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String sort,
               @RequestParam(required = false) String dir, @RequestParam(required = false) String format, Model model) {
        access.checkRegistry(me);
        ScreenRun run = find(id);
        List<ScreeningViews.ClauseTally> tallies = run.status().equals("done")
                ? ScreeningViews.sorted(views.tallies(me, id), sort, "desc".equals(dir)) : null;
        if ("xlsx".equals(format)) {
            return Xlsx.download("第" + id + "次筛查-按条款汇总", "按条款汇总", ScreeningViews.COLUMNS, tallies == null ? List.of() : tallies);
        }
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

    @GetMapping("/screening/runs/{id}/clauses/{documentId}/{clauseId:.+}")
    Object claimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId, @PathVariable String clauseId,
                     ScreeningRepository.Filter filter, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                     @RequestParam(required = false) String format, Model model) {
        access.checkRegistry(me);
        Clause clause = policies.clause(documentId + ":" + clauseId);
        if (clause == null) throw new NotFound("没有条款 " + documentId + ":" + clauseId);
        access.checkClaimants(me, clause);
        ScreenRun run = find(id);
        if ("xlsx".equals(format)) {
            return Xlsx.download("可申报企业-" + clause.ref().replace(':', '-'), "可申报企业", COLUMNS,
                    runs.claimants(id, clause.ref(), filter, PageQuery.export(sort == null ? "figure" : sort, dir == null ? "desc" : dir)).items());
        }
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
