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

    /** Orders of the tallies table: by clause (pack order), by enterprises, by total. */
    public static List<ClauseTally> sorted(List<ClauseTally> tallies, String sort, boolean descending) {
        java.util.Comparator<ClauseTally> c = switch (sort == null ? "" : sort) {
            case "enterprises" -> java.util.Comparator.comparingLong(t -> t.tally().enterprises());
            case "total" -> java.util.Comparator.comparing(t -> t.tally().total());
            default -> java.util.Comparator.comparingInt(t -> 0);
        };
        List<ClauseTally> out = new ArrayList<>(tallies);
        out.sort(descending ? c.reversed() : c);
        return out;
    }

    public static final List<innopoints.app.platform.Xlsx.Column<ClauseTally>> COLUMNS = List.of(
            new innopoints.app.platform.Xlsx.Column<>("条款", t -> t.clause().ref()),
            new innopoints.app.platform.Xlsx.Column<>("文件", ClauseTally::documentTitle),
            new innopoints.app.platform.Xlsx.Column<>("条", t -> t.clause().citation()),
            new innopoints.app.platform.Xlsx.Column<>("标题", t -> t.clause().title()),
            new innopoints.app.platform.Xlsx.Column<>("责任部门", t -> t.clause().departments()),
            new innopoints.app.platform.Xlsx.Column<>("可享受企业", t -> t.tally().enterprises()),
            new innopoints.app.platform.Xlsx.Column<>("合计", t -> t.tally().total()),
            new innopoints.app.platform.Xlsx.Column<>("单位", t -> "yuan".equals(t.tally().unit()) ? "元" : "分"),
            new innopoints.app.platform.Xlsx.Column<>("其中为上限", t -> t.tally().ceilings()),
            new innopoints.app.platform.Xlsx.Column<>("金额待核定", t -> t.tally().undetermined()));

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
