package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.accounts.Role;
import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Failures.Forbidden;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Policies;
import innopoints.engine.policy.Clause;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page of an enterprise's earlier awards (已获奖励): the list with voided records struck
 * through (who, when, why), the form to record one and a void button per record for those allowed.
 * Both forms POST and redirect (PRG), with the message or the errors and what was typed as flash
 * attributes, so a refresh never submits twice.
 */
@Controller
public class AwardPages {
    private final AwardService awards;
    private final RegistryService registry;
    private final Policies policies;
    private final Access access;

    public AwardPages(AwardService awards, RegistryService registry, Policies policies, Access access) {
        this.awards = awards;
        this.registry = registry;
        this.policies = policies;
        this.access = access;
    }

    /** A record as the page lists it, with whether this viewer may void it. */
    public record Row(AwardView award, boolean canVoid) {}

    /** A clause the form offers: its reference and words. */
    public record ClauseOption(String ref, String label) {}

    @GetMapping("/enterprises/{id}/awards")
    String page(@AuthenticationPrincipal Account me, @PathVariable long id, Model model) {
        Enterprise e = registry.enterprise(me, id);
        List<Row> rows = new ArrayList<>();
        for (AwardRecord a : awards.list(me, id)) {
            Clause c = a.clauseRef() == null ? null : policies.clause(a.clauseRef());
            boolean canVoid = !a.voided() && (a.clauseRef() == null || c != null ? access.canRecordAward(me, c) : me.is(Role.ADMIN));
            rows.add(new Row(AwardView.of(a, policies), canVoid));
        }
        model.addAttribute("e", e);
        model.addAttribute("rows", rows);
        model.addAttribute("canRecord", awards.canRecord(me));
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        if (!model.containsAttribute("formErrors")) model.addAttribute("formErrors", Map.of());
        List<ClauseOption> clauses = new ArrayList<>();
        for (Clause c : policies.pack().clauses()) {
            if (me.is(Role.OFFICER) && !c.departments().contains(me.department())) continue;
            clauses.add(new ClauseOption(c.ref(), "《" + policies.documentOf(c).title() + "》" + c.citation() + " " + c.title()));
        }
        model.addAttribute("clauses", clauses);
        Map<String, String> matters = new LinkedHashMap<>();
        for (String m : awards.matters()) matters.put(m, policies.pack().matter(m).term());
        model.addAttribute("matters", matters);
        return "enterprises/awards";
    }

    @PostMapping("/enterprises/{id}/awards")
    String record(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        AwardService.AwardInput in = new AwardService.AwardInput(params.get("clause"), params.get("matter"), params.get("level"),
                params.get("unit"), params.get("project"), params.get("date"), params.get("figure"), params.get("source"), params.get("note"));
        try {
            long awardId = awards.record(me, id, in);
            flash.addFlashAttribute("saved", "已登记已获奖励 a" + awardId + "，并已重新计算该企业可享受的政策。");
            return "redirect:/enterprises/" + id + "/awards#award-a" + awardId;
        } catch (Invalid | Forbidden refused) {
            // an officer naming another department's clause is told so beside the field, like any refusal of the form
            if (refused instanceof Forbidden && !awards.canRecord(me)) throw refused;
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> messages = new ArrayList<>();
            List<innopoints.app.platform.Failures.FieldError> found = refused instanceof Invalid invalid ? invalid.errors()
                    : List.of(new innopoints.app.platform.Failures.FieldError("clause", refused.getMessage()));
            for (var err : found) {
                String text = EnterpriseController.readable(err.message());
                errors.merge(err.field(), text, (a, b) -> a + "；" + b);
                messages.add(text);
            }
            Map<String, String> form = new LinkedHashMap<>(params);
            form.remove("_csrf");
            flash.addFlashAttribute("form", form);
            flash.addFlashAttribute("formErrors", errors);
            flash.addFlashAttribute("formMessages", messages);
            return "redirect:/enterprises/" + id + "/awards#record";
        }
    }

    @PostMapping("/enterprises/{id}/awards/{awardId}/void")
    String voidAward(@AuthenticationPrincipal Account me, @PathVariable long id, @PathVariable long awardId,
                     @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            awards.voidAward(me, id, awardId, reason);
            flash.addFlashAttribute("saved", "已撤销奖励记录 a" + awardId + "（记录保留），并已重新计算该企业可享受的政策。");
        } catch (Invalid | Conflict refused) {
            flash.addFlashAttribute("voidError", "奖励记录 a" + awardId + " 未撤销：" + EnterpriseController.readable(refused.getMessage()));
            flash.addFlashAttribute("voidErrorId", awardId);
        }
        return "redirect:/enterprises/" + id + "/awards#award-a" + awardId;
    }
}
