package innopoints.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Stands before every way of signing in (the form's POST /login and any request carrying HTTP
 * Basic credentials): an address that failed too often is refused here, before any password is
 * hashed. The failures themselves are counted by {@link PasswordCheck}.
 */
final class SignInGate extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final ClientAddress addresses;

    SignInGate(LoginThrottle throttle, ClientAddress addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    static boolean formSignIn(HttpServletRequest req) {
        return "POST".equals(req.getMethod()) && req.getRequestURI().equals(req.getContextPath() + "/login");
    }

    static boolean basic(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        boolean form = formSignIn(req);
        if ((form || basic(req)) && throttle.addressBlocked(addresses.of(req))) {
            if (form) {
                res.sendRedirect(req.getContextPath() + "/login?error=throttled");
            } else {
                res.setHeader("Retry-After", String.valueOf(throttle.lock().toSeconds()));
                SecurityConfig.problem(req, res, 429, "请求过于频繁", "该地址登录失败次数过多，请" + throttle.lock().toMinutes() + "分钟后再试");
            }
            return;
        }
        chain.doFilter(req, res);
    }
}
