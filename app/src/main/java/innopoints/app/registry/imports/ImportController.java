package innopoints.app.registry.imports;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.util.List;

/** The pages of data import: upload form and history, the report of one upload, the templates. */
@Controller
@RequestMapping("/imports")
class ImportController {
    private final ImportService imports;
    private final ImportTemplates templates;
    private final Access access;
    private final Policies policies;

    ImportController(ImportService imports, ImportTemplates templates, Access access, Policies policies) {
        this.imports = imports;
        this.templates = templates;
        this.access = access;
        this.policies = policies;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Account me, @RequestParam(name = "page", required = false) Integer page,
                @RequestParam(name = "size", required = false) Integer size, @RequestParam(name = "sort", required = false) String sort,
                @RequestParam(name = "dir", required = false) String dir, Model model) {
        access.checkImport(me);
        model.addAttribute("page", imports.history(query(page, size, sort, dir)));
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("factTypes", policies.pack().vocabulary().types());
        return "imports/list";
    }

    @GetMapping(params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @RequestParam(name = "sort", required = false) String sort,
                                                 @RequestParam(name = "dir", required = false) String dir) {
        access.checkImport(me);
        return Xlsx.download("数据导入记录", "导入记录", HISTORY, imports.all(query(1, PageQuery.MAX_SIZE, sort, dir)));
    }

    @PostMapping
    String upload(@AuthenticationPrincipal Account me, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "kind", required = false) String kind) throws IOException {
        access.checkImport(me);
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            throw Invalid.field("file", "请选择要导入的文件");
        }
        ImportService.Result result = imports.upload(me, kind, file.getOriginalFilename(), file.getSize(), file::getBytes);
        return "redirect:/imports/" + result.report().run().id();
    }

    @GetMapping("/{id}")
    String report(@AuthenticationPrincipal Account me, @PathVariable("id") long id, Model model) {
        access.checkImport(me);
        model.addAttribute("report", imports.report(id));
        return "imports/report";
    }

    @GetMapping("/template/{kind}")
    ResponseEntity<StreamingResponseBody> template(@AuthenticationPrincipal Account me, @PathVariable("kind") String kind,
                                                   @RequestParam(name = "type", required = false) String type) {
        access.checkImport(me);
        ImportKind k = ImportKind.parse(kind);
        if (k == null) throw new NotFound("没有“" + kind + "”的导入模板；可下载的模板：" + ImportKind.choices());
        ImportTemplates.Template t = templates.of(k, type);
        return Xlsx.download(t.fileName(), t.sheet(), t.columns(), List.of(t.example()));
    }

    /** Newest first unless the officer sorts otherwise. */
    static PageQuery query(Integer page, Integer size, String sort, String dir) {
        return sort == null && dir == null ? PageQuery.of(page, size, "uploadedAt", "desc") : PageQuery.of(page, size, sort, dir);
    }

    static final List<Xlsx.Column<ImportRun>> HISTORY = List.of(
            new Xlsx.Column<>("编号", ImportRun::id),
            new Xlsx.Column<>("上传时间", ImportRun::uploadedAtText),
            new Xlsx.Column<>("类型", ImportRun::kindLabel),
            new Xlsx.Column<>("文件名", ImportRun::fileName),
            new Xlsx.Column<>("文件大小（字节）", ImportRun::sizeBytes),
            new Xlsx.Column<>("文件SHA-256", ImportRun::contentSha256),
            new Xlsx.Column<>("上传人", ImportRun::uploaderName),
            new Xlsx.Column<>("状态", ImportRun::statusLabel),
            new Xlsx.Column<>("数据行", ImportRun::rowsTotal),
            new Xlsx.Column<>("有误行", ImportRun::rowsRejected),
            new Xlsx.Column<>("新增", ImportRun::inserted),
            new Xlsx.Column<>("更新", ImportRun::updated),
            new Xlsx.Column<>("无变化", ImportRun::unchanged));
}
