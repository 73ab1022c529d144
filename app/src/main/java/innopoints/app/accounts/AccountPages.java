package innopoints.app.accounts;

import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The account pages: changing one's own password, registering an enterprise, an enterprise's
 * registration status, reviewing registrations, and the administrator's account management and
 * audit trail. A refused form is shown again with what was typed (passwords excepted) and each
 * field's error; a change answers with a redirect (POST-redirect-GET).
 */
@Controller
public class AccountPages {
    static final String SUBMITTED = "注册申请已提交。您现在可以用所设用户名和密码登录；主管部门核实企业身份并确认绑定前，账户看不到任何企业信息。";
    static final String TOO_MANY = "该网络地址提交注册申请过于频繁，请稍后再试";
    private final AccountService service;
    private final LoginThrottle throttle;
    private final ClientAddress addresses;
    private final AccountRepository accounts;
    private final AccountAudit audit;
    private final Access access;

    public AccountPages(AccountService service, AccountRepository accounts, AccountAudit audit, Access access, LoginThrottle throttle,
                        ClientAddress addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.service = service;
        this.accounts = accounts;
        this.audit = audit;
        this.access = access;
    }

    private static void refused(Model model, HttpServletResponse res, Invalid e) {
        res.setStatus(e.status());
        model.addAttribute("errors", e.errors());
        model.addAttribute("error", e.getMessage());
    }

    // ---- One's own password ----

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal Account me, Model model) {
        model.addAttribute("errors", List.of());
        model.addAttribute("forced", me.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal Account me, @RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
                          HttpServletRequest req, HttpServletResponse res, Model model) {
        try {
            service.changeOwnPassword(me, currentPassword, newPassword, confirmPassword == null ? "" : confirmPassword);
        } catch (Invalid e) {
            refused(model, res, e);
            model.addAttribute("forced", me.mustChangePassword());
            return "account/password";
        }
        req.changeSessionId();
        return "redirect:/account/password?changed";
    }

    // ---- Registration ----

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new AccountService.Registration("", "", "", "", "", null, null));
        model.addAttribute("errors", List.of());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@RequestParam Map<String, String> p, HttpServletRequest req, HttpServletResponse res, Model model) {
        var form = new AccountService.Registration(p.get("creditCode"), p.get("enterpriseName"), p.get("contactName"), p.get("phone"),
                p.get("username"), p.get("password"), p.get("confirmPassword"));
        try {
            if (!throttle.registration(addresses.of(req))) {
                res.setStatus(429);
                model.addAttribute("form", form);
                model.addAttribute("errors", List.of());
                model.addAttribute("error", TOO_MANY);
                return "account/register";
            }
            service.register(form);
        } catch (Invalid e) {
            refused(model, res, e);
            model.addAttribute("form", form);
            return "account/register";
        }
        return "redirect:/register?submitted";
    }

    /** The home of an enterprise user whose registration is not (yet) confirmed. */
    @GetMapping("/account/registration")
    String registration(@AuthenticationPrincipal Account me, Model model) {
        if (!me.pending()) return "redirect:/";
        model.addAttribute("registration", service.registrationOf(me).orElse(null));
        return "account/pending";
    }

    @GetMapping("/registrations")
    String registrations(@AuthenticationPrincipal Account me, @RequestParam(required = false) String status,
                         @RequestParam(required = false) Integer page, Model model) {
        access.checkRegistrations(me);
        String s = status == null || status.isBlank() ? "pending" : status;
        model.addAttribute("status", s);
        model.addAttribute("page", service.registrations(s, PageQuery.of(page, 20, null, null)));
        return "account/registrations";
    }

    @PostMapping("/registrations/{id}/confirm")
    String confirm(@AuthenticationPrincipal Account me, @PathVariable long id, RedirectAttributes flash) {
        access.checkRegistrations(me);
        service.confirm(me, id);
        flash.addFlashAttribute("notice", "已确认注册申请并绑定企业");
        return "redirect:/registrations";
    }

    @PostMapping("/registrations/{id}/reject")
    String reject(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        access.checkRegistrations(me);
        service.reject(me, id, reason);
        flash.addFlashAttribute("notice", "已驳回注册申请");
        return "redirect:/registrations";
    }

    // ---- Administrator ----

    @GetMapping("/admin/accounts")
    String accounts(@AuthenticationPrincipal Account me, @RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                    @RequestParam(required = false) String status, @RequestParam(required = false) String department,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir, Model model) {
        access.checkAccounts(me);
        model.addAttribute("page", accounts.page(new AccountRepository.Filter(q, role, status, department), PageQuery.of(page, 20, sort, dir)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        model.addAttribute("department", department);
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", List.of());
        return common(model, "account/accounts");
    }

    private String common(Model model, String view) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", service.departments());
        return view;
    }

    @PostMapping("/admin/accounts")
    String create(@AuthenticationPrincipal Account me, @RequestParam Map<String, String> p, HttpServletResponse res, Model model,
                  RedirectAttributes flash) {
        access.checkAccounts(me);
        try {
            var issued = service.create(me, p.get("username"), changes(p, true));
            flash.addFlashAttribute("temporaryPassword", issued.temporaryPassword());
            return "redirect:/admin/accounts/" + issued.account().id();
        } catch (Invalid e) {
            refused(model, res, e);
            model.addAttribute("form", p);
            return accounts(me, null, null, null, null, null, null, null, model);
        }
    }

    private static AccountService.Changes changes(Map<String, String> p, boolean enabled) {
        Role role = null;
        try {
            if (p.get("role") != null && !p.get("role").isBlank()) role = Role.valueOf(p.get("role"));
        } catch (IllegalArgumentException ignored) {
            // refused below as a missing role
        }
        return new AccountService.Changes(p.get("displayName"), role, p.get("department"), p.get("creditCode"), enabled);
    }

    @GetMapping("/admin/accounts/{id}")
    String account(@AuthenticationPrincipal Account me, @PathVariable long id, Model model) {
        access.checkAccounts(me);
        Account a = service.get(id);
        model.addAttribute("account", a);
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", List.of());
        model.addAttribute("creditCode", service.creditCodeOf(a));
        model.addAttribute("trail", audit.page(a.username(), null, PageQuery.of(1, 10, null, null), false).items());
        return common(model, "account/account");
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> p, HttpServletResponse res,
                  Model model, RedirectAttributes flash) {
        access.checkAccounts(me);
        try {
            service.update(me, id, version(p), changes(p, service.get(id).enabled()));
        } catch (Invalid e) {
            refused(model, res, e);
            model.addAttribute("form", p);
            return account(me, id, model);
        }
        flash.addFlashAttribute("notice", "已保存");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        access.checkAccounts(me);
        boolean on = "true".equals(p.get("enabled"));
        service.setEnabled(me, id, version(p), on);
        flash.addFlashAttribute("notice", on ? "账户已启用" : "账户已停用，该用户已登录的会话随即失效");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/reset")
    String reset(@AuthenticationPrincipal Account me, @PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        access.checkAccounts(me);
        var issued = service.resetPassword(me, id, version(p));
        flash.addFlashAttribute("temporaryPassword", issued.temporaryPassword());
        return "redirect:/admin/accounts/" + id;
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal Account me, @RequestParam(required = false) String username,
                 @RequestParam(required = false) String action, @RequestParam(required = false) Integer page, Model model) {
        access.checkAccounts(me);
        model.addAttribute("page", audit.page(username, action, PageQuery.of(page, 50, null, null), false));
        model.addAttribute("username", username);
        model.addAttribute("action", action);
        model.addAttribute("actions", AccountAudit.actions());
        return "account/audit";
    }

    private static int version(Map<String, String> p) {
        try {
            return Integer.parseInt(p.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new Invalid("缺少账户版本号，请刷新页面后重试", List.of(new FieldError("version", "缺少账户版本号，请刷新页面后重试")));
        }
    }
}
