package innopoints.app.registry.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** An import and the problems that stopped it (at most {@value #MAX_LISTED} listed), as shown to the officer. */
public record ImportReport(@JsonUnwrapped ImportRun run, List<RowError> errors) {
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** More problems were found than are listed. */
    @JsonProperty("truncated")
    public boolean truncated() { return errors.size() >= MAX_LISTED; }

    /** What happened, in one sentence. */
    @JsonProperty("summary")
    public String summary() {
        return switch (run.status()) {
            case ImportRun.APPLIED -> "已导入" + run.rowsTotal() + "行：新增" + run.inserted() + "行，更新" + run.updated()
                    + "行，无变化" + run.unchanged() + "行";
            case ImportRun.UNCHANGED -> "无变化：文件中的" + run.rowsTotal() + "行与平台现有数据一致，未写入任何内容";
            case ImportRun.RUNNING -> "正在处理，请稍后刷新本页查看结果";
            case ImportRun.FAILED -> "导入失败，未写入任何数据：" + String.join("；", errors.stream().limit(3).map(RowError::message).toList());
            default -> run.refused() || run.rowsRejected() == 0
                    ? "文件被拒绝，未导入任何数据：" + String.join("；", errors.stream().limit(3).map(RowError::message).toList())
                    + (errors.size() > 3 ? "……" : "")
                    : "文件共" + run.rowsTotal() + "行数据，其中" + run.rowsRejected() + "行有误，整个文件都没有导入，未写入任何数据";
        };
    }
}
