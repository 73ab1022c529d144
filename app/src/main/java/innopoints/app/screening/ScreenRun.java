package innopoints.app.screening;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One proactive screen of the whole registry, and how far it got. */
public record ScreenRun(long id, LocalDate asOf, boolean drafts, String status, String startedBy, OffsetDateTime startedAt,
                        @Schema(nullable = true, description = "结束时间；进行中为null") OffsetDateTime finishedAt, int total, int done, int entitled, @Schema(nullable = true, description = "失败原因；未失败为null") String error) {

    public boolean running() { return status.equals("running"); }

    public int percent() { return total == 0 ? (running() ? 0 : 100) : (int) (100L * done / total); }

    public String statusLabel() {
        return switch (status) {
            case "running" -> "筛查中";
            case "done" -> "已完成";
            case "failed" -> "失败";
            default -> status;
        };
    }

    /** Seconds from start to finish (or to now while running). */
    public long seconds() {
        return Duration.between(startedAt, finishedAt == null ? OffsetDateTime.now() : finishedAt).toSeconds();
    }
}
