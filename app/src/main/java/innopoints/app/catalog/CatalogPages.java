package innopoints.app.catalog;

import innopoints.app.platform.Xlsx;
import innopoints.app.platform.Xlsx.Column;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/** The one list as public pages: search and filter every clause, export it, read one clause. */
@Controller
@RequestMapping("/policies")
class CatalogPages {
    private static final List<Column<CatalogSearch.Hit>> COLUMNS = List.of(
            new Column<>("文件", h -> h.document().title()),
            new Column<>("条款编号", h -> h.clause().ref()),
            new Column<>("条", h -> h.clause().citation()),
            new Column<>("标题", h -> h.clause().title()),
            new Column<>("状态", h -> h.document().status().label()),
            new Column<>("责任部门", h -> h.clause().departments()),
            new Column<>("支持对象", h -> Facets.beneficiariesOf(h.clause()).stream().map(Facets.Option::label).toList()),
            new Column<>("产业领域", h -> h.clause().industries()),
            new Column<>("规则", CatalogSearch.Hit::rule),
            new Column<>("原文", h -> h.clause().text()));

    private final CatalogSearch search;
    private final ClauseDetails details;

    CatalogPages(CatalogSearch search, ClauseDetails details) {
        this.search = search;
        this.details = details;
    }

    @GetMapping
    String list(@ModelAttribute("filters") CatalogParams filters, Model model) {
        model.addAttribute("page", search.search(filters.toQuery()));
        model.addAttribute("facets", search.facets());
        return "policies";
    }

    @GetMapping(params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute CatalogParams filters) {
        return Xlsx.download("政策清单", "政策清单", COLUMNS, search.all(filters.toQuery()));
    }

    @GetMapping("/{documentId}/{clauseId:.+}")
    String clause(@PathVariable("documentId") String documentId, @PathVariable("clauseId") String clauseId, Model model) {
        model.addAttribute("detail", details.of(documentId, clauseId));
        return "policy";
    }
}
