package innopoints.app.accounts;

import innopoints.app.platform.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@Repository
public class AccountRepository {
    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            (Long) rs.getObject("enterprise_id"), rs.getString("department"), rs.getBoolean("enabled"),
            Times.local(rs, "locked_until"));

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public Optional<Account> find(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(ACCOUNT).optional();
    }

    public List<Account> all() { return jdbc.sql("select * from app_user order by id").query(ACCOUNT).list(); }

    public long count() { return jdbc.sql("select count(*) from app_user").query(Long.class).single(); }

    public long create(String username, String passwordHash, String displayName, Role role, Long enterpriseId, String department) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, enterprise_id, department)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(username, passwordHash, displayName, role.name(), enterpriseId, department).query(Long.class).single();
    }

    public void setPassword(String username, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where username = ?").params(passwordHash, username).update();
    }

    /** Counts a failed login; at {@code limit} failures in a row the account locks until {@code until}. Returns the count. */
    public int failed(String username, int limit, OffsetDateTime until) {
        return jdbc.sql("""
                        update app_user set failed_logins = failed_logins + 1,
                               locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                        where username = ? returning failed_logins""")
                .params(limit, until, username).query(Integer.class).optional().orElse(0);
    }

    public void succeeded(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ?").param(username).update();
    }
}
