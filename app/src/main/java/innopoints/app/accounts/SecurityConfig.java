package innopoints.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Two ways in. People sign in by form and keep a session; every change they make carries the CSRF
 * token. Scripts send HTTP Basic credentials on each request and go through a chain of their own
 * that never reads, creates or trusts a session (so no session can ride along without its token),
 * as do API calls that come without a session at all. Both ways share the same password check,
 * lock-out and per-address throttle. The API answers 401/403 as problem details; pages answer in
 * Chinese. The policy list is public (政务公开) and so is registration; everything else needs an
 * account, and what an account may reach is decided by {@link Access} in each handler.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    static final RequestMatcher API = r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/");
    /** Requests that never use a session: any carrying credentials of their own, and API calls without a session. */
    static final RequestMatcher STATELESS = r -> r.getHeader("Authorization") != null || (API.matches(r) && r.getSession(false) == null);
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()";

    @Bean
    PasswordEncoder passwordEncoder() { return PasswordEncoderFactories.createDelegatingPasswordEncoder(); }

    /** The one authentication provider, so Spring Security's shared manager uses it for both chains (and only once). */
    @Bean
    PasswordCheck passwordCheck(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        return new PasswordCheck(accounts, encoder, throttle);
    }

    /** Scripts with HTTP Basic, and API calls with no session: stateless, so CSRF does not arise; cross-site writes refused. */
    @Bean
    @Order(1)
    SecurityFilterChain statelessChain(HttpSecurity http, LoginThrottle throttle, ClientAddress addresses,
                                       AccountRepository accounts) throws Exception {
        AuthenticationDetailsSource<HttpServletRequest, String> details = addresses::of;
        http.securityMatcher(STATELESS)
                .authorizeHttpRequests(SecurityConfig::rules)
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthorized).authenticationDetailsSource(details))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::unauthorized)
                        .accessDeniedHandler((req, res, ex) -> problem(req, res, 403, "无权访问", "当前账户无权进行此操作")))
                .headers(SecurityConfig::headers)
                .addFilterBefore(new CrossSiteWrites(), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInGate(throttle, addresses), BasicAuthenticationFilter.class)
                .addFilterBefore(new CurrentAccount(accounts), AuthorizationFilter.class);
        return http.build();
    }

    /** People in a browser: form sign-in, a session, the CSRF token on every change. */
    @Bean
    @Order(2)
    SecurityFilterChain sessionChain(HttpSecurity http, LoginThrottle throttle, ClientAddress addresses,
                                     AccountRepository accounts) throws Exception {
        AuthenticationDetailsSource<HttpServletRequest, String> details = addresses::of;
        AccessDeniedHandlerImpl pages = new AccessDeniedHandlerImpl();
        pages.setErrorPage("/denied");
        http.authorizeHttpRequests(SecurityConfig::rules)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).authenticationDetailsSource(details)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error=bad")))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(SecurityConfig::unauthorized, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> !API.matches(r))
                        .accessDeniedHandler((req, res, ex) -> {
                            if (API.matches(req)) {
                                problem(req, res, 403, "无权访问", ex instanceof CsrfException
                                        ? "缺少或无效的CSRF令牌：以会话方式调用写接口须带X-CSRF-TOKEN请求头（令牌见GET /api/me）"
                                        : "当前账户无权进行此操作");
                            } else {
                                pages.handle(req, res, ex);
                            }
                        }))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults())
                .headers(SecurityConfig::headers)
                .addFilterBefore(new SignInGate(throttle, addresses), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CurrentAccount(accounts), AuthorizationFilter.class);
        return http.build();
    }

    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/login", "/register", "/denied", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                        "/v3/api-docs", "/v3/api-docs/**", "/api-docs").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/registrations").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/guide", "/favicon.svg").permitAll()
                .requestMatchers(HttpMethod.GET, "/policies", "/policies/**", "/api/policies", "/api/policies/**").permitAll()
                .anyRequest().authenticated();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(p -> p.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY));
    }

    private static void unauthorized(HttpServletRequest req, HttpServletResponse res, AuthenticationException e) throws IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"innopoints\", charset=\"UTF-8\"");
        problem(req, res, 401, "未登录", "请先登录（会话或HTTP Basic）；用户名或密码错误、账户停用或临时锁定时也是此答复");
    }

    /** A problem-details answer (RFC 9457) in the shape of {@link innopoints.app.platform.ApiErrors}. */
    static void problem(HttpServletRequest req, HttpServletResponse res, int status, String title, String detail) throws IOException {
        innopoints.app.platform.ApiErrors.write(req, res, status, title, detail, java.util.List.of());
    }

    /**
     * A browser that once answered a Basic challenge resends those credentials by itself, even on a
     * request another site makes it send; such requests carry Origin or Sec-Fetch-Site, scripts do
     * not. A change that another site asks for is refused.
     */
    static final class CrossSiteWrites extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
            String m = req.getMethod();
            boolean write = !("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m));
            if (write && crossSite(req)) {
                problem(req, res, 403, "无权访问", "拒绝来自其他网站的修改请求");
                return;
            }
            chain.doFilter(req, res);
        }

        private static boolean crossSite(HttpServletRequest req) {
            String site = req.getHeader("Sec-Fetch-Site");
            if (site != null) return !("same-origin".equals(site) || "none".equals(site));
            String origin = req.getHeader("Origin");
            if (origin == null) return false;
            try {
                URI o = URI.create(origin);
                int port = o.getPort() != -1 ? o.getPort() : ("https".equals(o.getScheme()) ? 443 : 80);
                return !(req.getServerName().equalsIgnoreCase(o.getHost()) && req.getServerPort() == port);
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
    }
}
