package innopoints.app.registry.imports;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.ApiErrors;
import innopoints.app.platform.PageJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;

/**
 * Data import for scripts: upload a file and get its report; 201 when written (or unchanged),
 * problem details when refused, with the report's per-row {@code errors} and its {@code importId}.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "数据导入", description = "部门数据文件（企业名录、年度指标、事项；CSV或Excel）导入企业库，有任何一行有误则整个文件不导入")
class ImportApi {
    private final ImportService imports;
    private final Access access;

    ImportApi(ImportService imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadImport", summary = "导入部门数据文件", description = "全部行无误时一次性写入（201，附导入报告）；有误行时整个文件不导入（422，errors列出行号、列和原因）；"
            + "文件不是CSV或xlsx时415，空文件、表头有误或超过50000行时400")
    @ApiResponse(responseCode = "201", description = "已导入（或与平台数据一致，无变化），返回导入报告；Location为报告地址",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "422", description = "有误行，整个文件未导入：errors 列出行号、列和原因，importId 为该次导入的编号")
    @ApiResponse(responseCode = "400", description = "空文件、表头有误或行数超限，整个文件未导入（errors 说明原因，importId 为该次导入的编号）")
    @ApiResponse(responseCode = "415", description = "文件不是CSV或xlsx")
    @ApiResponse(responseCode = "413", description = "文件超过10MB")
    ResponseEntity<?> upload(@AuthenticationPrincipal Account me, @Parameter(description = "CSV（UTF-8）或xlsx文件，最大10MB") @RequestParam("file") MultipartFile file,
                             @Parameter(description = "enterprises（企业名录）、indicators（年度指标）或facts（事项）；不填则按表头识别")
                             @RequestParam(value = "kind", required = false) String kind,
                             HttpServletRequest req) throws IOException {
        access.checkImport(me);
        ImportService.Result result = imports.upload(me, kind, file.getOriginalFilename(), file.getSize(), file::getBytes);
        ImportReport report = result.report();
        if (result.status() == 201) {
            return ResponseEntity.created(URI.create(req.getContextPath() + "/api/imports/" + report.run().id())).body(report);
        }
        ResponseEntity<ProblemDetail> problem = ApiErrors.problem(req, result.status(), title(result.status()), result.detail(), null);
        ProblemDetail body = problem.getBody();
        body.setType(URI.create("https://innopoints.nantong/problems/"
                + (result.status() == 422 ? "rows-rejected" : result.status() == 500 ? "import-failed" : "file-refused")));
        body.setProperty("importId", report.run().id());
        body.setProperty("errors", report.errors());
        return problem;
    }

    @GetMapping
    @Operation(operationId = "listImports", summary = "导入记录（分页，默认最新的在前）")
    PageJson<ImportRun> list(@AuthenticationPrincipal Account me, @RequestParam(name = "page", required = false) Integer page,
                                   @RequestParam(name = "size", required = false) Integer size, @Parameter(description = "排序：uploadedAt（上传时间，默认倒序）、kind、fileName、uploadedBy、status、rowsTotal") @RequestParam(name = "sort", required = false) String sort,
                                   @RequestParam(name = "dir", required = false) String dir) {
        access.checkImport(me);
        return PageJson.of(imports.history(ImportController.query(page, size, sort, dir)), run -> run);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getImport", summary = "一次导入的报告：状态、各项计数和有误的行")
    ImportReport get(@AuthenticationPrincipal Account me, @Parameter(description = "导入编号") @PathVariable("id") long id) {
        access.checkImport(me);
        return imports.report(id);
    }

    private static String title(int status) {
        return switch (status) {
            case 422 -> "数据有误，未导入";
            case 415 -> "文件类型不支持";
            case 500 -> "导入失败，已撤销";
            default -> "文件被拒绝";
        };
    }
}
