package innopoints.app.registry;

import innopoints.app.platform.Times;
import innopoints.app.platform.PageQuery;
import innopoints.engine.facts.Beneficiary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry in PostgreSQL: enterprises, their yearly indicators and dated facts. */
@Repository
public class EnterpriseRepository {
    static final Map<String, String> SORTS = new LinkedHashMap<>();
    static {
        SORTS.put("name", "e.name");
        SORTS.put("creditCode", "e.credit_code");
        SORTS.put("district", "e.district");
        SORTS.put("park", "e.park");
        SORTS.put("size", "e.size");
        SORTS.put("updatedAt", "e.updated_at");
    }
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public EnterpriseRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Filters of the registry list; null or blank means any. */
    public record Filter(String q, String district, String park, String qualification, String industry) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    static final RowMapper<Enterprise> ENTERPRISE = (rs, n) -> new Enterprise(rs.getLong("id"), rs.getString("credit_code"),
            rs.getString("name"), Beneficiary.fromKey(rs.getString("kind")), rs.getString("district"), rs.getString("park"),
            texts(rs.getArray("industries")), texts(rs.getArray("qualifications")), rs.getString("size"),
            Times.local(rs, "updated_at"), rs.getLong("version"));

    static List<String> texts(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    public Optional<Enterprise> find(long id) {
        return jdbc.sql("select * from enterprise where id = ?").param(id).query(ENTERPRISE).optional();
    }

    public Optional<Enterprise> findByCreditCode(String code) {
        return jdbc.sql("select * from enterprise where credit_code = ?").param(code).query(ENTERPRISE).optional();
    }

    public long count() { return jdbc.sql("select count(*) from enterprise").query(Long.class).single(); }

    public PageQuery.Page<Enterprise> page(Filter f, PageQuery q) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> p = new LinkedHashMap<>();
        if (notBlank(f.q())) {
            where.append(" and (e.name like :q or e.credit_code like :qc)");
            p.put("q", "%" + like(f.q().strip()) + "%");
            p.put("qc", like(f.q().strip().toUpperCase()) + "%");
        }
        if (notBlank(f.district())) { where.append(" and e.district = :district"); p.put("district", f.district()); }
        if (notBlank(f.park())) { where.append(" and e.park = :park"); p.put("park", f.park()); }
        if (notBlank(f.qualification())) { where.append(" and :qual = any(e.qualifications)"); p.put("qual", f.qualification()); }
        if (notBlank(f.industry())) { where.append(" and :ind = any(e.industries)"); p.put("ind", f.industry()); }
        long total = jdbc.sql("select count(*) from enterprise e" + where).params(p).query(Long.class).single();
        List<Enterprise> items = jdbc.sql("select e.* from enterprise e" + where + q.orderBy(SORTS, "e.id")
                        + " limit " + q.size() + " offset " + q.offset())
                .params(p).query(ENTERPRISE).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, q.sortIn(SORTS), q.descending());
    }

    static boolean notBlank(String s) { return s != null && !s.isBlank(); }

    static String like(String s) { return PageQuery.like(s); }

    // ---- facts ----------------------------------------------------------------------------------

    final RowMapper<FactRecord> factMapper = (rs, n) -> new FactRecord(rs.getLong("id"), rs.getLong("enterprise_id"),
            rs.getString("type"), rs.getObject("occurred_on", LocalDate.class), readMap(rs.getString("fields")),
            rs.getString("source"), rs.getString("created_by"), Times.local(rs, "created_at"), rs.getLong("version"), rs.getString("project"));

    Map<String, Object> readMap(String text) { return json.readValue(text, MAP); }

    String writeMap(Map<String, Object> m) { return json.writeValueAsString(m); }

    public List<FactRecord> facts(long enterpriseId) {
        return jdbc.sql("select * from enterprise_fact where enterprise_id = ? order by occurred_on, id")
                .param(enterpriseId).query(factMapper).list();
    }

    public Optional<FactRecord> fact(long enterpriseId, long factId) {
        return jdbc.sql("select * from enterprise_fact where enterprise_id = ? and id = ?")
                .params(enterpriseId, factId).query(factMapper).optional();
    }

    /** Adds a fact unless the same one (type, date, values) is there; returns its id either way. */
    public long addFact(long enterpriseId, String type, LocalDate date, Map<String, Object> values, String source,
                        Long importId, String createdBy) {
        return addFact(enterpriseId, type, date, values, null, source, importId, createdBy);
    }

    /** Adds a fact about a project (null: none named) unless the same one is there; returns its id either way. */
    public long addFact(long enterpriseId, String type, LocalDate date, Map<String, Object> values, String project, String source,
                        Long importId, String createdBy) {
        String digest = FactValues.digest(type, date, values, project);
        Optional<Long> added = jdbc.sql("""
                        insert into enterprise_fact (enterprise_id, type, occurred_on, fields, digest, source, import_id, created_by, project)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) on conflict (enterprise_id, digest) do nothing returning id""")
                .params(enterpriseId, type, date, writeMap(values), digest, source, importId, createdBy, project)
                .query(Long.class).optional();
        if (added.isPresent()) touch(enterpriseId);
        return added.orElseGet(() -> jdbc.sql("select id from enterprise_fact where enterprise_id = ? and digest = ?")
                .params(enterpriseId, digest).query(Long.class).single());
    }

    /** True when a fact with this content exists. */
    public boolean hasFact(long enterpriseId, String type, LocalDate date, Map<String, Object> values, String project) {
        return jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ? and digest = ?")
                .params(enterpriseId, FactValues.digest(type, date, values, project)).query(Long.class).single() > 0;
    }

    /** Deletes the fact if it is still at {@code version}; false when it has changed or is gone. */
    public boolean deleteFact(long enterpriseId, long factId, long version) {
        boolean gone = jdbc.sql("delete from enterprise_fact where enterprise_id = ? and id = ? and version = ?")
                .params(enterpriseId, factId, version).update() > 0;
        if (gone) touch(enterpriseId);
        return gone;
    }

    /**
     * Corrects the fact in place if it is still at {@code version} (one compare-and-set: of two
     * corrections from one version, the second finds the version moved and writes nothing).
     */
    public boolean reviseFact(long enterpriseId, long factId, long version, LocalDate date, Map<String, Object> values, String project, String by) {
        String type = jdbc.sql("select type from enterprise_fact where enterprise_id = ? and id = ?").params(enterpriseId, factId)
                .query(String.class).optional().orElse(null);
        if (type == null) return false;
        boolean done = jdbc.sql("""
                        update enterprise_fact set occurred_on = ?, fields = ?::jsonb, digest = ?, source = 'declared', import_id = null,
                               created_by = ?, project = ?, version = version + 1
                        where enterprise_id = ? and id = ? and version = ?""")
                .params(date, writeMap(values), FactValues.digest(type, date, values, project), by, project, enterpriseId, factId, version).update() > 0;
        if (done) touch(enterpriseId);
        return done;
    }

    /** Another fact of the enterprise with this content, or null. */
    public Long sameFact(long enterpriseId, long exceptId, String type, LocalDate date, Map<String, Object> values, String project) {
        return jdbc.sql("select id from enterprise_fact where enterprise_id = ? and digest = ? and id <> ?")
                .params(enterpriseId, FactValues.digest(type, date, values, project), exceptId).query(Long.class).optional().orElse(null);
    }

    private void touch(long enterpriseId) {
        jdbc.sql("update enterprise set updated_at = now() where id = ?").param(enterpriseId).update();
    }

    // ---- indicators -----------------------------------------------------------------------------

    public List<Indicator> indicators(long enterpriseId) {
        return jdbc.sql("select * from enterprise_indicator where enterprise_id = ? order by year desc")
                .param(enterpriseId).query(EnterpriseRepository::indicator).list();
    }

    static Indicator indicator(ResultSet rs, int n) throws SQLException {
        return new Indicator(rs.getInt("year"), rs.getBigDecimal("revenue"), rs.getBigDecimal("rd_expense"),
                (Integer) rs.getObject("rd_staff"), (Integer) rs.getObject("staff"), (Integer) rs.getObject("patents"),
                (Integer) rs.getObject("invention_patents"), rs.getBigDecimal("tech_contract_amount"), rs.getLong("version"));
    }

    /** Distinct values for filter lists. */
    public List<String> qualifications() {
        return jdbc.sql("select distinct unnest(qualifications) q from enterprise order by q").query(String.class).list();
    }

    public List<String> industries() {
        return jdbc.sql("select distinct unnest(industries) q from enterprise order by q").query(String.class).list();
    }

    // ---- bulk reads for screening ----------------------------------------------------------------

    /** The next {@code limit} enterprises after id {@code afterId}, in id order. */
    public List<Enterprise> chunkAfter(long afterId, int limit) {
        return jdbc.sql("select * from enterprise where id > ? order by id limit ?").params(afterId, limit).query(ENTERPRISE).list();
    }

    /** The facts of the enterprises with ids from {@code fromId} to {@code toId}, by enterprise. */
    public Map<Long, List<FactRecord>> factsBetween(long fromId, long toId) {
        Map<Long, List<FactRecord>> out = new java.util.HashMap<>();
        jdbc.sql("select * from enterprise_fact where enterprise_id between ? and ? order by enterprise_id, occurred_on, id")
                .params(fromId, toId).query(factMapper).list()
                .forEach(f -> out.computeIfAbsent(f.enterpriseId(), k -> new ArrayList<>()).add(f));
        return out;
    }
}
