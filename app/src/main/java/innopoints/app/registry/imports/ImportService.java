package innopoints.app.registry.imports;

import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.PageQuery;
import innopoints.app.registry.imports.ImportRepository.Upload;
import innopoints.app.registry.imports.RowKind.Outcome;
import innopoints.app.registry.imports.RowKind.Plan;
import innopoints.app.registry.imports.RowKind.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Importing a department file: record it as running, read it, check every row, then write all of
 * it in one transaction or nothing at all, and record how it ended with its report: applied,
 * unchanged, rejected, or failed (an exception, the client gone, or the process stopped half-way).
 * Callers check access.
 */
@Service
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int MAX_FILE_NAME = 200;

    private final List<RowKind> kinds;
    private final ImportRepository runs;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;

    ImportService(List<RowKind> kinds, ImportRepository runs, TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events) {
        this.kinds = kinds.stream().sorted(Comparator.comparing(RowKind::kind)).toList();
        this.runs = runs;
        this.tx = tx;
        this.events = events;
        failAbandoned();
    }

    /**
     * What came of an upload: the report, the HTTP status that says it (201 written or unchanged,
     * 422 rows rejected, 400 or 415 file refused, 500 failed and undone) and why, in Chinese.
     */
    public record Result(ImportReport report, int status, String detail) {}

    /** The bytes of an upload, read when the import has been recorded as running (reading may fail: a client gone). */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }

    /** Imports a file as {@code kindText} (a key or Chinese name), or as the kind its header shows when none is given. */
    public Result upload(Account me, String kindText, String fileName, byte[] content) {
        return upload(me, kindText, fileName, content.length, () -> content);
    }

    /**
     * Imports an upload of {@code size} bytes (as declared), recorded as running before it is read, so
     * that an upload that dies half-way (an exception, the client gone, the process killed) is left
     * on record as failed, never as nothing.
     */
    public Result upload(Account me, String kindText, String fileName, long size, Content content) {
        ImportKind requested = null;
        if (kindText != null && !kindText.isBlank()) {
            requested = ImportKind.parse(kindText);
            if (requested == null) throw Invalid.field("kind", "导入类型应为" + ImportKind.choices() + "之一，填写的是“" + kindText + "”");
        }
        String name = fileName(fileName);
        String kind = requested != null ? requested.key() : "unknown";
        long id = runs.start(new Upload(kind, name, "", size, me.username()));
        RowKind rows = null;
        Plan plan = null;
        try {
            byte[] bytes = content.read();
            runs.received(id, sha256(bytes), bytes.length);
            Table table = TableReader.read(name, bytes);
            rows = kindFor(requested, table.header());
            plan = rows.plan(table);
            return plan.ok() ? apply(id, rows.kind().key(), me.username(), plan) : rejected(id, rows.kind().key(), plan);
        } catch (Refusal r) {
            runs.conclude(id, rows != null ? rows.kind().key() : kind, ImportRun.REJECTED, 0, 0, r.errors());
            return new Result(report(id), r.status(), r.getMessage());
        } catch (Exception e) {
            log.error("Import {} of {} failed; nothing of it was written", id, name, e);
            String reason = plan != null && plan.ok()
                    ? "写入数据时出错，本文件已写入的部分已全部撤销，平台数据没有变化。请稍后重试，或联系系统管理员"
                    : "处理文件时出错，未导入任何数据。请稍后重试，或联系系统管理员";
            runs.fail(id, rows != null ? rows.kind().key() : kind, plan != null ? plan.rows() : 0, reason);
            return new Result(report(id), 500, reason);
        } catch (Error e) {
            try {
                runs.fail(id, kind, 0, "处理文件时服务发生系统错误，未导入任何数据。请联系系统管理员");
            } catch (RuntimeException ignored) {
                // the error itself is what matters; a run left running is failed at the next start
            }
            throw e;
        }
    }

    /** Imports left running by a process that stopped (killed, crashed) are failed: their writes were rolled back. */
    public int failAbandoned() {
        int n = runs.failRunning("服务在导入过程中停止，本次导入未完成，未写入任何数据。请重新上传");
        if (n > 0) log.warn("{} import(s) left running by a stopped process were marked failed", n);
        return n;
    }

    public ImportReport report(long id) {
        return runs.find(id).orElseThrow(() -> new NotFound("没有编号为" + id + "的导入记录"));
    }

    public PageQuery.Page<ImportRun> history(PageQuery q) { return runs.page(q); }

    public List<ImportRun> all(PageQuery q) { return runs.all(q); }

    private Result rejected(long id, String kind, Plan plan) {
        runs.conclude(id, kind, ImportRun.REJECTED, plan.rows(), plan.rejectedRows(), plan.errors());
        ImportReport report = report(id);
        return new Result(report, 422, report.summary());
    }

    /** Every row in one transaction; if it fails, the caller records the run as failed. The enterprises written are re-screened after. */
    private Result apply(long id, String kind, String by, Plan plan) {
        java.util.Set<Long> changed = new java.util.HashSet<>();
        tx.executeWithoutResult(status -> {
            int[] counts = new int[Outcome.values().length];
            for (Write w : plan.writes()) counts[w.apply(id, by).ordinal()]++;
            int unchanged = counts[Outcome.UNCHANGED.ordinal()];
            runs.finish(id, kind, unchanged == plan.rows() ? ImportRun.UNCHANGED : ImportRun.APPLIED, plan.rows(),
                    counts[Outcome.INSERTED.ordinal()], counts[Outcome.UPDATED.ordinal()], unchanged);
            changed.addAll(runs.enterprisesWrittenBy(id));
        });
        if (!changed.isEmpty()) events.publishEvent(new innopoints.app.registry.EnterprisesChanged(changed));
        ImportReport report = report(id);
        return new Result(report, 201, report.summary());
    }

    /** The kind asked for, checked against the header; or the kind whose required columns the header has. */
    private RowKind kindFor(ImportKind requested, Header header) {
        RowKind recognised = kinds.stream().filter(k -> k.required().stream().allMatch(header::has))
                .max(Comparator.comparingInt(k -> k.required().size())).orElse(null);
        if (requested == null) {
            if (recognised == null) {
                throw new Refusal("无法从表头识别文件类型（" + ImportKind.choices() + "）。请选择导入类型，或下载模板核对表头。未导入任何数据");
            }
            return recognised;
        }
        RowKind chosen = kinds.stream().filter(k -> k.kind() == requested).findFirst().orElseThrow();
        boolean fits = chosen.required().stream().allMatch(header::has);
        if (!fits && recognised != null) {
            throw new Refusal("选择的导入类型是“" + requested.label() + "”，但文件的表头是“" + recognised.kind().label()
                    + "”文件的格式。请选择正确的类型后重新上传，未导入任何数据");
        }
        return chosen;
    }

    /** The name without the folders some browsers send with it. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) return "未命名文件";
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) return "未命名文件";
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest uploads, newest first. */
    public List<ImportRun> recent(int n) {
        return runs.page(innopoints.app.platform.PageQuery.of(1, n, null, null)).items();
    }
}
