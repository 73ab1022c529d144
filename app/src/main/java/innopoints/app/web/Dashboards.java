package innopoints.app.web;

import innopoints.app.accounts.Account;
import innopoints.app.platform.Policies;
import innopoints.app.registry.imports.ImportRun;
import innopoints.app.registry.imports.ImportService;
import innopoints.app.screening.ScreenRun;
import innopoints.app.screening.ScreeningViews;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each role's start page shows, read from the registry, the latest screen and the pack:
 * an officer's clauses with their claimants, the registry by district and its indicators, the
 * latest screen's totals by document and department, recent imports, accounts by role.
 */
@Component
public class Dashboards {
    private final ImportService imports;
    private final JdbcClient jdbc;
    private final Policies policies;
    private final ScreeningViews screening;

    public Dashboards(JdbcClient jdbc, Policies policies, ScreeningViews screening, ImportService imports) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.policies = policies;
        this.screening = screening;
    }

    /** A clause of the list with its document, for the public page's newest clauses. */
    public record NewClause(Clause clause, Document document) {}

    /** The clauses of the most recently issued documents, in the list's order. */
    public List<NewClause> newestClauses(int n) {
        List<Document> docs = new ArrayList<>(policies.pack().documents());
        docs.sort(Comparator.comparing(Document::issued, Comparator.nullsLast(Comparator.reverseOrder())));
        List<NewClause> out = new ArrayList<>();
        for (Document d : docs) {
            for (Clause c : d.clauses()) {
                if (out.size() == n) return out;
                out.add(new NewClause(c, d));
            }
        }
        return out;
    }

    public int documentCount() { return policies.pack().documents().size(); }

    public long clauseCount() {
        long n = 0;
        for (Document d : policies.pack().documents()) n += d.clauses().size();
        return n;
    }

    /** One clause a department answers for, with what the latest screen found for it. */
    public record DepartmentClause(Clause clause, String documentTitle, long claimants, BigDecimal total, String unit, long undetermined) {}

    /** Every clause the officer's department answers for, in the list's order, with the latest screen's claimants (0 where none). */
    public List<DepartmentClause> departmentClauses(Account me, ScreenRun latest) {
        Map<String, ScreeningViews.ClauseTally> tallies = new HashMap<>();
        if (latest != null) for (var t : screening.tallies(me, latest.id())) tallies.put(t.clause().ref(), t);
        List<Clause> clauses = new ArrayList<>();
        for (Clause c : policies.pack().clauses()) if (me.department() != null && c.departments().contains(me.department())) clauses.add(c);
        clauses.sort(policies.naturalOrder());
        List<DepartmentClause> out = new ArrayList<>();
        for (Clause c : clauses) {
            var t = tallies.get(c.ref());
            out.add(new DepartmentClause(c, policies.documentOf(c).title(), t == null ? 0 : t.tally().enterprises(),
                    t == null ? null : t.tally().total(), t == null ? policies.documentOf(c).unit().key() : t.tally().unit(),
                    t == null ? 0 : t.tally().undetermined()));
        }
        return out;
    }

    /** A screen's totals for one document or department: clauses with claimants, claims, yuan and points. */
    public record Total(String name, long clauses, long claims, BigDecimal yuan, BigDecimal points) {
        Total plus(ScreeningViews.ClauseTally t) {
            boolean isYuan = "yuan".equals(t.tally().unit());
            BigDecimal v = t.tally().total() == null ? BigDecimal.ZERO : t.tally().total();
            return new Total(name, clauses + 1, claims + t.tally().enterprises(), isYuan ? yuan.add(v) : yuan, isYuan ? points : points.add(v));
        }
    }

    /** The latest screen summed by document (in the list's order) and by department. */
    public record ScreenTotals(List<Total> byDocument, List<Total> byDepartment, Total all) {}

    public ScreenTotals screenTotals(Account me, ScreenRun run) {
        Map<String, Total> docs = new LinkedHashMap<>(), deps = new java.util.TreeMap<>(java.text.Collator.getInstance(java.util.Locale.CHINA));
        for (Document d : policies.pack().documents()) docs.put(d.title(), empty(d.title()));
        Total all = empty("合计");
        for (var t : screening.tallies(me, run.id())) {
            docs.computeIfPresent(t.documentTitle(), (k, v) -> v.plus(t));
            for (String dep : t.clause().departments()) deps.merge(dep, empty(dep).plus(t), (a, b) -> a.plus(t));
            all = all.plus(t);
        }
        return new ScreenTotals(List.copyOf(docs.values()), List.copyOf(deps.values()), all);
    }

    private static Total empty(String name) { return new Total(name, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO); }

    /** Enterprises of one district (板块), in the order of seed 004. */
    public record District(String name, long enterprises, long highTech, long inParks) {}

    public List<District> byDistrict() {
        return jdbc.sql("""
                select a.name, count(e.id) n, count(e.id) filter (where '高新技术企业' = any(e.qualifications)) ht,
                       count(e.id) filter (where e.park is not null) parks
                from area a left join enterprise e on e.district = a.name group by a.name, a.ord order by a.ord""")
                .query((rs, i) -> new District(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** The registry's indicators of the latest year any enterprise reported. */
    public record Indicators(Integer year, long enterprises, BigDecimal revenue, BigDecimal rdExpense, long rdStaff, long inventionPatents,
                             BigDecimal techContracts) {
        /** 研发投入强度 of all together, in percent with two decimals. */
        public BigDecimal rdIntensity() {
            return revenue == null || revenue.signum() == 0 || rdExpense == null ? null
                    : rdExpense.multiply(BigDecimal.valueOf(100)).divide(revenue, 2, java.math.RoundingMode.HALF_UP);
        }
    }

    public Indicators indicators() {
        return jdbc.sql("""
                select year, count(*), sum(revenue), sum(rd_expense), coalesce(sum(rd_staff), 0), coalesce(sum(invention_patents), 0),
                       sum(tech_contract_amount)
                from enterprise_indicator where year = (select max(year) from enterprise_indicator) group by year""")
                .query((rs, i) -> new Indicators(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getLong(5),
                        rs.getLong(6), rs.getBigDecimal(7)))
                .optional().orElse(new Indicators(null, 0, null, null, 0, 0, null));
    }

    public long enterprises() { return jdbc.sql("select count(*) from enterprise").query(Long.class).single(); }

    public long facts() { return jdbc.sql("select count(*) from enterprise_fact").query(Long.class).single(); }

    /** The newest uploads of department data, as the imports page lists them. */
    public List<ImportRun> recentImports(int n) { return imports.recent(n); }

    /** Accounts of one role: how many, how many disabled. */
    public record RoleCount(String role, long accounts, long disabled) {}

    public List<RoleCount> accountsByRole() {
        return jdbc.sql("select role, count(*), count(*) filter (where not enabled) from app_user group by role order by role")
                .query((rs, i) -> new RoleCount(label(rs.getString(1)), rs.getLong(2), rs.getLong(3))).list();
    }

    private static String label(String role) {
        try {
            return innopoints.app.accounts.Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }
}
