package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
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


    @GetMapping(value = "/screening", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> exportRuns(@AuthenticationPrincipal Account me, @RequestParam(required = false) String sort,
                                                     @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return views.runsWorkbook(sort, dir);
    }

    @GetMapping("/screening")
    String index(@AuthenticationPrincipal Account me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        access.checkRegistry(me);
        String s = sort == null ? "id" : sort, d = dir == null ? "desc" : dir;
        model.addAttribute("page", runs.page(PageQuery.of(page, size == null ? 10 : size, s, d)));
        runs.latestOfficial().ifPresent(r -> model.addAttribute("tallies", views.tallies(me, r.id())));
        model.addAttribute("latest", runs.latestOfficial().orElse(null));
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
        return views.talliesWorkbook(me, views.run(id), sort, dir);
    }

    @GetMapping("/screening/runs/{id}")
    String run(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String sort,
               @RequestParam(required = false) String dir, Model model) {
        access.checkRegistry(me);
        ScreenRun run = views.run(id);
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
        model.addAttribute("run", views.run(id));
        return "screening/run :: progress";
    }

    @GetMapping(value = "/screening/runs/{id}/clauses/{documentId}/{clauseId:.+}", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> exportClaimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId,
                                                          @PathVariable String clauseId, ScreeningRepository.Filter filter,
                                                          @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        return views.claimantsWorkbook(me, views.run(id), documentId, clauseId, filter, sort, dir);
    }

    @GetMapping("/screening/runs/{id}/clauses/{documentId}/{clauseId:.+}")
    String claimants(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable String documentId, @PathVariable String clauseId,
                     ScreeningRepository.Filter filter, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        Clause clause = views.claimable(me, documentId, clauseId);
        ScreenRun run = views.run(id);
        model.addAttribute("run", run);
        model.addAttribute("clause", clause);
        model.addAttribute("document", policies.documentOf(clause));
        model.addAttribute("filter", filter);
        model.addAttribute("areas", places.areas());
        model.addAttribute("page", runs.claimants(id, clause.ref(), filter, PageQuery.of(page, size, sort == null ? "figure" : sort, dir == null ? "desc" : dir)));
        return "screening/claimants";
    }
}
