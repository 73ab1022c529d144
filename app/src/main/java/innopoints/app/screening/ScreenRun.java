package innopoints.app.screening;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One proactive screen of the whole registry, and how far it got. Its purpose is "official" (the
 * documents in force as of the day it ran, no drafts: what enterprises are told they can claim)
 * or "simulation" (an officer's what-if: drafts switched on or another as-of date; never pushed).
 */
public record ScreenRun(long id, LocalDate asOf, boolean drafts, String purpose, String status, String startedBy, OffsetDateTime startedAt,
                        @Schema(nullable = true, description = "结束时间；进行中为null") OffsetDateTime finishedAt, int total, int done, int entitled,
                        @Schema(nullable = true, description = "失败原因；未失败为null") String error) {

    public static final String OFFICIAL = "official";
    public static final String SIMULATION = "simulation";
    /** The label every page and API answer showing a what-if screen carries. */
    public static final String SIMULATION_LABEL = "模拟筛查（不向企业推送）";

    /** Official only when it screens the documents in force on the day it runs, drafts off. */
    public static String purposeOf(LocalDate asOf, boolean drafts, LocalDate today) {
        return !drafts && asOf.equals(today) ? OFFICIAL : SIMULATION;
    }

    public boolean official() { return OFFICIAL.equals(purpose); }

    @com.fasterxml.jackson.annotation.JsonProperty("purposeLabel")
    public String purposeLabel() { return official() ? "正式筛查" : SIMULATION_LABEL; }

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
