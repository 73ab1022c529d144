package innopoints.app.accounts;

import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Times;
import innopoints.engine.facts.CreditCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The use cases of accounts: a user changes its own password; an administrator creates, changes,
 * disables and resets accounts; an enterprise registers and an officer confirms or rejects the
 * binding. Each change is checked against the account's version (a stale one is refused with
 * 409) and written to the {@link AccountAudit} trail.
 */
@Service
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,31}");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    static final String STALE = "该账户已被他人修改，您看到的是旧版本，本次修改未保存。请刷新页面，在最新内容上重新修改。";

    private final AccountRepository accounts;
    private final AccountAudit audit;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Policies policies;

    public AccountService(AccountRepository accounts, AccountAudit audit, PasswordEncoder encoder, JdbcClient jdbc, Policies policies) {
        this.accounts = accounts;
        this.audit = audit;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /** An account created or reset by an administrator, with the temporary password to hand over once. */
    public record Issued(Account account, String temporaryPassword) {}

    /** What an administrator sets on an account; {@code creditCode} names an enterprise user's enterprise. */
    public record Changes(String displayName, Role role, String department, String creditCode, boolean enabled) {}

    /** What an enterprise gives when it registers. */
    public record Registration(String creditCode, String enterpriseName, String contactName, String phone, String username,
                               String password, String confirmPassword) {}

    /** A registration as an officer reviews it: whether the registry knows the code, and how many accounts it already has. */
    public record RegistrationView(long id, String username, String creditCode, String enterpriseName, String contactName, String phone,
                                   String status, String statusLabel, String reason, String decidedBy, OffsetDateTime decidedAt,
                                   OffsetDateTime createdAt, Long registryEnterpriseId, String registryName, int boundAccounts) {}

    public Account get(long id) { return accounts.find(id).orElseThrow(() -> new NotFound("没有编号为" + id + "的账户")); }

    /** The departments officers belong to: those the policy pack names, and any already in use. */
    public List<String> departments() {
        TreeSet<String> all = new TreeSet<>();
        policies.pack().clauses().forEach(c -> all.addAll(c.departments()));
        all.addAll(jdbc.sql("select distinct department from app_user where department is not null").query(String.class).list());
        return List.copyOf(all);
    }

    @Transactional
    public void changeOwnPassword(Account me, String currentPassword, String newPassword, String confirmPassword) {
        Account a = get(me.id());
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || PasswordPolicy.tooLong(currentPassword) || !encoder.matches(currentPassword, a.passwordHash())) {
            errors.add(new FieldError("currentPassword", "当前密码不正确"));
        }
        String problem = PasswordPolicy.problem(newPassword, a.username());
        if (problem != null) errors.add(new FieldError("newPassword", problem));
        else if (Objects.equals(newPassword, currentPassword)) errors.add(new FieldError("newPassword", "新密码不能与当前密码相同"));
        if (confirmPassword != null && !confirmPassword.equals(newPassword)) errors.add(new FieldError("confirmPassword", "两次输入的新密码不一致"));
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
        if (!accounts.setPassword(a.id(), a.version(), encoder.encode(newPassword), false)) throw new Conflict(STALE);
        audit.record(me.username(), a.username(), "password-changed", Map.of("mustChangePassword", a.mustChangePassword()),
                Map.of("mustChangePassword", false));
    }

    @Transactional
    public Issued create(Account admin, String username, Changes c) {
        List<FieldError> errors = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            errors.add(new FieldError("username", "用户名应为3至32位英文字母、数字或“_ . -”，以字母或数字开头"));
        } else if (accounts.find(name).isPresent()) {
            errors.add(new FieldError("username", "用户名“" + name + "”已被使用"));
        }
        Long enterprise = scope(c, null, errors);
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
        String password = PasswordPolicy.generate();
        long id;
        try {
            id = accounts.create(name, encoder.encode(password), c.displayName().strip(), c.role(), enterprise, department(c), true);
        } catch (DuplicateKeyException e) {
            throw Invalid.field("username", "用户名“" + name + "”已被使用");
        }
        if (!c.enabled()) jdbc.sql("update app_user set enabled = false where id = ?").param(id).update();
        Account created = get(id);
        audit.record(admin.username(), name, "created", null, AccountAudit.state(created));
        return new Issued(created, password);
    }

    @Transactional
    public Account update(Account admin, long id, int version, Changes c) {
        Account before = get(id);
        List<FieldError> errors = new ArrayList<>();
        if (before.id() == admin.id() && (!c.enabled() || c.role() != Role.ADMIN)) {
            errors.add(new FieldError(c.enabled() ? "role" : "enabled", "不能停用自己的账户或改变自己的角色，以免无人管理账户"));
        }
        Long enterprise = scope(c, before, errors);
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
        if (!accounts.update(id, version, c.displayName().strip(), c.role(), enterprise, department(c), c.enabled())) throw new Conflict(STALE);
        Account after = get(id);
        boolean onlyEnabled = before.enabled() != after.enabled()
                && AccountAudit.state(before).entrySet().stream().filter(e -> !e.getKey().equals("enabled"))
                .allMatch(e -> Objects.equals(e.getValue(), AccountAudit.state(after).get(e.getKey())));
        audit.record(admin.username(), after.username(), onlyEnabled ? (after.enabled() ? "enabled" : "disabled") : "updated",
                AccountAudit.state(before), AccountAudit.state(after));
        return after;
    }

    /** The credit code of an enterprise user's enterprise, or null. */
    public String creditCodeOf(Account a) {
        return a.enterpriseId() == null ? null
                : jdbc.sql("select credit_code from enterprise where id = ?").param(a.enterpriseId()).query(String.class).optional().orElse(null);
    }

    /** Enables or disables an account, leaving the rest as it is. */
    @Transactional
    public Account setEnabled(Account admin, long id, int version, boolean enabled) {
        Account a = get(id);
        String credit = creditCodeOf(a);
        return update(admin, id, version, new Changes(a.displayName(), a.role(), a.department(), credit, enabled));
    }

    @Transactional
    public Issued resetPassword(Account admin, long id, int version) {
        Account before = get(id);
        String password = PasswordPolicy.generate();
        if (!accounts.setPassword(id, version, encoder.encode(password), true)) throw new Conflict(STALE);
        Account after = get(id);
        audit.record(admin.username(), after.username(), "password-reset", AccountAudit.state(before), AccountAudit.state(after));
        return new Issued(after, password);
    }

    /** Checks role and scope; returns the enterprise id for an enterprise user. */
    private Long scope(Changes c, Account before, List<FieldError> errors) {
        if (c.displayName() == null || c.displayName().isBlank()) errors.add(new FieldError("displayName", "姓名（显示名）不能为空"));
        else if (c.displayName().strip().length() > 50) errors.add(new FieldError("displayName", "姓名（显示名）不能超过50个字符"));
        if (c.role() == null) {
            errors.add(new FieldError("role", "请选择角色"));
            return null;
        }
        if (c.role() == Role.OFFICER && (c.department() == null || c.department().isBlank())) {
            errors.add(new FieldError("department", "部门经办人员须填写所属部门"));
        } else if (c.department() != null && c.department().strip().length() > 50) {
            errors.add(new FieldError("department", "所属部门不能超过50个字符"));
        }
        if (c.role() != Role.ENTERPRISE) return null;
        String code = c.creditCode() == null ? "" : c.creditCode().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            if (before != null && before.pending()) return null;
            errors.add(new FieldError("creditCode", "企业用户须填写所属企业的统一社会信用代码"));
            return null;
        }
        String problem = CreditCode.problem(code);
        if (problem != null) {
            errors.add(new FieldError("creditCode", problem));
            return null;
        }
        Long id = jdbc.sql("select id from enterprise where credit_code = ?").param(code).query(Long.class).optional().orElse(null);
        if (id == null) errors.add(new FieldError("creditCode", "企业名录中没有统一社会信用代码为" + code + "的企业"));
        return id;
    }

    private static String department(Changes c) {
        return c.role() == Role.OFFICER && c.department() != null ? c.department().strip() : null;
    }

    // ---- Registration ----

    /**
     * Creates a pending enterprise account. The answer is the same whether the credit code is in the
     * registry, already bound, or neither: only an officer, reviewing, learns that.
     */
    @Transactional
    public void register(Registration r) {
        List<FieldError> errors = new ArrayList<>();
        String code = r.creditCode() == null ? "" : r.creditCode().strip().toUpperCase(Locale.ROOT);
        String codeProblem = CreditCode.problem(code);
        if (codeProblem != null) errors.add(new FieldError("creditCode", codeProblem));
        text(errors, "enterpriseName", "企业名称", r.enterpriseName(), 2, 100);
        text(errors, "contactName", "联系人姓名", r.contactName(), 1, 50);
        String phone = r.phone() == null ? "" : r.phone().strip().replace(" ", "");
        if (!PHONE.matcher(phone).matches()) errors.add(new FieldError("phone", "联系电话应为11位手机号，或带区号的固定电话（如0513-85000000）"));
        String name = r.username() == null ? "" : r.username().strip();
        if (!USERNAME.matcher(name).matches()) {
            errors.add(new FieldError("username", "用户名应为3至32位英文字母、数字或“_ . -”，以字母或数字开头"));
        } else if (accounts.find(name).isPresent()) {
            errors.add(new FieldError("username", "用户名“" + name + "”已被使用，请换一个"));
        }
        String problem = PasswordPolicy.problem(r.password(), name);
        if (problem != null) errors.add(new FieldError("password", problem.replace("新密码", "密码")));
        else if (!Objects.equals(r.password(), r.confirmPassword())) errors.add(new FieldError("confirmPassword", "两次输入的密码不一致"));
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
        long id;
        try {
            id = accounts.create(name, encoder.encode(r.password()), r.contactName().strip(), Role.ENTERPRISE, null, null, false);
        } catch (DuplicateKeyException e) {
            throw Invalid.field("username", "用户名“" + name + "”已被使用，请换一个");
        }
        jdbc.sql("insert into registration (user_id, credit_code, enterprise_name, contact_name, phone) values (?, ?, ?, ?, ?)")
                .params(id, code, r.enterpriseName().strip(), r.contactName().strip(), phone).update();
        Map<String, Object> after = new LinkedHashMap<>(AccountAudit.state(get(id)));
        after.put("creditCode", code);
        after.put("enterpriseName", r.enterpriseName().strip());
        audit.record(name, name, "registered", null, after);
    }

    private static void text(List<FieldError> errors, String field, String label, String value, int min, int max) {
        int n = value == null ? 0 : value.strip().length();
        if (n < min) errors.add(new FieldError(field, label + (min <= 1 ? "不能为空" : "至少" + min + "个字")));
        else if (n > max) errors.add(new FieldError(field, label + "不能超过" + max + "个字"));
    }

    /** Oldest first (the order they are to be handled in) unless {@code q} asks for descending. */
    public PageQuery.Page<RegistrationView> registrations(String status, PageQuery q) {
        String s = status == null || status.isBlank() ? "pending" : status;
        String where = "all".equals(s) ? " where true" : " where r.status = :status";
        long total = jdbc.sql("select count(*) from registration r" + where).param("status", s).query(Long.class).single();
        List<RegistrationView> items = jdbc.sql(REGISTRATIONS + where + (q.descending() ? " order by r.created_at desc, r.id desc" : " order by r.created_at, r.id") + " limit :size offset :offset")
                .param("status", s).param("size", q.size()).param("offset", q.offset()).query(this::view).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, "created", q.descending());
    }

    private static final String REGISTRATIONS = """
            select r.*, u.username, e.id as eid, e.name as ename,
                   (select count(*) from app_user b where b.enterprise_id = e.id) as bound
            from registration r join app_user u on u.id = r.user_id
            left join enterprise e on e.credit_code = r.credit_code
            """;

    private RegistrationView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RegistrationView(rs.getLong("id"), rs.getString("username"), rs.getString("credit_code"),
                rs.getString("enterprise_name"), rs.getString("contact_name"), rs.getString("phone"), rs.getString("status"),
                statusLabel(rs.getString("status")), rs.getString("reason"), rs.getString("decided_by"), Times.local(rs, "decided_at"),
                Times.local(rs, "created_at"), (Long) rs.getObject("eid"), rs.getString("ename"), rs.getInt("bound"));
    }

    public static String statusLabel(String status) {
        return switch (status) {
            case "pending" -> "待审核";
            case "confirmed" -> "已确认";
            case "rejected" -> "已驳回";
            default -> status;
        };
    }

    /** The registration of an enterprise account, if it registered itself. */
    public java.util.Optional<RegistrationView> registrationOf(Account a) {
        return jdbc.sql(REGISTRATIONS + " where r.user_id = ?").param(a.id()).query(this::view).optional();
    }

    private record Pending(long id, long userId, String creditCode, String status) {}

    private Pending pending(long registrationId) {
        Pending p = jdbc.sql("select id, user_id, credit_code, status from registration where id = ? for update").param(registrationId)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional()
                .orElseThrow(() -> new NotFound("没有编号为" + registrationId + "的注册申请"));
        if (!"pending".equals(p.status())) throw new Conflict("该注册申请已" + statusLabel(p.status()) + "，不能再次处理");
        return p;
    }

    /** Binds the registered account to the registry's enterprise with its credit code. */
    @Transactional
    public void confirm(Account officer, long registrationId) {
        Pending p = pending(registrationId);
        Long enterprise = jdbc.sql("select id from enterprise where credit_code = ?").param(p.creditCode()).query(Long.class).optional()
                .orElseThrow(() -> new Conflict("企业名录中没有统一社会信用代码为" + p.creditCode() + "的企业，无法绑定；请先导入该企业，或驳回申请"));
        Account before = get(p.userId());
        if (!accounts.update(before.id(), before.version(), before.displayName(), Role.ENTERPRISE, enterprise, null, before.enabled())) {
            throw new Conflict(STALE);
        }
        jdbc.sql("update registration set status = 'confirmed', decided_by = ?, decided_at = now() where id = ?")
                .params(officer.username(), registrationId).update();
        audit.record(officer.username(), before.username(), "registration-confirmed", AccountAudit.state(before), AccountAudit.state(get(before.id())));
    }

    /** Refuses a registration, with the reason the enterprise sees on its home page; the account stays without an enterprise. */
    @Transactional
    public void reject(Account officer, long registrationId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2) throw Invalid.field("reason", "驳回须填写原因（至少2个字）");
        if (why.length() > 200) throw Invalid.field("reason", "驳回原因不能超过200个字");
        Pending p = pending(registrationId);
        Account before = get(p.userId());
        jdbc.sql("update registration set status = 'rejected', reason = ?, decided_by = ?, decided_at = now() where id = ?")
                .params(why, officer.username(), registrationId).update();
        Map<String, Object> after = new LinkedHashMap<>(AccountAudit.state(get(before.id())));
        after.put("reason", why);
        audit.record(officer.username(), before.username(), "registration-rejected", AccountAudit.state(before), after);
    }
}
