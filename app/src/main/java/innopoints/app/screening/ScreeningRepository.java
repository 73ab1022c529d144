package innopoints.app.screening;

import innopoints.app.platform.Times;
import innopoints.app.platform.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class ScreeningRepository {
    private static final RowMapper<ScreenRun> RUN = (rs, n) -> new ScreenRun(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
            rs.getBoolean("drafts"), rs.getString("purpose"), rs.getString("status"), rs.getString("started_by"), Times.local(rs, "started_at"),
            Times.local(rs, "finished_at"), rs.getInt("total"), rs.getInt("done"), rs.getInt("entitled"), rs.getString("error"));
    private static final RowMapper<Entitlement> ENTITLEMENT = (rs, n) -> new Entitlement(rs.getLong("run_id"), rs.getLong("enterprise_id"),
            rs.getString("name"), rs.getString("credit_code"), rs.getString("district"), rs.getString("park"), rs.getString("clause_ref"),
            rs.getBigDecimal("figure"), rs.getString("unit"), rs.getString("kind"), rs.getString("facts"), rs.getInt("choice"),
            rs.getString("choice_with"));
    static final Map<String, String> SORTS = new LinkedHashMap<>();
    static {
        SORTS.put("figure", "t.figure");
        SORTS.put("name", "e.name");
        SORTS.put("district", "e.district");
        SORTS.put("park", "e.park");
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ScreeningRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<ScreenRun> running() {
        return jdbc.sql("select * from screen_run where status = 'running' order by id desc limit 1").query(RUN).optional();
    }

    public Optional<ScreenRun> find(long id) {
        return jdbc.sql("select * from screen_run where id = ?").param(id).query(RUN).optional();
    }

    /** The latest finished screen of either purpose (an officer's view of the screens). */
    public Optional<ScreenRun> latestDone() {
        return jdbc.sql("select * from screen_run where status = 'done' order by id desc limit 1").query(RUN).optional();
    }

    /** The latest finished official screen: the only one whose results reach enterprises. */
    public Optional<ScreenRun> latestOfficial() {
        return jdbc.sql("select * from screen_run where status = 'done' and purpose = 'official' order by id desc limit 1").query(RUN).optional();
    }

    static final Map<String, String> RUN_SORTS = new LinkedHashMap<>();
    static {
        RUN_SORTS.put("id", "id");
        RUN_SORTS.put("asOf", "as_of");
        RUN_SORTS.put("purpose", "purpose");
        RUN_SORTS.put("status", "status");
        RUN_SORTS.put("entitled", "entitled");
    }

    public PageQuery.Page<ScreenRun> page(PageQuery q) {
        long total = jdbc.sql("select count(*) from screen_run").query(Long.class).single();
        List<ScreenRun> items = jdbc.sql("select * from screen_run" + q.orderBy(RUN_SORTS, "id desc") + " limit " + q.size() + " offset " + q.offset())
                .query(RUN).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, q.sortIn(RUN_SORTS), q.descending());
    }

    public long start(LocalDate asOf, boolean drafts, String purpose, String by, int total) {
        return jdbc.sql("insert into screen_run (as_of, drafts, purpose, status, started_by, total) values (?, ?, ?, 'running', ?, ?) returning id")
                .params(asOf, drafts, purpose, by, total).query(Long.class).single();
    }

    public void progress(long id, int done) {
        jdbc.sql("update screen_run set done = ? where id = ?").params(done, id).update();
    }

    public void finish(long id, int done) {
        jdbc.sql("""
                update screen_run set status = 'done', done = ?, finished_at = now(),
                       entitled = (select count(distinct enterprise_id) from entitlement where run_id = ?)
                where id = ?""").params(done, id, id).update();
    }

    /** A failed screen keeps no results: nothing half-written is ever shown. */
    public void fail(long id, String error) {
        jdbc.sql("delete from entitlement where run_id = ?").param(id).update();
        jdbc.sql("update screen_run set status = 'failed', finished_at = now(), error = ? where id = ?").params(error, id).update();
    }

    /** Screens left running by a process that stopped are failed at start-up. */
    public int failAbandoned() {
        List<Long> ids = jdbc.sql("select id from screen_run where status = 'running'").query(Long.class).list();
        for (long id : ids) fail(id, "服务在筛查过程中停止，本次筛查未完成");
        return ids.size();
    }

    public void insert(List<Object[]> rows) {
        if (rows.isEmpty()) return;
        template.batchUpdate("insert into entitlement (run_id, enterprise_id, clause_ref, figure, unit, kind, facts, choice, choice_with) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public List<Entitlement> forEnterprise(long runId, long enterpriseId) {
        return jdbc.sql("""
                        select t.*, e.name, e.credit_code, e.district, e.park from entitlement t join enterprise e on e.id = t.enterprise_id
                        where t.run_id = ? and t.enterprise_id = ? order by t.choice, t.figure desc nulls last, t.clause_ref""")
                .params(runId, enterpriseId).query(ENTITLEMENT).list();
    }

    /**
     * Per clause of a run: how many enterprises could claim it, the total of their figures, and how
     * many could claim it only as one option of a choice (择一: counted among the enterprises, never
     * added to the total).
     */
    public record Tally(String clauseRef, String unit, long enterprises, BigDecimal total, long ceilings, long undetermined, long options) {}

    public List<Tally> tallies(long runId) {
        return jdbc.sql("""
                        select clause_ref, min(unit) unit, count(distinct enterprise_id) n, coalesce(sum(figure) filter (where choice = 0), 0) total,
                               count(*) filter (where kind = 'ceiling' and choice = 0) ceilings, count(*) filter (where kind = 'undetermined') undetermined,
                               count(distinct enterprise_id) filter (where choice > 0) options
                        from entitlement where run_id = ? group by clause_ref order by clause_ref""")
                .param(runId).query((rs, n) -> new Tally(rs.getString("clause_ref"), rs.getString("unit"), rs.getLong("n"),
                        rs.getBigDecimal("total"), rs.getLong("ceilings"), rs.getLong("undetermined"), rs.getLong("options"))).list();
    }

    public record Filter(String q, String district, String park, String kind) {}

    public PageQuery.Page<Entitlement> claimants(long runId, String clauseRef, Filter f, PageQuery q) {
        StringBuilder where = new StringBuilder(" where t.run_id = :run and t.clause_ref = :ref");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("run", runId);
        p.put("ref", clauseRef);
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (e.name like :q or e.credit_code like :qc)");
            p.put("q", "%" + PageQuery.like(f.q().strip()) + "%");
            p.put("qc", PageQuery.like(f.q().strip().toUpperCase()) + "%");
        }
        if (f.district() != null && !f.district().isBlank()) { where.append(" and e.district = :district"); p.put("district", f.district()); }
        if (f.park() != null && !f.park().isBlank()) { where.append(" and e.park = :park"); p.put("park", f.park()); }
        if (f.kind() != null && !f.kind().isBlank()) { where.append(" and t.kind = :kind"); p.put("kind", f.kind()); }
        String from = " from entitlement t join enterprise e on e.id = t.enterprise_id";
        long total = jdbc.sql("select count(*)" + from + where).params(p).query(Long.class).single();
        List<Entitlement> items = jdbc.sql("select t.*, e.name, e.credit_code, e.district, e.park" + from + where
                + q.orderBy(SORTS, "e.id") + " limit " + q.size() + " offset " + q.offset()).params(p).query(ENTITLEMENT).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, q.sortIn(SORTS), q.descending());
    }

    // ---- an enterprise re-screened on its own after a change -------------------------------------

    /** When an enterprise was last re-screened on its own, and as of which day. */
    public record Rescreen(long enterpriseId, LocalDate asOf, OffsetDateTime screenedAt) {}

    /** Locks the enterprises' rows so that two re-screens of one enterprise write in the order they read. */
    public void lockEnterprises(java.util.Collection<Long> ids) {
        jdbc.sql("select id from enterprise where id = any(?) order by id for update")
                .param(ids.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Replaces the enterprises' own screen results with {@code rows} (enterprise, clause, figure, unit, kind, facts). */
    public void replaceRescreens(java.util.Collection<Long> ids, LocalDate asOf, List<Object[]> rows) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("delete from enterprise_rescreen where enterprise_id = any(?)").param(array).update();
        jdbc.sql("insert into enterprise_rescreen (enterprise_id, as_of) select unnest(?::bigint[]), ?").params(array, asOf).update();
        if (!rows.isEmpty()) {
            template.batchUpdate("insert into rescreen_entitlement (enterprise_id, clause_ref, figure, unit, kind, facts, choice, choice_with) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    public Optional<Rescreen> rescreen(long enterpriseId) {
        return jdbc.sql("select * from enterprise_rescreen where enterprise_id = ?").param(enterpriseId)
                .query((rs, n) -> new Rescreen(rs.getLong("enterprise_id"), rs.getObject("as_of", LocalDate.class), Times.local(rs, "screened_at")))
                .optional();
    }

    public List<Entitlement> rescreenedEntitlements(long enterpriseId) {
        return jdbc.sql("""
                        select 0 as run_id, t.*, e.name, e.credit_code, e.district, e.park from rescreen_entitlement t join enterprise e on e.id = t.enterprise_id
                        where t.enterprise_id = ? order by t.choice, t.figure desc nulls last, t.clause_ref""")
                .param(enterpriseId).query(ENTITLEMENT).list();
    }

    /** Own re-screens older than an official screen that has since finished are superseded by it. */
    public void dropRescreensBefore(OffsetDateTime officialStarted) {
        jdbc.sql("delete from enterprise_rescreen where screened_at < ?").param(officialStarted).update();
    }
}
