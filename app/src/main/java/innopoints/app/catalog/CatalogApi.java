package innopoints.app.catalog;

import innopoints.app.catalog.Facets.Option;
import innopoints.app.platform.OpenApiConfig;
import innopoints.app.platform.PageJson;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;

/** The one list as JSON, public like its pages. */
@RestController
@OpenApiConfig.PublicApi
@RequestMapping("/api/policies")
@Tag(name = "政策清单", description = "一张清单：南通市和通州区科技创新政策的全部条款，可检索、筛选，并附原文、规则、测算示例和修改记录")
class CatalogApi {

    /** A clause in a list. */
    @Schema(name = "PolicyItem")
    record Item(String ref, String document, String documentTitle, String citation, String title, String rule,
                List<String> departments, List<Option> beneficiaries, List<String> industries, Option status,
                @Schema(description = "原文片段（HTML：已转义，匹配处以<mark>标出）") String snippet) {
        static Item of(CatalogSearch.Hit h) {
            Clause c = h.clause();
            Document d = h.document();
            return new Item(c.ref(), d.id(), d.title(), c.citation(), c.title(), h.rule(), c.departments(),
                    Facets.beneficiariesOf(c), c.industries(), Option.of(d.status()), h.snippet().html());
        }
    }

    /** A change in a clause's history. */
    @Schema(name = "ClauseChange")
    record Change(String change, String label, OffsetDateTime seenAt, String text, String rule) {
        static Change of(ClauseHistory.Version v) {
            return new Change(v.change(), v.changeLabel(), v.seenAt(), v.text(), v.rule());
        }
    }

    /** A clause with its exact words, its rule, the worked cases that name it and its history. */
    record ClauseBody(String ref, String document, String documentTitle, String citation, String title, Option status,
                      List<String> departments, List<Option> beneficiaries, List<String> industries,
                      @Schema(description = "原文，一字不改") String text, String rule,
                      List<ClauseDetails.Example> cases, List<Change> history) {
        static ClauseBody of(ClauseDetails.Detail d) {
            Clause c = d.clause();
            return new ClauseBody(c.ref(), d.document().id(), d.document().title(), c.citation(), c.title(),
                    Option.of(d.document().status()), c.departments(), d.beneficiaries(), c.industries(), c.text(),
                    d.rule(), d.examples(), d.history().stream().map(Change::of).toList());
        }
    }

    private final CatalogSearch search;
    private final ClauseDetails details;

    CatalogApi(CatalogSearch search, ClauseDetails details) {
        this.search = search;
        this.details = details;
    }

    @Operation(operationId = "searchPolicies", summary = "检索政策条款", description = "按搜索词检索全部条款，可按文件、产业领域、支持对象、责任部门和状态筛选，分页返回；参数有误时返回400及出错字段")
    @GetMapping
    PageJson<Item> search(@ParameterObject CatalogParams params) {
        return PageJson.of(search.search(params.toQuery()), Item::of);
    }

    @Operation(operationId = "getPolicyFacets", summary = "筛选项", description = "清单中出现的文件、产业领域、支持对象、责任部门和状态，供筛选下拉框使用")
    @GetMapping("/facets")
    Facets facets() {
        return search.facets();
    }

    @Operation(operationId = "getClause", summary = "查看政策条款", description = "条款原文、通俗规则、引用该条款的测算示例和修改记录；没有该条款时返回404")
    @GetMapping("/{documentId}/{clauseId:.+}")
    ClauseBody clause(@Parameter(description = "文件编号，如 city-2025") @PathVariable("documentId") String documentId,
                      @Parameter(description = "条款编号，如 4.1") @PathVariable("clauseId") String clauseId) {
        return ClauseBody.of(details.of(documentId, clauseId));
    }
}
