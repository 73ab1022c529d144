package innopoints.app.registry;

import innopoints.app.platform.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Earlier awards in PostgreSQL (table prior_award, append-only: a trigger refuses any change but
 * the one voiding of a record; nothing here deletes).
 */
@Repository
public class AwardRepository {
    static final RowMapper<AwardRecord> AWARD = (rs, n) -> new AwardRecord(rs.getLong("id"), rs.getLong("enterprise_id"),
            rs.getString("clause_ref"), rs.getString("matter"), rs.getString("level"), rs.getString("unit"), rs.getString("project"),
            rs.getObject("awarded_on", LocalDate.class), rs.getBigDecimal("figure"), rs.getString("source"), rs.getString("note"),
            rs.getString("recorded_by"), Times.local(rs, "recorded_at"), rs.getString("voided_by"), Times.local(rs, "voided_at"),
            rs.getString("void_reason"));

    private final JdbcClient jdbc;

    public AwardRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Every record of the enterprise, voided ones too, newest award first. */
    public List<AwardRecord> all(long enterpriseId) {
        return jdbc.sql("select * from prior_award where enterprise_id = ? order by awarded_on desc, id desc")
                .param(enterpriseId).query(AWARD).list();
    }

    /** The records that stand (not voided): what the calculator counts. */
    public List<AwardRecord> standing(long enterpriseId) {
        return jdbc.sql("select * from prior_award where enterprise_id = ? and voided_at is null order by awarded_on, id")
                .param(enterpriseId).query(AWARD).list();
    }

    /** The standing records of the enterprises with ids from {@code fromId} to {@code toId}, by enterprise (screening). */
    public Map<Long, List<AwardRecord>> standingBetween(long fromId, long toId) {
        Map<Long, List<AwardRecord>> out = new HashMap<>();
        jdbc.sql("select * from prior_award where enterprise_id between ? and ? and voided_at is null order by enterprise_id, awarded_on, id")
                .params(fromId, toId).query(AWARD).list()
                .forEach(a -> out.computeIfAbsent(a.enterpriseId(), k -> new ArrayList<>()).add(a));
        return out;
    }

    public Optional<AwardRecord> find(long enterpriseId, long id) {
        return jdbc.sql("select * from prior_award where enterprise_id = ? and id = ?").params(enterpriseId, id).query(AWARD).optional();
    }

    /**
     * Records an award unless the same one (same content, digest) stands already: a form sent twice
     * records once. Returns the id of the record either way.
     */
    public long record(long enterpriseId, String clause, String matter, String level, String unit, String project, LocalDate on,
                       java.math.BigDecimal figure, String source, String note, String digest, String by) {
        Optional<Long> added = jdbc.sql("""
                        insert into prior_award (enterprise_id, clause_ref, matter, level, unit, project, awarded_on, figure, source, note, digest, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (enterprise_id, digest) where voided_at is null do nothing returning id""")
                .params(enterpriseId, clause, matter, level, unit, project, on, figure, source, note, digest, by)
                .query(Long.class).optional();
        return added.orElseGet(() -> jdbc.sql("select id from prior_award where enterprise_id = ? and digest = ? and voided_at is null")
                .params(enterpriseId, digest).query(Long.class).single());
    }

    /** Voids a standing record once; false when it was voided already (or is not there). */
    public boolean voidOnce(long enterpriseId, long id, String by, String reason) {
        return jdbc.sql("""
                        update prior_award set voided_by = ?, voided_at = now(), void_reason = ?
                        where enterprise_id = ? and id = ? and voided_at is null""")
                .params(by, reason, enterpriseId, id).update() > 0;
    }
}
