package innopoints.app.catalog;

import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.PageQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The request parameters of the one list, shared by its page, its export and its API. Numbers
 * arrive as text so that a wrong one is refused with a message naming its field.
 */
record CatalogParams(
        @Parameter(description = "搜索词（中文），在条款原文、标题、规则、事项和文件标题中查找；为空时列出全部条款") String q,
        @Parameter(description = "文件编号，如 city-2025") String document,
        @Parameter(description = "产业领域，如 集成电路") String industry,
        @Parameter(description = "支持对象，如 enterprise（企业）") String beneficiary,
        @Parameter(description = "责任部门，如 市工信局") String department,
        @Parameter(description = "文件状态：in-force（有效）、draft（征求意见稿）、expired（已失效）") String status,
        @Parameter(description = "页码，从1开始", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) String page,
        @Parameter(description = "每页条数，最多200", schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20")) String size,
        @Parameter(description = "排序：relevance（相关度，有搜索词时默认）、order（文件和条款顺序，默认）、title（标题）") String sort,
        @Parameter(description = "排序方向：asc（默认）或 desc（倒序）") String dir) {

    CatalogSearch.Query toQuery() {
        List<FieldError> errors = new ArrayList<>();
        Integer pageNumber = positive("page", "页码", page, errors);
        Integer pageSize = positive("size", "每页条数", size, errors);
        if (present(dir) && !dir.equals("asc") && !dir.equals("desc")) {
            errors.add(new FieldError("dir", "排序方向“" + dir + "”应为 asc 或 desc"));
        }
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
        return new CatalogSearch.Query(q, document, industry, beneficiary, department, status,
                PageQuery.of(pageNumber, pageSize, sort, dir));
    }

    private static Integer positive(String field, String name, String value, List<FieldError> errors) {
        if (!present(value)) return null;
        String digits = value.strip();
        if (digits.matches("[0-9]{1,9}") && Integer.parseInt(digits) >= 1) return Integer.parseInt(digits);
        errors.add(new FieldError(field, name + "“" + value + "”应为正整数"));
        return null;
    }

    private static boolean present(String s) { return s != null && !s.isBlank(); }
}
