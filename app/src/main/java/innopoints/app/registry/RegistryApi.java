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
import io.swagger.v3.oas.annotations.Operation;
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

    public record EnterpriseJson(long id, String creditCode, String name, String kind, String kindLabel, String district, String park,
                                 List<String> industries, List<String> qualifications, String size, OffsetDateTime updatedAt, long version) {
        static EnterpriseJson of(Enterprise e) {
            return new EnterpriseJson(e.id(), e.creditCode(), e.name(), e.kind().key(), e.kind().label(), e.district(), e.park(),
                    e.industries(), e.qualifications(), e.size(), e.updatedAt(), e.version());
        }
    }

    @PutMapping("/enterprises/{id}")
    @Operation(summary = "修改企业基本信息（统一社会信用代码不变；须带所依据的版本号version，已被他人修改时返回409）")
    EnterpriseJson updateProfile(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestBody RegistryEdits.ProfileInput in) {
        return EnterpriseJson.of(edits.updateProfile(me, id, in));
    }

    @PutMapping("/enterprises/{id}/indicators/{year}")
    @Operation(summary = "新增或修改某年度指标（新增时不带version；修改时须带所依据的版本号version，已被他人修改时返回409）")
    Indicator saveIndicator(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable int year,
                            @RequestBody RegistryEdits.IndicatorInput in) {
        return edits.saveIndicator(me, id, year, in);
    }

    @GetMapping(value = "/enterprises", params = "format=xlsx")
    @Operation(summary = "企业名录导出为Excel（筛选、排序同列表，全部行）")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, EnterpriseRepository.Filter filter,
                                                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return Xlsx.download("企业名录", "企业名录", EnterpriseController.COLUMNS, repo.page(filter, PageQuery.export(sort, dir)).items());
    }

    @GetMapping("/enterprises")
    @Operation(summary = "企业名录（分页、排序、筛选）")
    PageJson<EnterpriseJson> list(@AuthenticationPrincipal Account me, EnterpriseRepository.Filter filter,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return PageJson.of(repo.page(filter, PageQuery.of(page, size, sort, dir)), EnterpriseJson::of);
    }

    @GetMapping(value = "/enterprises/{id}", params = "format=xlsx")
    @Operation(summary = "一家企业导出为Excel：基本信息、可享受的政策、事项、年度指标")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @PathVariable long id) {
        return workbook.of(me, registry.enterprise(me, id));
    }

    @GetMapping("/enterprises/{id}")
    @Operation(summary = "一家企业：基本信息、年度指标、事项和主动推送的可享条款")
    Map<String, Object> show(@AuthenticationPrincipal Account me, @PathVariable long id) {
        Enterprise e = registry.enterprise(me, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", EnterpriseJson.of(e));
        out.put("indicators", repo.indicators(id));
        out.put("facts", repo.facts(id).stream().map(FactJson::of).toList());
        out.put("entitlements", entitlements(me, id));
        return out;
    }

    /**
     * One pushed entitlement. {@code screenRun} is the official screen it comes from, or null when
     * it comes from the enterprise's own re-screen after a change to its data ({@code asOf} is
     * the day either was screened as of).
     */
    public record EntitlementJson(String clause, String documentTitle, String citation, String title, BigDecimal figure, String unit,
                                  String kind, String figureText, List<String> departments, Long screenRun, LocalDate asOf) {}

    @GetMapping("/enterprises/{id}/entitlements")
    @Operation(summary = "主动推送：该企业按现行有效政策符合条件的条款（来自最近一次正式筛查，或企业信息变更后的即时筛查；模拟筛查从不推送；部门经办人员只看到本部门负责的条款）")
    List<EntitlementJson> entitlements(@AuthenticationPrincipal Account me, @PathVariable long id) {
        registry.enterprise(me, id);
        EntitlementQueries.Push push = entitlements.forEnterprise(me, id);
        Long run = push.run() == null ? null : push.run().id();
        return push.rows().stream().map(r -> new EntitlementJson(r.clause().ref(), r.documentTitle(), r.clause().citation(),
                r.clause().title(), r.entitlement().figure(), r.entitlement().unit(), r.entitlement().kind(), r.figureText(),
                r.clause().departments(), run, push.asOf())).toList();
    }

    /** A stored fact; {@code version} is what a correction or withdrawal must send back. */
    public record FactJson(long id, String type, LocalDate date, Map<String, Object> fields, String source, String createdBy, long version) {
        static FactJson of(FactRecord f) {
            return new FactJson(f.id(), f.type(), f.occurredOn(), f.fields(), f.source(), f.createdBy(), f.version());
        }
    }

    @GetMapping("/enterprises/{id}/facts")
    @Operation(summary = "企业已登记的事项")
    List<FactJson> facts(@AuthenticationPrincipal Account me, @PathVariable long id) {
        registry.enterprise(me, id);
        return repo.facts(id).stream().map(FactJson::of).toList();
    }

    /**
     * A fact to declare or correct: its type key (declaring only), date (yyyy-MM-dd), values by
     * field key (numbers may be JSON numbers or text) and, correcting, the version it is based on.
     */
    public record FactInput(String type, String date, Map<String, Object> fields, Long version) {}

    @PostMapping("/enterprises/{id}/facts")
    @Operation(summary = "登记一项事项（同一事项重复登记不会重复计入）")
    ResponseEntity<FactJson> declare(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestBody FactInput in) {
        long factId = registry.declare(me, id, in.type(), in.date(), text(in));
        return ResponseEntity.status(HttpStatus.CREATED).body(FactJson.of(repo.fact(id, factId).orElseThrow()));
    }

    @PutMapping("/enterprises/{id}/facts/{factId}")
    @Operation(summary = "更正一项事项（日期和字段值；事项类型不变；须带所依据的版本号version，已被他人修改时返回409），返回更正后的事项")
    FactJson revise(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable long factId, @RequestBody FactInput in) {
        long newId = registry.revise(me, id, factId, in.version(), in.date(), text(in));
        return FactJson.of(repo.fact(id, newId).orElseThrow());
    }

    static Map<String, String> text(FactInput in) {
        Map<String, String> text = new LinkedHashMap<>();
        if (in.fields() != null) in.fields().forEach((k, v) -> text.put(k, v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
        return text;
    }

    @DeleteMapping("/enterprises/{id}/facts/{factId}")
    @Operation(summary = "撤回一项事项（须带所依据的版本号version，已被他人修改时返回409）")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable long factId,
                                  @RequestParam(required = false) Long version) {
        registry.withdraw(me, id, factId, version);
        return ResponseEntity.noContent().build();
    }

    public record FieldJson(String name, String term, String type, boolean required, List<String> values) {}

    public record FactTypeJson(String key, String term, String description, List<FieldJson> fields) {
        static FactTypeJson of(FactType t) {
            return new FactTypeJson(t.key(), t.term(), t.description(), t.fields().stream().map(RegistryApi::field).toList());
        }
    }

    static FieldJson field(FieldSpec f) { return new FieldJson(f.name(), f.term(), f.type().key(), f.required(), f.values()); }

    @GetMapping("/fact-types")
    @Operation(summary = "事项词汇表：可登记的事项类型及其字段")
    List<FactTypeJson> factTypes() {
        return policies.pack().vocabulary().types().stream().map(FactTypeJson::of).toList();
    }
}
