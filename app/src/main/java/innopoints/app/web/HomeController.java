package innopoints.app.web;

import innopoints.app.accounts.Account;
import innopoints.app.screening.ScreenRun;
import innopoints.app.screening.ScreeningRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, the public home page, the user guide, and the page each role starts from:
 * an enterprise on its own enterprise (its push), an officer on its department's clauses and
 * imports, a leader and finance on the registry and the latest screen, an administrator on an
 * overview.
 */
@Controller
public class HomeController {
    private final Dashboards dashboards;
    private final ScreeningRepository runs;

    public HomeController(Dashboards dashboards, ScreeningRepository runs) {
        this.dashboards = dashboards;
        this.runs = runs;
    }

    @GetMapping("/login")
    String login() { return "login"; }

    @GetMapping("/guide")
    String guide() { return "guide"; }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Account me, Model model) {
        if (me == null) {
            model.addAttribute("newest", dashboards.newestClauses(8));
            model.addAttribute("documents", dashboards.documentCount());
            model.addAttribute("clauses", dashboards.clauseCount());
            return "home/public";
        }
        ScreenRun latest = runs.latestOfficial().orElse(null);
        model.addAttribute("latest", latest);
        return switch (me.role()) {
            case ENTERPRISE -> me.pending() ? "redirect:/account/registration" : "redirect:/enterprises/" + me.enterpriseId();
            case OFFICER -> {
                model.addAttribute("clauses", dashboards.departmentClauses(me, latest));
                model.addAttribute("imports", dashboards.recentImports(5));
                yield "home/officer";
            }
            case LEADER, FINANCE -> {
                summary(me, latest, model);
                yield "home/summary";
            }
            case ADMIN -> {
                summary(me, latest, model);
                model.addAttribute("accounts", dashboards.accountsByRole());
                model.addAttribute("facts", dashboards.facts());
                model.addAttribute("imports", dashboards.recentImports(5));
                yield "home/admin";
            }
        };
    }

    private void summary(Account me, ScreenRun latest, Model model) {
        model.addAttribute("enterprises", dashboards.enterprises());
        model.addAttribute("districts", dashboards.byDistrict());
        model.addAttribute("indicators", dashboards.indicators());
        if (latest != null) model.addAttribute("totals", dashboards.screenTotals(me, latest));
    }
}
