package innopoints.app.registry.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a row (or the whole file) was refused: the row number as the officer sees it in the file
 * (header = row 1; null when it is about the whole file), the column as headed in the file (null
 * when it is about the whole row or file), and the reason in Chinese.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RowError(@Schema(nullable = true, description = "行号（表头为第1行）；涉及整个文件时为null") Integer row,
                       @Schema(nullable = true, description = "列名；涉及整行或整个文件时为null") String column, String reason) {

    static RowError file(String reason) { return new RowError(null, null, reason); }

    /** The column, in the {field, message} shape every refusal of the API has. */
    @JsonProperty("field")
    @Schema(nullable = true, description = "同column")
    public String field() { return column; }

    /** "第3行“所属板块”：…", the error as one sentence. */
    @JsonProperty("message")
    public String message() {
        String where = (row == null ? "" : "第" + row + "行") + (column == null ? "" : "“" + column + "”");
        return where.isEmpty() ? reason : where + "：" + reason;
    }
}
