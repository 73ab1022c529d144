package innopoints.app.screening;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.engine.policy.Clause;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.ArrayList;
import java.util.List;

/**
 * What the screening pages and API show alike: a run, a clause whose claimants the viewer may see,
 * the per-clause tallies limited to the clauses the viewer's department answers for, and the
 * workbooks of each list.
 */
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

    /** Orders of the tallies table: by clause (natural order of the list, as {@link #tallies} gives them), by enterprises, by total. */
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

    static final List<Xlsx.Column<ClauseTally>> TALLY_COLUMNS = List.of(
            new Xlsx.Column<>("条款", t -> t.clause().ref()),
            new Xlsx.Column<>("文件", ClauseTally::documentTitle),
            new Xlsx.Column<>("条", t -> t.clause().citation()),
            new Xlsx.Column<>("标题", t -> t.clause().title()),
            new Xlsx.Column<>("责任部门", t -> t.clause().departments()),
            new Xlsx.Column<>("可享受企业", t -> t.tally().enterprises()),
            new Xlsx.Column<>("合计", t -> t.tally().total()),
            new Xlsx.Column<>("单位", t -> "yuan".equals(t.tally().unit()) ? "元" : "分"),
            new Xlsx.Column<>("其中为上限", t -> t.tally().ceilings()),
            new Xlsx.Column<>("金额待核定", t -> t.tally().undetermined()),
            new Xlsx.Column<>("择一（不计入合计）", t -> t.tally().options()));

    public List<ClauseTally> tallies(Account me, long runId) {
        List<ClauseTally> out = new ArrayList<>();
        for (ScreeningRepository.Tally t : runs.tallies(runId)) {
            Clause c = policies.clause(t.clauseRef());
            if (c == null || !access.canSeeClaimants(me, c)) continue;
            out.add(new ClauseTally(c, policies.documentOf(c).title(), t, Figures.text(t.total(), t.unit())));
        }
        out.sort(java.util.Comparator.comparing(ClauseTally::clause, policies.naturalOrder()));
        return out;
    }

    public ScreenRun run(long id) {
        return runs.find(id).orElseThrow(() -> new NotFound("没有第" + id + "次筛查"));
    }

    /** The clause, if the viewer may see who could claim it. */
    public Clause claimable(Account me, String documentId, String clauseId) {
        access.checkRegistry(me);
        Clause clause = policies.clause(documentId + ":" + clauseId);
        if (clause == null) throw new NotFound("没有条款 " + documentId + ":" + clauseId);
        access.checkClaimants(me, clause);
        return clause;
    }

    static final List<Xlsx.Column<ScreenRun>> RUN_COLUMNS = List.of(
            new Xlsx.Column<>("次", ScreenRun::id),
            new Xlsx.Column<>("截至日期", ScreenRun::asOf),
            new Xlsx.Column<>("含征求意见稿", ScreenRun::drafts),
            new Xlsx.Column<>("类型", ScreenRun::purposeLabel),
            new Xlsx.Column<>("发起", ScreenRun::startedBy),
            new Xlsx.Column<>("开始", r -> r.startedAt().toString()),
            new Xlsx.Column<>("结束", r -> r.finishedAt() == null ? null : r.finishedAt().toString()),
            new Xlsx.Column<>("状态", ScreenRun::statusLabel),
            new Xlsx.Column<>("企业", ScreenRun::total),
            new Xlsx.Column<>("有可享条款的企业", ScreenRun::entitled));

    static final List<Xlsx.Column<Entitlement>> CLAIMANT_COLUMNS = List.of(
            new Xlsx.Column<>("统一社会信用代码", Entitlement::creditCode),
            new Xlsx.Column<>("企业名称", Entitlement::enterpriseName),
            new Xlsx.Column<>("所属板块", Entitlement::district),
            new Xlsx.Column<>("所在园区", Entitlement::park),
            new Xlsx.Column<>("条款", Entitlement::clauseRef),
            new Xlsx.Column<>("金额/积分", Entitlement::figure),
            new Xlsx.Column<>("单位", e -> e.unit().equals("yuan") ? "元" : "分"),
            new Xlsx.Column<>("性质", e -> Figures.kindLabel(e.kind())),
            new Xlsx.Column<>("依据事项", Entitlement::facts),
            new Xlsx.Column<>("择一", e -> e.option() ? "不可同时享受，与" + e.choiceWith() + "择一申报" : ""));

    public ResponseEntity<StreamingResponseBody> runsWorkbook(String sort, String dir) {
        return Xlsx.download("主动筛查记录", "主动筛查", RUN_COLUMNS, runs.page(PageQuery.export(sort == null ? "id" : sort, dir == null ? "desc" : dir)).items());
    }

    public ResponseEntity<StreamingResponseBody> talliesWorkbook(Account me, ScreenRun run, String sort, String dir) {
        return Xlsx.download("第" + run.id() + "次" + (run.official() ? "筛查" : "模拟筛查（不向企业推送）") + "-按条款汇总", "按条款汇总", TALLY_COLUMNS, sorted(tallies(me, run.id()), sort, "desc".equals(dir)));
    }

    public ResponseEntity<StreamingResponseBody> claimantsWorkbook(Account me, ScreenRun run, String documentId, String clauseId,
                                                                   ScreeningRepository.Filter filter, String sort, String dir) {
        Clause clause = claimable(me, documentId, clauseId);
        return Xlsx.download((run.official() ? "" : "模拟筛查（不向企业推送）-") + "可申报企业-" + clause.ref().replace(':', '-'), "可申报企业", CLAIMANT_COLUMNS,
                runs.claimants(run.id(), clause.ref(), filter, PageQuery.export(sort == null ? "figure" : sort, dir == null ? "desc" : dir)).items());
    }
}
