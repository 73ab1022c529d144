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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Importing a department file: read it, check every row, then write all of it in one transaction
 * or nothing at all, and record the upload with its report either way. Callers check access.
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
    }

    /**
     * What came of an upload: the report, the HTTP status that says it (201 written or unchanged,
     * 422 rows rejected, 400 or 415 file refused, 500 write failed and undone) and why, in Chinese.
     */
    public record Result(ImportReport report, int status, String detail) {}

    /** Imports a file as {@code kindText} (a key or Chinese name), or as the kind its header shows when none is given. */
    public Result upload(Account me, String kindText, String fileName, byte[] content) {
        ImportKind requested = null;
        if (kindText != null && !kindText.isBlank()) {
            requested = ImportKind.parse(kindText);
            if (requested == null) throw Invalid.field("kind", "导入类型应为" + ImportKind.choices() + "之一，填写的是“" + kindText + "”");
        }
        String name = fileName(fileName);
        String sha = sha256(content);
        RowKind rows = null;
        try {
            Table table = TableReader.read(name, content);
            rows = kindFor(requested, table.header());
            Plan plan = rows.plan(table);
            Upload upload = new Upload(rows.kind().key(), name, sha, content.length, me.username());
            return plan.ok() ? apply(upload, plan) : rejected(upload, plan);
        } catch (Refusal r) {
            String kind = rows != null ? rows.kind().key() : requested != null ? requested.key() : "unknown";
            long id = runs.insert(new Upload(kind, name, sha, content.length, me.username()), ImportRun.REJECTED, 0, 0, r.errors());
            return new Result(report(id), r.status(), r.getMessage());
        }
    }

    public ImportReport report(long id) {
        return runs.find(id).orElseThrow(() -> new NotFound("没有编号为" + id + "的导入记录"));
    }

    public PageQuery.Page<ImportRun> history(PageQuery q) { return runs.page(q); }

    public List<ImportRun> all(PageQuery q) { return runs.all(q); }

    private Result rejected(Upload upload, Plan plan) {
        long id = runs.insert(upload, ImportRun.REJECTED, plan.rows(), plan.rejectedRows(), plan.errors());
        ImportReport report = report(id);
        return new Result(report, 422, report.summary());
    }

    private Result apply(Upload upload, Plan plan) {
        java.util.Set<Long> changed = new java.util.HashSet<>();
        try {
            Long id = tx.execute(status -> {
                long runId = runs.insert(upload, ImportRun.APPLIED, plan.rows(), 0, List.of());
                int[] counts = new int[Outcome.values().length];
                for (Write w : plan.writes()) counts[w.apply(runId, upload.by()).ordinal()]++;
                int unchanged = counts[Outcome.UNCHANGED.ordinal()];
                runs.finish(runId, unchanged == plan.rows() ? ImportRun.UNCHANGED : ImportRun.APPLIED,
                        counts[Outcome.INSERTED.ordinal()], counts[Outcome.UPDATED.ordinal()], unchanged);
                changed.addAll(runs.enterprisesWrittenBy(runId));
                return runId;
            });
            if (!changed.isEmpty()) events.publishEvent(new innopoints.app.registry.EnterprisesChanged(changed));
            ImportReport report = report(id);
            return new Result(report, 201, report.summary());
        } catch (RuntimeException e) {
            log.error("Import of {} ({}) failed while writing; rolled back", upload.fileName(), upload.kind(), e);
            String reason = "写入数据时出错，本文件已写入的部分已全部撤销，平台数据没有变化。请稍后重试，或联系系统管理员";
            long id = runs.insert(upload, ImportRun.REJECTED, plan.rows(), 0, List.of(RowError.file(reason)));
            return new Result(report(id), 500, reason);
        }
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
}
