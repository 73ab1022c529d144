package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.matching.MatchingService;
import innopoints.app.matching.WhatIf;
import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.app.screening.EntitlementQueries;
import innopoints.engine.facts.FactType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry's pages: the list, an enterprise's page, and its policy calculator. */
@Controller
public class EnterpriseController {
    static final List<Xlsx.Column<Enterprise>> COLUMNS = List.of(
            new Xlsx.Column<>("统一社会信用代码", Enterprise::creditCode),
            new Xlsx.Column<>("企业名称", Enterprise::name),
            new Xlsx.Column<>("主体类型", e -> e.kind().label()),
            new Xlsx.Column<>("所属板块", Enterprise::district),
            new Xlsx.Column<>("所在园区", Enterprise::park),
            new Xlsx.Column<>("产业链", Enterprise::industries),
            new Xlsx.Column<>("资质", Enterprise::qualifications),
            new Xlsx.Column<>("企业规模", Enterprise::sizeLabel));

    private final EnterpriseRepository repo;
    private final RegistryService registry;
    private final MatchingService matching;
    private final EntitlementQueries entitlements;
    private final PlacesSync places;
    private final Policies policies;
    private final Access access;
    private final EnterpriseWorkbook workbook;
    private final RegistryEdits edits;
    private final AwardRepository awards;

    public EnterpriseController(EnterpriseRepository repo, RegistryService registry, MatchingService matching, EntitlementQueries entitlements,
                                PlacesSync places, Policies policies, Access access, EnterpriseWorkbook workbook, RegistryEdits edits,
                                AwardRepository awards) {
        this.awards = awards;
        this.edits = edits;
        this.workbook = workbook;
        this.repo = repo;
        this.registry = registry;
        this.matching = matching;
        this.entitlements = entitlements;
        this.places = places;
        this.policies = policies;
        this.access = access;
    }

    @GetMapping(value = "/enterprises", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, EnterpriseRepository.Filter filter,
                                                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkRegistry(me);
        return Xlsx.download("企业名录", "企业名录", COLUMNS, repo.page(filter, PageQuery.export(sort, dir)).items());
    }

    @GetMapping("/enterprises")
    String list(@AuthenticationPrincipal Account me, EnterpriseRepository.Filter filter,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        access.checkRegistry(me);
        model.addAttribute("filterErrors", registry.filterProblems(filter));
        model.addAttribute("page", repo.page(filter, PageQuery.of(page, size, sort, dir)));
        model.addAttribute("filter", filter);
        model.addAttribute("areas", places.areas());
        model.addAttribute("qualifications", repo.qualifications());
        model.addAttribute("industries", repo.industries());
        return "enterprises/list";
    }

    @GetMapping(value = "/enterprises/{id}", params = "format=xlsx")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Account me, @PathVariable long id) {
        return workbook.of(me, registry.enterprise(me, id));
    }

    @GetMapping("/enterprises/{id}")
    String show(@AuthenticationPrincipal Account me, @PathVariable long id, Model model) {
        Enterprise e = registry.enterprise(me, id);
        model.addAttribute("e", e);
        model.addAttribute("indicators", repo.indicators(id));
        model.addAttribute("facts", factRows(policies, repo.facts(id)));
        model.addAttribute("latest", entitlements.forEnterprise(me, id));
        model.addAttribute("awards", awards.standing(id).stream().map(a -> AwardView.of(a, policies)).toList());
        model.addAttribute("canEdit", access.canEditFacts(me, id));
        model.addAttribute("canEditRegistry", access.canImport(me));
        return "enterprises/show";
    }

    @GetMapping("/enterprises/{id}/match")
    String match(@AuthenticationPrincipal Account me, @PathVariable long id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) Long added, @RequestParam(required = false) Long edit, Model model) {
        if (edit != null && !model.containsAttribute("form")) {
            FactRecord f = registry.fact(me, id, edit);
            Map<String, String> text = new LinkedHashMap<>();
            f.fields().forEach((k, v) -> text.put(k, v instanceof Boolean b ? (b ? "是" : "否") : String.valueOf(v)));
            model.addAttribute("form", new FactForm(f.type(), f.occurredOn().toString(), text, f.version(), f.project()));
        }
        if (edit != null) model.addAttribute("editing", edit);
        fill(me, id, asOf, model);
        model.addAttribute("added", added);
        return "enterprises/match";
    }

    private void fill(Account me, long id, LocalDate asOf, Model model) {
        Enterprise e = registry.enterprise(me, id);
        model.addAttribute("e", e);
        model.addAttribute("facts", factRows(policies, repo.facts(id)));
        model.addAttribute("result", matching.match(me, id, asOf, false));
        model.addAttribute("types", factTypes());
        model.addAttribute("canEdit", access.canEditFacts(me, id));
        model.addAttribute("awardCount", awards.standing(id).size());
        model.addAttribute("choicesHeading", innopoints.app.matching.MatchView.CHOICES_HEADING);
        if (!model.containsAttribute("form")) model.addAttribute("form", new FactForm(null, LocalDate.now().toString(), Map.of(), null, null));
        FactForm form = (FactForm) model.getAttribute("form");
        if (!model.containsAttribute("type") && form.type() != null) model.addAttribute("type", policies.pack().vocabulary().type(form.type()));
    }

    /** The fields of one fact type, for the entry form (loaded into the page by htmx). */
    @GetMapping("/enterprises/{id}/fact-form")
    String factForm(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String type,
                    @RequestParam(name = "for", required = false) String target, Model model) {
        registry.enterprise(me, id);
        model.addAttribute("prefix", "whatif".equals(target) ? "whatif-" : "");
        model.addAttribute("type", type == null || type.isBlank() ? null : registry.factType(type));
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "enterprises/fact-fields :: standalone";
    }

    /**
     * Declares (or corrects) a fact, then redirects either way (POST-redirect-GET): on success to
     * the new figures, on a refusal back to the form with every error and everything typed, so a
     * refresh never submits twice.
     */
    @PostMapping("/enterprises/{id}/facts")
    String declare(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        String type = params.get("type");
        String date = params.get("date");
        String project = params.get("project");
        Map<String, String> fields = fieldParams(params);
        Long replaces = params.get("replaces") == null || params.get("replaces").isBlank() ? null : factId(params.get("replaces"));
        if (params.get("replaces") != null && !params.get("replaces").isBlank() && replaces == null) {
            throw Invalid.field("replaces", "要更正的事项编号“" + params.get("replaces") + "”不正确");
        }
        Long version = factId(params.get("version"));
        try {
            long factId = replaces == null ? registry.declare(me, id, type, date, fields, project)
                    : registry.revise(me, id, replaces, version, date, fields, project);
            flash.addFlashAttribute("saved", (replaces == null ? "已登记事项 f" : "已更正为事项 f") + factId + "，并已重新计算。");
            return "redirect:/enterprises/" + id + "/match?added=" + factId + "#results";
        } catch (Invalid | Conflict refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> messages = new ArrayList<>();
            if (refused instanceof Invalid invalid) {
                for (var err : invalid.errors()) {
                    String text = readable(err.message());
                    errors.merge(err.field(), text, (a, b) -> a + "；" + b);
                    messages.add(text);
                }
            } else {
                messages.add(refused.getMessage());
                flash.addFlashAttribute("formMessage", refused.getMessage());
            }
            flash.addFlashAttribute("form", new FactForm(type, date, fields, version, project));
            flash.addFlashAttribute("formErrors", errors);
            flash.addFlashAttribute("formMessages", messages);
            return "redirect:/enterprises/" + id + "/match" + (replaces == null ? "" : "?edit=" + replaces) + "#declare";
        }
    }

    /** A refusal as the page shows it: the document's words for each field, without the data keys beside them. */
    static String readable(String message) {
        return message == null ? "" : message.replaceAll("”（[A-Za-z0-9_.\\[\\]]+）", "”");
    }

    @PostMapping("/enterprises/{id}/facts/{factId}/delete")
    String withdraw(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable long factId,
                    @RequestParam(required = false) Long version) {
        registry.withdraw(me, id, factId, version);
        return "redirect:/enterprises/" + id + "/match";
    }

    // ---- editing the profile and one year's indicators (officers, administrators) -------------------

    /** The edit page: the profile form and one year's indicators, each with the version it is based on. */
    @GetMapping("/enterprises/{id}/edit")
    String edit(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        Enterprise e = registry.enterprise(me, id);
        access.checkEditRegistry(me);
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("version", String.valueOf(e.version()));
        profile.put("name", e.name());
        profile.put("kind", e.kind().key());
        profile.put("district", e.district());
        profile.put("park", e.park() == null ? "" : e.park());
        profile.put("industries", String.join("、", e.industries()));
        profile.put("qualifications", String.join("、", e.qualifications()));
        profile.put("size", e.size() == null ? "" : e.size());
        int y = year == null ? LocalDate.now().getYear() - 1 : year;
        Map<String, String> indicator = new LinkedHashMap<>();
        indicator.put("year", String.valueOf(y));
        repo.indicators(id).stream().filter(i -> i.year() == y).findFirst().ifPresent(i -> {
            indicator.put("version", String.valueOf(i.version()));
            indicator.put("revenue", plain(i.revenue()));
            indicator.put("rdExpense", plain(i.rdExpense()));
            indicator.put("rdStaff", i.rdStaff() == null ? "" : i.rdStaff().toString());
            indicator.put("staff", i.staff() == null ? "" : i.staff().toString());
            indicator.put("patents", i.patents() == null ? "" : i.patents().toString());
            indicator.put("inventionPatents", i.inventionPatents() == null ? "" : i.inventionPatents().toString());
            indicator.put("techContractAmount", plain(i.techContractAmount()));
        });
        return editPage(e, profile, indicator, model);
    }

    private String editPage(Enterprise e, Map<String, String> profile, Map<String, String> indicator, Model model) {
        model.addAttribute("e", e);
        model.addAttribute("profile", profile);
        model.addAttribute("indicator", indicator);
        model.addAttribute("areas", places.areas());
        model.addAttribute("indicators", repo.indicators(e.id()));
        if (!model.containsAttribute("profileErrors")) model.addAttribute("profileErrors", Map.of());
        if (!model.containsAttribute("indicatorErrors")) model.addAttribute("indicatorErrors", Map.of());
        return "enterprises/edit";
    }

    private static String plain(java.math.BigDecimal d) { return d == null ? "" : d.toPlainString(); }

    @PostMapping("/enterprises/{id}/profile")
    String updateProfile(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                         jakarta.servlet.http.HttpServletResponse response) {
        try {
            registry.enterprise(me, id);
            edits.updateProfile(me, id, new RegistryEdits.ProfileInput(factId(params.get("version")), params.get("name"), params.get("kind"),
                    params.get("district"), params.get("park"), split(params.get("industries")), split(params.get("qualifications")), params.get("size")));
            return "redirect:/enterprises/" + id + "?saved=profile";
        } catch (Invalid | Conflict refused) {
            response.setStatus(refused.status());
            model.addAttribute("profileMessage", refused.getMessage());
            model.addAttribute("profileErrors", fieldErrors(refused));
            Enterprise e = registry.enterprise(me, id);
            return editPage(e, new LinkedHashMap<>(params), Map.of("year", String.valueOf(LocalDate.now().getYear() - 1)), model);
        }
    }

    @PostMapping("/enterprises/{id}/indicators")
    String saveIndicator(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                         jakarta.servlet.http.HttpServletResponse response) {
        Enterprise e = registry.enterprise(me, id);
        try {
            Integer year = params.get("year") == null ? null : factId(params.get("year")) == null ? null : factId(params.get("year")).intValue();
            if (year == null) throw Invalid.field("year", "“年度”（year）应为四位年份，填写的是“" + params.getOrDefault("year", "") + "”");
            edits.saveIndicator(me, id, year, new RegistryEdits.IndicatorInput(factId(params.get("version")), params.get("revenue"),
                    params.get("rdExpense"), params.get("rdStaff"), params.get("staff"), params.get("patents"), params.get("inventionPatents"),
                    params.get("techContractAmount")));
            return "redirect:/enterprises/" + id + "?saved=indicators";
        } catch (Invalid | Conflict refused) {
            response.setStatus(refused.status());
            model.addAttribute("indicatorMessage", refused.getMessage());
            model.addAttribute("indicatorErrors", fieldErrors(refused));
            Map<String, String> profile = new LinkedHashMap<>();
            profile.put("version", String.valueOf(e.version()));
            profile.put("name", e.name());
            profile.put("kind", e.kind().key());
            profile.put("district", e.district());
            profile.put("park", e.park() == null ? "" : e.park());
            profile.put("industries", String.join("、", e.industries()));
            profile.put("qualifications", String.join("、", e.qualifications()));
            profile.put("size", e.size() == null ? "" : e.size());
            return editPage(e, profile, new LinkedHashMap<>(params), model);
        }
    }

    private static Map<String, String> fieldErrors(RuntimeException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused instanceof Invalid invalid) invalid.errors().forEach(err -> errors.putIfAbsent(err.field(), err.message()));
        return errors;
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : List.of(text.split("[、,，;；\\s]+"));
    }

    /** What-if: the page's facts with edits, drops, one hypothetical fact and the drafts switch; nothing saved. */
    @PostMapping("/enterprises/{id}/what-if")
    String whatIf(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        List<innopoints.app.platform.Failures.FieldError> errors = new ArrayList<>();
        List<Long> drop = new ArrayList<>();
        Map<Long, Map<String, String>> changes = new LinkedHashMap<>();
        Map<Long, String> dates = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            String[] p = k.split("\\.", 3);
            if (!(p[0].equals("drop") && p.length == 2) && !(p[0].equals("fact") && p.length == 3)) return;
            Long fid = factId(p[1]);
            if (fid == null) {
                errors.add(new innopoints.app.platform.Failures.FieldError(k, "参数“" + k + "”中的事项编号不正确"));
            } else if (p[0].equals("drop")) {
                drop.add(fid);
            } else if (p[2].equals("date")) {
                dates.put(fid, v);
            } else {
                changes.computeIfAbsent(fid, x -> new LinkedHashMap<>()).put(p[2], v);
            }
        });
        List<WhatIf.Change> change = new ArrayList<>();
        changes.forEach((fid, f) -> change.add(new WhatIf.Change(fid, dates.get(fid), f)));
        dates.forEach((fid, d) -> { if (!changes.containsKey(fid)) change.add(new WhatIf.Change(fid, d, Map.of())); });
        List<WhatIf.NewFact> add = new ArrayList<>();
        String type = params.get("type");
        if (type != null && !type.isBlank()) add.add(new WhatIf.NewFact(type, params.get("date"), fieldParams(params), params.get("project")));
        LocalDate asOf = null;
        if (params.get("asOf") != null && !params.get("asOf").isBlank()) asOf = RegistryService.parseDate(params.get("asOf"), "asOf", errors);
        LocalDate draftEffective = null;
        if (params.get("draftEffective") != null && !params.get("draftEffective").isBlank()) {
            draftEffective = RegistryService.parseDate(params.get("draftEffective"), "draftEffective", errors);
        }
        fill(me, id, asOf, model);
        try {
            if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
            WhatIf.Answer answer = matching.whatIf(me, id, new WhatIf(asOf, params.containsKey("drafts"), drop, change, add, draftEffective));
            List<WhatIf.Delta> deltas = new ArrayList<>(answer.deltas());
            deltas.sort(Comparator.comparing(d -> policies.clause(d.ref()), Comparator.nullsLast(policies.naturalOrder())));
            model.addAttribute("answer", new WhatIf.Answer(answer.before(), answer.after(), deltas));
        } catch (Invalid invalid) {
            model.addAttribute("whatIfErrors", invalid.errors().stream().map(x -> readable(x.message())).toList());
        }
        model.addAttribute("whatIfParams", params);
        model.addAttribute("whatIfType", type == null || type.isBlank() ? null : policies.pack().vocabulary().type(type));
        model.addAttribute("whatIfFields", fieldParams(params));
        model.addAttribute("noErrors", Map.of());
        return "enterprises/match";
    }

    private static Long factId(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, String> fieldParams(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> { if (k.startsWith("field.")) out.put(k.substring(6), v); });
        return out;
    }

    /** The entry form's values, kept when it is refused so nothing typed is lost; the version a correction is based on. */
    public record FactForm(String type, String date, Map<String, String> fields, Long version, String project) {}

    /** A stored fact with its type's words and its values as people read them. */
    public record FactRow(FactRecord fact, String term, List<String[]> values, boolean known) {}

    static List<FactRow> factRows(Policies policies, List<FactRecord> facts) {
        List<FactRow> out = new ArrayList<>();
        for (FactRecord f : facts) {
            FactType t = policies.pack().vocabulary().type(f.type());
            List<String[]> values = new ArrayList<>();
            if (t != null) {
                for (var spec : t.fields()) {
                    Object v = f.fields().get(spec.name());
                    if (v == null) continue;
                    String editable = spec.type() == innopoints.engine.facts.FieldType.BOOLEAN ? (Boolean.parseBoolean(v.toString()) ? "是" : "否") : v.toString();
                    values.add(new String[]{spec.name(), spec.term() == null ? spec.name() : spec.term(), FactValues.display(spec, v), editable});
                }
            }
            out.add(new FactRow(f, t == null ? f.type() + "（词汇表已不含此类型）" : t.term(), values, t != null));
        }
        return out;
    }

    List<FactType> factTypes() {
        List<FactType> types = new ArrayList<>(policies.pack().vocabulary().types());
        types.sort(Comparator.comparing(FactType::term, java.text.Collator.getInstance(java.util.Locale.CHINA)));
        return types;
    }
}
