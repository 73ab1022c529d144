package innopoints.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sign-in by form (session cookie, CSRF token on every change) for people and by HTTP Basic for
 * scripts; the API answers 401/403 as problem details and never asks a browser for a password.
 * The policy list is public (政务公开); everything else needs an account, and what an account may
 * reach is decided by {@link Access} in each handler.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    static final RequestMatcher API = r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/");

    @Bean
    PasswordEncoder passwordEncoder() { return PasswordEncoderFactories.createDelegatingPasswordEncoder(); }

    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Checks passwords; the account kept in the session carries no password hash. */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
                Account signedIn = ((Account) user).withoutSecret();
                return super.createSuccessAuthentication(signedIn, authentication, signedIn);
            }
        };
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/api-docs").permitAll()
                        .requestMatchers(HttpMethod.GET, "/policies", "/policies/**", "/api/policies", "/api/policies/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/guide", "/favicon.svg").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/policies/match").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error="
                                + (ex instanceof LockedException ? "locked" : "bad"))))
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthorized))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(SecurityConfig::unauthorized, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> !API.matches(r))
                        .defaultAccessDeniedHandlerFor((req, res, ex) -> problem(res, 403, "无权访问", "当前账户无权进行此操作"), API))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
                .addFilterBefore(new AddressThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static void unauthorized(HttpServletRequest req, HttpServletResponse res, Exception e) throws IOException {
        problem(res, 401, "未登录", "请先登录（会话或HTTP Basic）");
    }

    static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json;charset=UTF-8");
        res.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses sign-in attempts from an address that failed too often, before any password is checked. */
    static final class AddressThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        AddressThrottleFilter(LoginThrottle throttle) { this.throttle = throttle; }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
            boolean login = "POST".equals(req.getMethod()) && req.getRequestURI().equals(req.getContextPath() + "/login");
            if (login && throttle.addressBlocked(req.getRemoteAddr())) {
                res.sendRedirect(req.getContextPath() + "/login?error=throttled");
                return;
            }
            chain.doFilter(req, res);
            if (login && res.getHeader("Location") != null && res.getHeader("Location").contains("/login?error")) {
                throttle.failedFrom(req.getRemoteAddr());
            }
        }
    }
}
