package innopoints.app.registry.imports;

import innopoints.app.platform.Times;
import innopoints.app.platform.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record of uploads, {@code import_run}, with each one's report. */
@Repository
class ImportRepository {
    static final Map<String, String> SORTS = new LinkedHashMap<>();
    static {
        SORTS.put("uploadedAt", "r.uploaded_at");
        SORTS.put("kind", "r.kind");
        SORTS.put("fileName", "r.file_name");
        SORTS.put("uploadedBy", "r.uploaded_by");
        SORTS.put("status", "r.status");
        SORTS.put("rowsTotal", "r.rows_total");
    }
    private static final String SELECT = "select r.*, coalesce(u.display_name, r.uploaded_by) uploader_name from import_run r"
            + " left join app_user u on u.username = r.uploaded_by";
    private static final RowMapper<ImportRun> RUN = (rs, n) -> new ImportRun(rs.getLong("id"), rs.getString("kind"),
            rs.getString("file_name"), rs.getString("content_sha256"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
            rs.getString("uploader_name"), Times.local(rs, "uploaded_at"), rs.getString("status"),
            rs.getInt("rows_total"), rs.getInt("rows_rejected"), rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged"));
    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** What was uploaded, by whom. */
    record Upload(String kind, String fileName, String sha256, long size, String by) {}

    /** Records an upload as running, before its content is read. */
    long start(Upload u) {
        return jdbc.sql("""
                        insert into import_run (kind, file_name, content_sha256, size_bytes, uploaded_by, status, rows_total, rows_rejected)
                        values (?, ?, ?, ?, ?, 'running', 0, 0) returning id""")
                .params(u.kind(), u.fileName(), u.sha256(), u.size(), u.by())
                .query(Long.class).single();
    }

    /** The content has arrived: its fingerprint and true size. */
    void received(long id, String sha256, long size) {
        jdbc.sql("update import_run set content_sha256 = ?, size_bytes = ? where id = ?").params(sha256, size, id).update();
    }

    /** Ends a run without writing (rejected); {@code errors} beyond {@link ImportReport#MAX_LISTED} are left out of the report. */
    void conclude(long id, String kind, String status, int rowsTotal, int rowsRejected, List<RowError> errors) {
        List<RowError> listed = errors.size() > ImportReport.MAX_LISTED ? errors.subList(0, ImportReport.MAX_LISTED) : errors;
        jdbc.sql("update import_run set kind = ?, status = ?, rows_total = ?, rows_rejected = ?, report = ?::jsonb where id = ?")
                .params(kind, status, rowsTotal, rowsRejected, json.writeValueAsString(listed), id).update();
    }

    /** Ends a run that wrote its rows (in the writing transaction). */
    void finish(long id, String kind, String status, int rowsTotal, int inserted, int updated, int unchanged) {
        jdbc.sql("update import_run set kind = ?, status = ?, rows_total = ?, inserted = ?, updated = ?, unchanged = ? where id = ?")
                .params(kind, status, rowsTotal, inserted, updated, unchanged, id).update();
    }

    /** Ends a run that failed; its writes, if any, were rolled back. */
    void fail(long id, String kind, int rowsTotal, String reason) {
        jdbc.sql("""
                        update import_run set kind = ?, status = 'failed', rows_total = ?, inserted = 0, updated = 0, unchanged = 0,
                        report = ?::jsonb where id = ?""")
                .params(kind, rowsTotal, json.writeValueAsString(List.of(RowError.file(reason))), id).update();
    }

    /** Fails every run still marked running; returns how many. */
    int failRunning(String reason) {
        return jdbc.sql("update import_run set status = 'failed', report = ?::jsonb where status = 'running'")
                .param(json.writeValueAsString(List.of(RowError.file(reason)))).update();
    }

    Optional<ImportReport> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id)
                .query((rs, n) -> new ImportReport(RUN.mapRow(rs, n), json.readValue(rs.getString("report"), ERRORS)))
                .optional();
    }

    PageQuery.Page<ImportRun> page(PageQuery q) {
        long total = jdbc.sql("select count(*) from import_run").query(Long.class).single();
        List<ImportRun> items = jdbc.sql(SELECT + q.orderBy(SORTS, "r.id desc") + " limit " + q.size() + " offset " + q.offset())
                .query(RUN).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, q.sortIn(SORTS), q.descending());
    }

    /** Every upload in the order of {@code q}, for the Excel export. */
    List<ImportRun> all(PageQuery q) {
        return jdbc.sql(SELECT + q.orderBy(SORTS, "r.id desc")).query(RUN).list();
    }

    /**
     * The enterprises this transaction wrote (profile, indicators or facts): every write of an
     * import stamps now(), which is the transaction's start time and the same for all of them.
     */
    java.util.List<Long> enterprisesWrittenBy(long runId) {
        return jdbc.sql("""
                        select id from enterprise where updated_at = now()
                        union select enterprise_id from enterprise_indicator where updated_at = now()
                        union select enterprise_id from enterprise_fact where import_id = ?""")
                .param(runId).query(Long.class).list();
    }
}
