package innopoints.app.accounts;

import innopoints.app.platform.PageJson;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.OpenApiConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;

/** Accounts through the API: one's own password, the administrator's account management and audit trail, and registration. */
@RestController
@Tag(name = "账户", description = "修改本人密码、账户管理（系统管理员）、操作审计、企业自助注册与审核")
public class AccountsApi {
    private final AccountService service;
    private final AccountRepository accounts;
    private final AccountAudit audit;
    private final Access access;

    private final LoginThrottle throttle;
    private final ClientAddress addresses;

    public AccountsApi(AccountService service, AccountRepository accounts, AccountAudit audit, Access access, LoginThrottle throttle,
                       ClientAddress addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.service = service;
        this.accounts = accounts;
        this.audit = audit;
        this.access = access;
    }

    public record AccountJson(long id, String username, String displayName, String role, String roleLabel,
                              @io.swagger.v3.oas.annotations.media.Schema(nullable = true, description = "企业用户所属企业的编号；其他角色或待审核时为null") Long enterpriseId,
                              @io.swagger.v3.oas.annotations.media.Schema(nullable = true, description = "部门经办人员的部门；其他角色为null") String department, boolean enabled, boolean locked, boolean mustChangePassword, boolean pending, int version) {
        static AccountJson of(Account a) {
            return new AccountJson(a.id(), a.username(), a.displayName(), a.role().name(), a.role().label(), a.enterpriseId(), a.department(),
                    a.enabled(), !a.isAccountNonLocked(), a.mustChangePassword(), a.pending(), a.version());
        }
    }

    public record PasswordChange(String currentPassword, String newPassword) {}

    public record NewAccount(String username, String displayName, Role role, String department, String creditCode, Boolean enabled) {}

    public record AccountChange(String displayName, Role role, String department, String creditCode, Boolean enabled, Integer version) {}

    public record VersionJson(Integer version) {}

    public record Issued(AccountJson account, String temporaryPassword, String note) {
        static Issued of(AccountService.Issued i) {
            return new Issued(AccountJson.of(i.account()), i.temporaryPassword(), "临时密码只显示这一次；用户首次登录后须修改密码");
        }
    }

    public record Submitted(String message) {}

    public record RejectJson(String reason) {}

    public record AuditJson(long id, OffsetDateTime at, String actor, String username, String action, String actionLabel, @Schema(nullable = true, description = "修改前（JSON）；创建时为null") String before, @Schema(nullable = true, description = "修改后（JSON）") String after) {
        static AuditJson of(AccountAudit.Entry e) {
            return new AuditJson(e.id(), e.at(), e.actor(), e.username(), e.action(), e.actionLabel(), e.before(), e.after());
        }
    }

    @PostMapping("/api/account/password")
    @Operation(summary = "修改本人密码（须提供当前密码；新密码须符合密码规则）", operationId = "changeOwnPassword")
    @ApiResponse(responseCode = "204", description = "已修改")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Account me, @RequestBody PasswordChange body) {
        service.changeOwnPassword(me, body.currentPassword(), body.newPassword(), null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "账户列表（系统管理员；分页、排序、按用户名/姓名、角色、状态、部门筛选）", operationId = "listAccounts")
    PageJson<AccountJson> list(@AuthenticationPrincipal Account me,
                               @Parameter(description = "用户名或姓名包含此文字") @RequestParam(required = false) String q,
                               @Parameter(description = "角色") @RequestParam(required = false) Role role,
                               @Parameter(description = "状态：enabled、disabled、pending、must-change") @RequestParam(required = false) String status,
                               @Parameter(description = "部门") @RequestParam(required = false) String department,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                               @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        access.checkAccounts(me);
        return PageJson.of(accounts.page(new AccountRepository.Filter(q, role, status, department), PageQuery.of(page, size, sort, dir)), AccountJson::of);
    }

    @PostMapping("/api/accounts")
    @Operation(summary = "创建账户（系统管理员）：返回只显示一次的临时密码，首次登录须修改", operationId = "createAccount")
    @ApiResponse(responseCode = "201", description = "已创建，返回账户和只显示一次的临时密码", content = @Content(schema = @Schema(implementation = Issued.class)))
    @ApiResponse(responseCode = "409", description = "用户名已被占用")
    ResponseEntity<Issued> create(@AuthenticationPrincipal Account me, @RequestBody NewAccount body) {
        access.checkAccounts(me);
        var issued = service.create(me, body.username(), new AccountService.Changes(body.displayName(), body.role(), body.department(),
                body.creditCode(), body.enabled() == null || body.enabled()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Issued.of(issued));
    }

    @GetMapping("/api/accounts/{id}")
    @Operation(summary = "一个账户（系统管理员）", operationId = "getAccount")
    AccountJson get(@AuthenticationPrincipal Account me, @Parameter(description = "账户编号") @PathVariable long id) {
        access.checkAccounts(me);
        return AccountJson.of(service.get(id));
    }

    @PutMapping("/api/accounts/{id}")
    @Operation(summary = "修改账户的姓名、角色、部门、所属企业、启用状态（系统管理员；须带所读版本，版本已过期时答复409）", operationId = "updateAccount")
    AccountJson update(@AuthenticationPrincipal Account me, @Parameter(description = "账户编号") @PathVariable long id, @RequestBody AccountChange body) {
        access.checkAccounts(me);
        Account current = service.get(id);
        return AccountJson.of(service.update(me, id, version(body.version()), new AccountService.Changes(
                body.displayName() == null ? current.displayName() : body.displayName(), body.role() == null ? current.role() : body.role(),
                body.department() == null ? current.department() : body.department(), body.creditCode(),
                body.enabled() == null ? current.enabled() : body.enabled())));
    }

    @PostMapping("/api/accounts/{id}/password-reset")
    @Operation(summary = "重置账户密码（系统管理员）：生成只显示一次的临时密码，下次登录须修改", operationId = "resetAccountPassword")
    @ApiResponse(responseCode = "200", description = "已重置，返回账户和只显示一次的临时密码", content = @Content(schema = @Schema(implementation = Issued.class)))
    @ApiResponse(responseCode = "409", description = "账户已被他人修改（版本不符）")
    Issued reset(@AuthenticationPrincipal Account me, @Parameter(description = "账户编号") @PathVariable long id, @RequestBody VersionJson body) {
        access.checkAccounts(me);
        return Issued.of(service.resetPassword(me, id, version(body.version())));
    }

    @GetMapping("/api/accounts/audit")
    @Operation(summary = "账户操作审计记录（系统管理员；按用户名、操作筛选，新的在前）", operationId = "listAccountAudit")
    PageJson<AuditJson> audit(@AuthenticationPrincipal Account me,
                              @Parameter(description = "被操作的用户名") @RequestParam(required = false) String username,
                              @Parameter(description = "操作，如 create、update、reset") @RequestParam(required = false) String action,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @Parameter(description = "排序：只有 at（时间）") @RequestParam(required = false) String sort,
                              @Parameter(description = "desc（默认，新的在前）或 asc") @RequestParam(required = false) String dir) {
        access.checkAccounts(me);
        return PageJson.of(audit.page(username, action, PageQuery.of(page, size, "at", dir), "asc".equalsIgnoreCase(dir)), AuditJson::of);
    }

    @PostMapping("/api/registrations")
    @Operation(summary = "企业自助注册（无需登录）：经主管部门确认绑定前看不到任何企业信息", operationId = "registerEnterprise")
    @OpenApiConfig.PublicApi
    @ApiResponse(responseCode = "202", description = "已受理；无论统一社会信用代码是否在名录中、是否已有账户，答复都相同",
            content = @Content(schema = @Schema(implementation = Submitted.class)))
    ResponseEntity<?> register(@RequestBody AccountService.Registration body, jakarta.servlet.http.HttpServletRequest req) {
        if (!throttle.registration(addresses.of(req))) {
            return innopoints.app.platform.ApiErrors.problem(req, 429, "请求过于频繁", AccountPages.TOO_MANY, java.util.List.of());
        }
        service.register(body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Submitted(AccountPages.SUBMITTED));
    }

    @GetMapping("/api/registrations")
    @Operation(summary = "企业注册申请列表（部门经办人员、系统管理员；status为pending、confirmed、rejected或all，默认pending）",
            operationId = "listRegistrations")
    PageJson<AccountService.RegistrationView> registrations(@AuthenticationPrincipal Account me,
                                                            @Parameter(description = "pending（默认）、confirmed、rejected 或 all") @RequestParam(required = false) String status,
                                                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                                            @Parameter(description = "排序：只有 created（提交时间）") @RequestParam(required = false) String sort,
                                                            @Parameter(description = "asc（默认，先提交的在前）或 desc") @RequestParam(required = false) String dir) {
        access.checkRegistrations(me);
        return PageJson.of(service.registrations(status, PageQuery.of(page, size, "created", dir)), r -> r);
    }

    @PostMapping("/api/registrations/{id}/confirm")
    @Operation(summary = "确认注册并绑定企业名录中同一统一社会信用代码的企业", operationId = "confirmRegistration")
    @ApiResponse(responseCode = "204", description = "已确认并绑定")
    @ApiResponse(responseCode = "409", description = "企业名录中没有该统一社会信用代码的企业，或申请已处理")
    ResponseEntity<Void> confirm(@AuthenticationPrincipal Account me, @Parameter(description = "注册申请（账户）编号") @PathVariable long id) {
        access.checkRegistrations(me);
        service.confirm(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/registrations/{id}/reject")
    @Operation(summary = "驳回注册申请（须填写原因）", operationId = "rejectRegistration")
    @ApiResponse(responseCode = "204", description = "已驳回")
    @ApiResponse(responseCode = "409", description = "申请已处理")
    ResponseEntity<Void> reject(@AuthenticationPrincipal Account me, @Parameter(description = "注册申请（账户）编号") @PathVariable long id, @RequestBody RejectJson body) {
        access.checkRegistrations(me);
        service.reject(me, id, body.reason());
        return ResponseEntity.noContent().build();
    }

    private static int version(Integer v) {
        if (v == null) throw innopoints.app.platform.Failures.Invalid.field("version", "须提供所读账户的版本号version，以免覆盖他人的修改");
        return v;
    }
}
