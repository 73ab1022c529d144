package innopoints.app.accounts;

import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trail of every change to an account: who did it, when, what, and the account before and
 * after (never a password or its hash). Append-only; an administrator reads it.
 */
@Repository
public class AccountAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("created", "创建账户");
        ACTIONS.put("updated", "修改账户");
        ACTIONS.put("disabled", "停用账户");
        ACTIONS.put("enabled", "启用账户");
        ACTIONS.put("password-reset", "重置密码");
        ACTIONS.put("password-changed", "本人修改密码");
        ACTIONS.put("registered", "企业自助注册");
        ACTIONS.put("registration-confirmed", "确认企业绑定");
        ACTIONS.put("registration-rejected", "驳回注册申请");
    }

    private final JdbcClient jdbc;

    public AccountAudit(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One entry of the trail. */
    public record Entry(long id, OffsetDateTime at, String actor, String username, String action, String actionLabel, String before, String after) {
        /** The state before, as an administrator reads it: "角色：部门经办人员；部门：市科技局…". */
        public String beforeText() { return describe(before); }

        public String afterText() { return describe(after); }
    }

    private static final Map<String, String> FIELDS = Map.of("displayName", "姓名", "role", "角色", "enterpriseId", "企业编号",
            "department", "部门", "enabled", "启用", "mustChangePassword", "须修改密码", "creditCode", "统一社会信用代码",
            "enterpriseName", "企业名称", "reason", "原因", "demo", "示范账户");

    static String describe(String json) {
        if (json == null) return "";
        List<String> parts = new ArrayList<>();
        JSON.readTree(json).properties().forEach(e -> {
            var v = e.getValue();
            String text = v.isNull() ? "—" : v.isBoolean() ? (v.asBoolean() ? "是" : "否") : v.asString();
            if (e.getKey().equals("role") && !v.isNull()) {
                try {
                    text = Role.valueOf(text).label();
                } catch (IllegalArgumentException ignored) {
                    // an old role name: shown as stored
                }
            }
            parts.add(FIELDS.getOrDefault(e.getKey(), e.getKey()) + "：" + text);
        });
        return String.join("；", parts);
    }

    public static Map<String, String> actions() { return ACTIONS; }

    public void record(String actor, String username, String action, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("insert into account_audit (actor, username, action, before, after) values (?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(actor, username, action, before == null ? null : JSON.writeValueAsString(before),
                        after == null ? null : JSON.writeValueAsString(after)).update();
    }

    /** What an account looks like in the trail. */
    public static Map<String, Object> state(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", a.displayName());
        m.put("role", a.role().name());
        m.put("enterpriseId", a.enterpriseId());
        m.put("department", a.department());
        m.put("enabled", a.enabled());
        m.put("mustChangePassword", a.mustChangePassword());
        return m;
    }

    /** Newest first unless {@code oldestFirst}; the trail has no other order. */
    public PageQuery.Page<Entry> page(String username, String action, PageQuery q, boolean oldestFirst) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            where.append(" and (username = ? or actor = ?)");
            params.add(username.strip());
            params.add(username.strip());
        }
        if (action != null && ACTIONS.containsKey(action)) {
            where.append(" and action = ?");
            params.add(action);
        }
        long total = jdbc.sql("select count(*) from account_audit" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(q.size());
        p.add(q.offset());
        List<Entry> items = jdbc.sql("select * from account_audit" + where + (oldestFirst ? " order by at, id" : " order by at desc, id desc") + " limit ? offset ?").params(p)
                .query((rs, n) -> new Entry(rs.getLong("id"), Times.local(rs, "at"), rs.getString("actor"), rs.getString("username"),
                        rs.getString("action"), ACTIONS.getOrDefault(rs.getString("action"), rs.getString("action")),
                        rs.getString("before"), rs.getString("after"))).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, "at", !oldestFirst);
    }
}
