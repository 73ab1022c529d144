package innopoints.app.registry.imports;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One upload of a department file and what came of it: running (being read or written), applied
 * (rows written), unchanged (every row already as in the file), rejected (nothing written: the
 * file or rows refused) or failed (nothing written: an error, or the service stopped half-way),
 * with counts per row.
 */
public record ImportRun(long id, String kind, String fileName, String contentSha256, long sizeBytes, String uploadedBy,
                        String uploaderName, OffsetDateTime uploadedAt, String status, int rowsTotal, int rowsRejected,
                        int inserted, int updated, int unchanged) {

    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";
    public static final String UNCHANGED = "unchanged";
    public static final String RUNNING = "running";
    public static final String FAILED = "failed";

    @JsonProperty("kindLabel")
    public String kindLabel() { return ImportKind.labelOf(kind); }

    @JsonProperty("statusLabel")
    public String statusLabel() {
        return switch (status) {
            case APPLIED -> "已导入";
            case REJECTED -> "已拒绝（未写入任何数据）";
            case UNCHANGED -> "无变化";
            case RUNNING -> "处理中";
            case FAILED -> "导入失败";
            default -> status;
        };
    }

    /** The upload time as officers read it, in the server's time zone. */
    public String uploadedAtText() {
        return uploadedAt.atZoneSameInstant(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    public boolean rejected() { return REJECTED.equals(status); }

    public boolean failed() { return FAILED.equals(status); }

    public boolean running() { return RUNNING.equals(status); }

    /** Refused whole (not a table, wrong header...), before any row was checked. */
    public boolean refused() { return rejected() && rowsTotal == 0; }
}
