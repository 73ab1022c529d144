package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Policies;
import innopoints.engine.policy.Clause;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What an enterprise is told it can claim (its push): from the latest finished official screen,
 * or from its own re-screen after a change to its data when that is newer. Simulations (drafts
 * on, another date) never reach it. Each viewer sees only the clauses Access lets it see.
 */
@Component
public class EntitlementQueries {
    private final ScreeningRepository runs;
    private final Policies policies;
    private final Access access;

    public EntitlementQueries(ScreeningRepository runs, Policies policies, Access access) {
        this.runs = runs;
        this.policies = policies;
        this.access = access;
    }

    public record Row(Entitlement entitlement, Clause clause, String documentTitle, String figureText, String kindLabel) {}

    /**
     * An enterprise's push as one viewer may see it. {@code run} is the official screen it comes
     * from, or null when it comes from the enterprise's own re-screen ({@code rescreened}) or when
     * nothing has been screened yet ({@code asOf} null). {@code hidden} counts the clauses left
     * out because another department answers for them (kept off the pages: even a count would
     * tell an officer something of another department's claimants).
     */
    public record Push(ScreenRun run, LocalDate asOf, OffsetDateTime screenedAt, boolean rescreened, List<Row> rows, int hidden) {
        public boolean screened() { return asOf != null; }

        /** Where the push comes from, as the enterprise page says it. */
        public String source() {
            if (!screened()) return "尚未进行主动筛查。";
            String at = screenedAt.toLocalDateTime().withNano(0).toString().replace('T', ' ');
            return rescreened
                    ? "根据企业信息变更后 " + at + " 的即时筛查（正式筛查，现行有效政策，截至" + asOf + "）"
                    : "根据 " + at + " 完成的第" + run.id() + "次全库正式筛查（现行有效政策，截至" + asOf + "）";
        }
    }

    public Push forEnterprise(Account viewer, long enterpriseId) {
        Optional<ScreenRun> official = runs.latestOfficial();
        Optional<ScreeningRepository.Rescreen> own = runs.rescreen(enterpriseId)
                .filter(r -> official.isEmpty() || r.screenedAt().isAfter(official.get().startedAt()));
        List<Entitlement> found;
        Push shell;
        if (own.isPresent()) {
            found = runs.rescreenedEntitlements(enterpriseId);
            shell = new Push(null, own.get().asOf(), own.get().screenedAt(), true, List.of(), 0);
        } else if (official.isPresent()) {
            ScreenRun run = official.get();
            found = runs.forEnterprise(run.id(), enterpriseId);
            shell = new Push(run, run.asOf(), run.finishedAt(), false, List.of(), 0);
        } else {
            return new Push(null, null, null, false, List.of(), 0);
        }
        List<Row> all = found.stream().map(this::row).filter(r -> r.clause() != null).toList();
        List<Row> visible = all.stream().filter(r -> access.canSeeEntitlement(viewer, r.clause())).toList();
        return new Push(shell.run(), shell.asOf(), shell.screenedAt(), shell.rescreened(), visible, all.size() - visible.size());
    }

    public Row row(Entitlement e) {
        Clause c = policies.clause(e.clauseRef());
        return new Row(e, c, c == null ? "" : policies.documentOf(c).title(), Figures.text(e.figure(), e.unit()), Figures.kindLabel(e.kind()));
    }
}
