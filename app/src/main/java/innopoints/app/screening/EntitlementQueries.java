package innopoints.app.screening;

import innopoints.app.platform.Policies;
import innopoints.engine.policy.Clause;
import org.springframework.stereotype.Component;

import java.util.List;

/** An enterprise's entitlements from the latest finished screen, with their clauses. */
@Component
public class EntitlementQueries {
    private final ScreeningRepository runs;
    private final Policies policies;

    public EntitlementQueries(ScreeningRepository runs, Policies policies) {
        this.runs = runs;
        this.policies = policies;
    }

    public record Row(Entitlement entitlement, Clause clause, String documentTitle, String figureText, String kindLabel) {}

    public record Latest(ScreenRun run, List<Row> rows) {}

    public Latest forEnterprise(long enterpriseId) {
        return runs.latestDone().map(run -> new Latest(run, runs.forEnterprise(run.id(), enterpriseId).stream()
                .map(this::row).filter(r -> r.clause() != null).toList())).orElse(new Latest(null, List.of()));
    }

    public Row row(Entitlement e) {
        Clause c = policies.clause(e.clauseRef());
        return new Row(e, c, c == null ? "" : policies.documentOf(c).title(), Figures.text(e.figure(), e.unit()), Figures.kindLabel(e.kind()));
    }
}
