package innopoints.app.accounts;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * A signed-in account: who, which role, and its scope (the enterprise of an enterprise user, the
 * department of an officer). Also the principal Spring Security keeps in the session. While
 * {@code mustChangePassword} is set the account reaches only the change-password page.
 */
public record Account(long id, String username, String passwordHash, String displayName, Role role, Long enterpriseId,
                      String department, boolean enabled, OffsetDateTime lockedUntil, boolean mustChangePassword,
                      int version) implements UserDetails {

    @Override public Collection<? extends GrantedAuthority> getAuthorities() { return List.of(new SimpleGrantedAuthority(role.authority())); }

    @Override public String getPassword() { return passwordHash; }

    @Override public String getUsername() { return username; }

    @Override public boolean isAccountNonLocked() { return lockedUntil == null || lockedUntil.isBefore(OffsetDateTime.now()); }

    @Override public boolean isEnabled() { return enabled; }

    /** The account without its password hash, as kept in the session. */
    public Account withoutSecret() {
        return new Account(id, username, "", displayName, role, enterpriseId, department, enabled, lockedUntil, mustChangePassword, version);
    }

    /** An enterprise user whose registration an officer has not yet confirmed: it sees no enterprise. */
    public boolean pending() { return role == Role.ENTERPRISE && enterpriseId == null; }

    public boolean is(Role r) { return role == r; }

    /** Who the account is, as the header shows it: "张三（市科技局 · 部门经办人员）". */
    public String badge() {
        String scope = department != null ? department + " · " : "";
        return displayName + "（" + scope + role.label() + "）";
    }
}
