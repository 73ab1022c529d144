package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Policies;
import innopoints.engine.policy.Clause;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** A screen's per-clause tallies, limited to the clauses the viewer's department answers for. */
@Component
public class ScreeningViews {
    private final ScreeningRepository runs;
    private final Policies policies;
    private final Access access;

    public ScreeningViews(ScreeningRepository runs, Policies policies, Access access) {
        this.runs = runs;
        this.policies = policies;
        this.access = access;
    }

    public record ClauseTally(Clause clause, String documentTitle, ScreeningRepository.Tally tally, String totalText) {}

    public List<ClauseTally> tallies(Account me, long runId) {
        List<ClauseTally> out = new ArrayList<>();
        for (ScreeningRepository.Tally t : runs.tallies(runId)) {
            Clause c = policies.clause(t.clauseRef());
            if (c == null || !access.canSeeClaimants(me, c)) continue;
            out.add(new ClauseTally(c, policies.documentOf(c).title(), t, Figures.text(t.total(), t.unit())));
        }
        return out;
    }
}
