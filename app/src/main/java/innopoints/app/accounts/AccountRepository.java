package innopoints.app.accounts;

import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class AccountRepository {
    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            (Long) rs.getObject("enterprise_id"), rs.getString("department"), rs.getBoolean("enabled"),
            Times.local(rs, "locked_until"), rs.getBoolean("must_change_password"), rs.getInt("version"));
    static final Map<String, String> SORTS = new LinkedHashMap<>(Map.of("username", "username", "role", "role", "created", "created_at"));

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public Optional<Account> find(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(ACCOUNT).optional();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("select * from app_user where id = ?").param(id).query(ACCOUNT).optional();
    }

    public List<Account> all() { return jdbc.sql("select * from app_user order by id").query(ACCOUNT).list(); }

    public long count() { return jdbc.sql("select count(*) from app_user").query(Long.class).single(); }

    /** What an administrator filters the account list by; every part optional. */
    public record Filter(String q, Role role, String status, String department) {}

    public PageQuery.Page<Account> page(Filter f, PageQuery q) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (username ilike ? or display_name ilike ?)");
            String like = "%" + PageQuery.like(f.q().strip()) + "%";
            params.add(like);
            params.add(like);
        }
        if (f.role() != null) {
            where.append(" and role = ?");
            params.add(f.role().name());
        }
        if (f.department() != null && !f.department().isBlank()) {
            where.append(" and department = ?");
            params.add(f.department().strip());
        }
        if ("enabled".equals(f.status())) where.append(" and enabled");
        if ("disabled".equals(f.status())) where.append(" and not enabled");
        if ("pending".equals(f.status())) where.append(" and role = 'ENTERPRISE' and enterprise_id is null and enabled");
        if ("must-change".equals(f.status())) where.append(" and must_change_password");
        long total = jdbc.sql("select count(*) from app_user" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(q.size());
        pageParams.add(q.offset());
        List<Account> items = jdbc.sql("select * from app_user" + where + q.orderBy(SORTS, "id") + " limit ? offset ?")
                .params(pageParams).query(ACCOUNT).list();
        return new PageQuery.Page<>(items, q.page(), q.size(), total, q.sortIn(SORTS), q.descending());
    }

    public long create(String username, String passwordHash, String displayName, Role role, Long enterpriseId, String department) {
        return create(username, passwordHash, displayName, role, enterpriseId, department, false);
    }

    public long create(String username, String passwordHash, String displayName, Role role, Long enterpriseId, String department,
                       boolean mustChangePassword) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, enterprise_id, department, must_change_password)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, passwordHash, displayName, role.name(), enterpriseId, department, mustChangePassword)
                .query(Long.class).single();
    }

    /** Changes role, scope, name and whether enabled, if the account is still at {@code version}; false if it is not. */
    public boolean update(long id, int version, String displayName, Role role, Long enterpriseId, String department, boolean enabled) {
        return jdbc.sql("""
                        update app_user set display_name = ?, role = ?, enterprise_id = ?, department = ?, enabled = ?,
                               version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(displayName, role.name(), enterpriseId, department, enabled, id, version).update() == 1;
    }

    /** A new password hash; {@code mustChange} forces a change at the next sign-in. False if the version is stale. */
    public boolean setPassword(long id, int version, String passwordHash, boolean mustChange) {
        return jdbc.sql("""
                        update app_user set password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = null,
                               version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(passwordHash, mustChange, id, version).update() == 1;
    }

    public void setPassword(String username, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ?, version = version + 1, updated_at = now() where username = ?")
                .params(passwordHash, username).update();
    }

    /**
     * Counts a failed sign-in at {@code now}. A lock still running is left as it is; a lock that has
     * ended starts the count afresh, so one wrong password after a lock does not lock again. At
     * {@code limit} failures in a row the account locks until {@code until}. Returns the count.
     */
    public int failed(String username, int limit, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("""
                        update app_user set
                               failed_logins = case when locked_until > :now then failed_logins
                                                    when locked_until is not null then 1
                                                    else failed_logins + 1 end,
                               locked_until = case when locked_until > :now then locked_until
                                                   when (case when locked_until is not null then 1 else failed_logins + 1 end) >= :limit then :until
                                                   else null end
                        where username = :username returning failed_logins""")
                .param("now", now).param("limit", limit).param("until", until).param("username", username)
                .query(Integer.class).optional().orElse(0);
    }

    public void succeeded(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ? and (failed_logins <> 0 or locked_until is not null)")
                .param(username).update();
    }
}
