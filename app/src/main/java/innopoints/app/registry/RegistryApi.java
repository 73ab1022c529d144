package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.PageJson;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.app.screening.EntitlementQueries;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.app.platform.OpenApiConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api")
@Tag(name = "企业名录", description = "企业、年度指标与事项")
public class RegistryApi {
    private final EnterpriseRepository repo;
    private final RegistryService registry;
    private final EntitlementQueries entitlements;
    private final Policies policies;
    private final Access access;
    private final EnterpriseWorkbook workbook;
    private final RegistryEdits edits;

    public RegistryApi(EnterpriseRepository repo, RegistryService registry, EntitlementQueries entitlements, Policies policies, Access access,
                       EnterpriseWorkbook workbook, RegistryEdits edits) {
        this.edits = edits;
        this.workbook = workbook;
        this.repo = repo;
        this.registry = registry;
        this.entitlements = entitlements;
        this.policies = policies;
        this.access = access;
    }

    public record EnterpriseJson(long id, String creditCode, String name, String kind, String kindLabel, String district,
                                 @Schema(nullable = true, description = "所在园区；不在园区时为null") String park,
                                 List<String> industries, List<String> qualifications,
                                 @Schema(nullable = true, description = "规模：micro、small、medium、large；未登记时为null") String size,
                                 OffsetDateTime updatedAt,
                                 @Schema(description = "版本号：修改时须带回，已被他人修改时返回409") long version) {
        static EnterpriseJson of(Enterprise e) {
            return new EnterpriseJson(e.id(), e.creditCode(), e.name(), e.kind().key(), e.kind().label(), e.district(), e.park(),
                    e.industries(), e.qualifications(), e.size(), e.updatedAt(), e.version());
        }
    }

    static final String Q = "名称包含，或统一社会信用代码开头为此文字";
    static final String DISTRICT = "所在区县，如 通州区";
    static final String PARK = "所在园区";
    static final String QUALIFICATION = "资质，如 高新技术企业";
    static final String INDUSTRY = "产业领域，如 集成电路";
    static final String SORTS = "排序：name（名称，默认）、creditCode、district、park、size、updatedAt";

    @PutMapping("/enterprises/{id}")
    @Operation(operationId = "updateEnterprise", summary = "修改企业基本信息",
            description = "统一社会信用代码不变；须带所依据的版本号version，已被他人修改时返回409")
    EnterpriseJson updateProfile(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                                 @RequestBody RegistryEdits.ProfileInput in) {
        return EnterpriseJson.of(edits.updateProfile(me, id, in));
    }

    @PutMapping("/enterprises/{id}/indicators/{year}")
    @Operation(operationId = "saveIndicator", summary = "新增或修改某年度指标",
            description = "新增时不带version；修改时须带所依据的版本号version，已被他人修改时返回409")
    Indicator saveIndicator(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                            @Parameter(description = "年度") @PathVariable int year, @RequestBody RegistryEdits.IndicatorInput in) {
        return edits.saveIndicator(me, id, year, in);
    }

    @GetMapping("/enterprises")
    @Operation(operationId = "listEnterprises", summary = "企业名录（分页、排序、筛选）", description = "部门经办人员、财政、领导和管理员可查看；企业用户无权查看名录")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = Q)
    @Parameter(name = "district", in = ParameterIn.QUERY, description = DISTRICT)
    @Parameter(name = "park", in = ParameterIn.QUERY, description = PARK)
    @Parameter(name = "qualification", in = ParameterIn.QUERY, description = QUALIFICATION)
    @Parameter(name = "industry", in = ParameterIn.QUERY, description = INDUSTRY)
    PageJson<EnterpriseJson> list(@AuthenticationPrincipal Account me, @ParameterObject EnterpriseRepository.Filter filter,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @Parameter(description = SORTS) @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        registry.checkFilter(filter);
        return PageJson.of(repo.page(filter, PageQuery.of(page, size, sort, dir)), EnterpriseJson::of);
    }

    @GetMapping("/enterprises/export.xlsx")
    @Operation(operationId = "exportEnterprises", summary = "企业名录导出为Excel", description = "筛选和排序同企业名录列表，导出全部符合条件的行（最多100000行）")
    @ApiResponse(responseCode = "200", description = "Excel工作簿", content = @Content(mediaType = Xlsx.TYPE_VALUE, schema = @Schema(type = "string", format = "binary")))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = Q)
    @Parameter(name = "district", in = ParameterIn.QUERY, description = DISTRICT)
    @Parameter(name = "park", in = ParameterIn.QUERY, description = PARK)
    @Parameter(name = "qualification", in = ParameterIn.QUERY, description = QUALIFICATION)
    @Parameter(name = "industry", in = ParameterIn.QUERY, description = INDUSTRY)
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @ParameterObject EnterpriseRepository.Filter filter,
                                                 @Parameter(description = SORTS) @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        registry.checkFilter(filter);
        return Xlsx.download("企业名录", "企业名录", EnterpriseController.COLUMNS, repo.page(filter, PageQuery.export(sort, dir)).items());
    }

    @GetMapping("/enterprises/{id}/export.xlsx")
    @Operation(operationId = "exportEnterprise", summary = "一家企业导出为Excel", description = "基本信息、可享受的政策（部门经办人员只含本部门负责的条款）、事项、年度指标，各一张工作表")
    @ApiResponse(responseCode = "200", description = "Excel工作簿", content = @Content(mediaType = Xlsx.TYPE_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id) {
        return workbook.of(me, registry.enterprise(me, id));
    }

    /** One enterprise as {@code GET /api/enterprises/{id}} answers it. */
    public record EnterpriseBody(EnterpriseJson enterprise, List<Indicator> indicators, List<FactJson> facts, List<EntitlementJson> entitlements) {}

    @GetMapping("/enterprises/{id}")
    @Operation(operationId = "getEnterprise", summary = "一家企业：基本信息、年度指标、事项和主动推送的可享条款")
    EnterpriseBody show(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id) {
        Enterprise e = registry.enterprise(me, id);
        return new EnterpriseBody(EnterpriseJson.of(e), repo.indicators(id), repo.facts(id).stream().map(FactJson::of).toList(), entitlements(me, id));
    }

    /**
     * One pushed entitlement. {@code screenRun} is the official screen it comes from, or null when
     * it comes from the enterprise's own re-screen after a change to its data ({@code asOf} is
     * the day either was screened as of).
     */
    public record EntitlementJson(String clause, String documentTitle, String citation, String title,
                                  @Schema(nullable = true, description = "金额或分值；须另行核定时为null") BigDecimal figure, String unit,
                                  String kind, String figureText, List<String> departments,
                                  @Schema(nullable = true, description = "所依据的正式筛查编号；企业信息变更后即时筛查的为null") Long screenRun,
                                  @Schema(nullable = true, description = "筛查截至日期") LocalDate asOf,
                                  @Schema(description = "是否为“不可同时享受、择一申报”的选项之一（不计入合计）") boolean option,
                                  @Schema(description = "择一时，同组其他选项的条款；否则为空") List<String> choiceWith) {}

    @GetMapping("/enterprises/{id}/entitlements")
    @Operation(operationId = "listEntitlements", summary = "主动推送：该企业按现行有效政策符合条件的条款",
            description = "来自最近一次正式筛查，或企业信息变更后的即时筛查；模拟筛查从不推送；部门经办人员只看到本部门负责的条款")
    List<EntitlementJson> entitlements(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id) {
        registry.enterprise(me, id);
        EntitlementQueries.Push push = entitlements.forEnterprise(me, id);
        Long run = push.run() == null ? null : push.run().id();
        return push.rows().stream().map(r -> new EntitlementJson(r.clause().ref(), r.documentTitle(), r.clause().citation(),
                r.clause().title(), r.entitlement().figure(), r.entitlement().unit(), r.entitlement().kind(), r.figureText(),
                r.clause().departments(), run, push.asOf(), r.entitlement().option(),
                r.entitlement().choiceWith().isEmpty() ? List.of() : List.of(r.entitlement().choiceWith().split(",")))).toList();
    }

    /** A stored fact; {@code version} is what a correction or withdrawal must send back. */
    public record FactJson(long id, String type, LocalDate date, Map<String, Object> fields, String source,
                           @Schema(nullable = true, description = "登记人账户；导入的事项为null") String createdBy, long version,
                           @Schema(nullable = true, description = "项目标识：同一项目的事项填同一标识（不重复享受按项目判断）；未填时为null") String project) {
        static FactJson of(FactRecord f) {
            return new FactJson(f.id(), f.type(), f.occurredOn(), f.fields(), f.source(), f.createdBy(), f.version(), f.project());
        }
    }

    @GetMapping("/enterprises/{id}/facts")
    @Operation(operationId = "listFacts", summary = "企业已登记的事项")
    List<FactJson> facts(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id) {
        registry.enterprise(me, id);
        return repo.facts(id).stream().map(FactJson::of).toList();
    }

    /**
     * A fact to declare or correct: its type key (declaring only), date (yyyy-MM-dd), values by
     * field key (numbers may be JSON numbers or text) and, correcting, the version it is based on.
     */
    public record FactInput(String type, String date, Map<String, Object> fields, Long version,
                            @Schema(nullable = true, description = "项目标识（可选，最多200字）：同一项目的事项填同一标识；更正时不填即清除") String project) {
        public FactInput(String type, String date, Map<String, Object> fields, Long version) { this(type, date, fields, version, null); }
    }

    @PostMapping("/enterprises/{id}/facts")
    @Operation(operationId = "declareFact", summary = "登记一项事项（同一事项重复登记不会重复计入）")
    @ApiResponse(responseCode = "201", description = "已登记，返回该事项", content = @Content(schema = @Schema(implementation = FactJson.class)))
    ResponseEntity<FactJson> declare(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id, @RequestBody FactInput in) {
        long factId = registry.declare(me, id, in.type(), in.date(), text(in), in.project());
        return ResponseEntity.status(HttpStatus.CREATED).body(FactJson.of(repo.fact(id, factId).orElseThrow()));
    }

    @PutMapping("/enterprises/{id}/facts/{factId}")
    @Operation(operationId = "reviseFact", summary = "更正一项事项（日期和字段值；事项类型不变），返回更正后的事项",
            description = "须带所依据的版本号version，已被他人修改时返回409")
    FactJson revise(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                    @Parameter(description = "事项编号") @PathVariable long factId, @RequestBody FactInput in) {
        long newId = registry.revise(me, id, factId, in.version(), in.date(), text(in), in.project());
        return FactJson.of(repo.fact(id, newId).orElseThrow());
    }

    /** JSON numbers as their shortest text (1E+1000000 stays short), to be bounded like typed text. */
    static Map<String, String> text(FactInput in) {
        Map<String, String> text = new LinkedHashMap<>();
        if (in.fields() != null) in.fields().forEach((k, v) -> text.put(k, v == null ? null : v instanceof BigDecimal d ? d.toString() : v.toString()));
        return text;
    }

    @DeleteMapping("/enterprises/{id}/facts/{factId}")
    @Operation(operationId = "withdrawFact", summary = "撤回一项事项", description = "须带所依据的版本号version，已被他人修改时返回409")
    @ApiResponse(responseCode = "204", description = "已撤回")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Account me, @Parameter(description = "企业编号") @PathVariable long id,
                                  @Parameter(description = "事项编号") @PathVariable long factId,
                                  @Parameter(description = "所依据的版本号") @RequestParam(required = false) Long version) {
        registry.withdraw(me, id, factId, version);
        return ResponseEntity.noContent().build();
    }

    public record FieldJson(String name, String term, String type, boolean required, List<String> values) {}

    public record FactTypeJson(String key, String term, @Schema(nullable = true, description = "说明；词汇表未写时为null") String description, List<FieldJson> fields) {
        static FactTypeJson of(FactType t) {
            return new FactTypeJson(t.key(), t.term(), t.description(), t.fields().stream().map(RegistryApi::field).toList());
        }
    }

    static FieldJson field(FieldSpec f) { return new FieldJson(f.name(), f.term(), f.type().key(), f.required(), f.values()); }

    @GetMapping("/fact-types")
    @Operation(operationId = "listFactTypes", summary = "事项词汇表：可登记的事项类型及其字段")
    @OpenApiConfig.AnyAccount
    List<FactTypeJson> factTypes() {
        return policies.pack().vocabulary().types().stream().map(FactTypeJson::of).toList();
    }
}
