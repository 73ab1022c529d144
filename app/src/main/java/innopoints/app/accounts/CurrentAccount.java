package innopoints.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a signed-in session true to the account as it is now: an account disabled or removed is
 * signed out at its next request, a changed role, scope or password flag takes effect at once
 * (e.g. an officer confirming a registration). While the account must change its password, pages
 * lead to the change-password page and the API answers 403.
 */
final class CurrentAccount extends OncePerRequestFilter {
    private static final List<String> OPEN_WHILE_MUST_CHANGE = List.of("/account/password", "/api/account/password", "/api/me", "/logout",
            "/login", "/denied", "/error", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/webjars/");
    private final AccountRepository accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    CurrentAccount(AccountRepository accounts) { this.accounts = accounts; }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Account held) {
            Optional<Account> now = accounts.find(held.id());
            if (now.isEmpty() || !now.get().isEnabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = req.getSession(false);
                if (session != null) session.invalidate();
                chain.doFilter(req, res);
                return;
            }
            Account current = now.get();
            if (current.version() != held.version()) {
                Account fresh = current.withoutSecret();
                UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
                replaced.setDetails(auth.getDetails());
                SecurityContext updated = SecurityContextHolder.createEmptyContext();
                updated.setAuthentication(replaced);
                SecurityContextHolder.setContext(updated);
                if (req.getSession(false) != null) sessions.saveContext(updated, req, res);
                held = fresh;
            }
            if (held.mustChangePassword() && !open(req)) {
                if (SecurityConfig.API.matches(req)) {
                    SecurityConfig.problem(req, res, 403, "无权访问", "请先修改密码：该账户的密码是临时密码，修改后才能使用其他功能（POST /api/account/password）");
                } else {
                    res.sendRedirect(req.getContextPath() + "/account/password");
                }
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static boolean open(HttpServletRequest req) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        return OPEN_WHILE_MUST_CHANGE.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
