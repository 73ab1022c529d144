package innopoints.app.accounts;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in by form and by HTTP Basic: lock-out, throttling, sessions, CSRF and headers. */
@ServiceTest
class SignInTest {
    static final String RIGHT = ServiceTest.PASSWORD;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired LoginThrottle throttle;
    @LocalServerPort int port;

    boolean locked(String username) {
        return jdbc.sql("select coalesce(locked_until > now(), false) from app_user where username = ?").param(username).query(Boolean.class).single();
    }

    @Test
    void lockExpiryResetsTheFailureCounter() throws Exception {
        accounts.create("lock-expiry", Role.LEADER, null, null);
        for (int i = 0; i < 5; i++) mvc.perform(formLogin("/login").user("lock-expiry").password("wrong-" + i)).andExpect(unauthenticated());
        assertThat(locked("lock-expiry")).isTrue();
        jdbc.sql("update app_user set locked_until = now() - interval '1 minute' where username = 'lock-expiry'").update();
        // One wrong password after the lock has ended must not lock the account again.
        mvc.perform(formLogin("/login").user("lock-expiry").password("wrong-again")).andExpect(unauthenticated());
        assertThat(locked("lock-expiry")).isFalse();
        assertThat(jdbc.sql("select failed_logins from app_user where username = 'lock-expiry'").query(Integer.class).single()).isEqualTo(1);
        mvc.perform(formLogin("/login").user("lock-expiry").password(RIGHT)).andExpect(authenticated().withUsername("lock-expiry"));
    }

    @Test
    void unknownLockedDisabledAndBadPasswordGetTheSameAnswerByFormAndByBasic() throws Exception {
        accounts.create("same-locked", Role.LEADER, null, null);
        accounts.create("same-disabled", Role.LEADER, null, null);
        accounts.create("same-bad", Role.LEADER, null, null);
        jdbc.sql("update app_user set locked_until = now() + interval '10 minutes', failed_logins = 5 where username = 'same-locked'").update();
        jdbc.sql("update app_user set enabled = false where username = 'same-disabled'").update();
        String[][] attempts = {{"same-nobody", RIGHT}, {"same-locked", RIGHT}, {"same-disabled", RIGHT}, {"same-bad", "wrong-password"}};
        String firstBody = null;
        for (String[] a : attempts) {
            mvc.perform(formLogin("/login").user(a[0]).password(a[1])).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=bad"));
            MvcResult r = mvc.perform(get("/api/me").with(httpBasic(a[0], a[1]))).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", containsString("Basic"))).andReturn();
            String body = r.getResponse().getContentAsString();
            if (firstBody == null) firstBody = body;
            assertThat(body).as(a[0]).isEqualTo(firstBody);
        }
    }

    @Test
    void basicCredentialsCountTowardsTheAccountLock() throws Exception {
        accounts.create("basic-guessed", Role.LEADER, null, null);
        for (int i = 0; i < 5; i++) mvc.perform(get("/api/me").with(httpBasic("basic-guessed", "wrong-" + i))).andExpect(status().isUnauthorized());
        assertThat(locked("basic-guessed")).isTrue();
        mvc.perform(get("/api/me").with(httpBasic("basic-guessed", RIGHT))).andExpect(status().isUnauthorized());
    }

    @Test
    void basicIsThrottledPerAddressBeforeAnyPasswordIsChecked() throws Exception {
        accounts.create("basic-throttled", Role.LEADER, null, null);
        String address = "198.51.100.77";
        for (int i = 0; i < 1000; i++) throttle.failedFrom(address);
        mvc.perform(get("/api/me").with(httpBasic("basic-throttled", "wrong-password")).with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("select failed_logins from app_user where username = 'basic-throttled'").query(Integer.class).single())
                .as("the password was never checked").isZero();
        // Even the right password waits: the address is blocked, not the account.
        mvc.perform(get("/api/me").with(httpBasic("basic-throttled", RIGHT)).with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/me").with(httpBasic("basic-throttled", RIGHT))).andExpect(status().isOk());
    }

    @Test
    void basicFailuresCountAgainstTheAddressAndAForwardedHeaderIsIgnoredWithoutATrustedProxy() throws Exception {
        int before = throttle.failuresFrom("198.51.100.5");
        mvc.perform(get("/api/me").with(httpBasic("nobody-here", "wrong-password")).header("X-Forwarded-For", "203.0.113.99")
                .with(r -> { r.setRemoteAddr("198.51.100.5"); return r; })).andExpect(status().isUnauthorized());
        assertThat(throttle.failuresFrom("198.51.100.5")).isEqualTo(before + 1);
        assertThat(throttle.failuresFrom("203.0.113.99")).isZero();
    }

    MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(RIGHT)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void csrfIsRequiredEvenWithABogusAuthorizationHeader() throws Exception {
        long enterprise = accounts.get("qiye").enterpriseId();
        accounts.create("csrf-enterprise", Role.ENTERPRISE, enterprise, null);
        MockHttpSession session = signIn("csrf-enterprise");
        long before = jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(enterprise).query(Long.class).single();
        for (String bogus : new String[]{"Bearer whatever", "Basic !!!", "x"}) {
            int status = mvc.perform(post("/api/enterprises/" + enterprise + "/facts").session(session).header("Authorization", bogus)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"type\":\"high_tech_enterprise_recognition\",\"date\":\"2026-03-02\",\"fields\":{\"certificate\":\"GR2026X\"}}"))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(bogus).isIn(401, 403);
        }
        assertThat(jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(enterprise).query(Long.class).single()).isEqualTo(before);
        // The session without the token is refused too; with it, the change goes through.
        mvc.perform(post("/api/enterprises/" + enterprise + "/facts").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"high_tech_enterprise_recognition\",\"date\":\"2026-03-02\",\"fields\":{\"certificate\":\"GR2026X\"}}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("CSRF")));
    }

    @Test
    void basicCallsAndAnonymous401AnswersCreateNoSession() throws Exception {
        MvcResult basic = mvc.perform(get("/api/me").with(httpBasic("kjj", RIGHT))).andExpect(status().isOk()).andReturn();
        assertThat(basic.getRequest().getSession(false)).isNull();
        MvcResult anonymous = mvc.perform(get("/api/enterprises")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic realm="))).andReturn();
        assertThat(anonymous.getRequest().getSession(false)).isNull();
        MvcResult anonymousWrite = mvc.perform(post("/api/screening/runs")).andExpect(status().isUnauthorized()).andReturn();
        assertThat(anonymousWrite.getRequest().getSession(false)).isNull();
        MvcResult anonymousPage = mvc.perform(get("/enterprises")).andExpect(redirectedUrl("/login")).andReturn();
        assertThat(anonymousPage.getRequest().getSession(false)).isNull();
    }

    @Test
    void everyAnswerCarriesReferrerAndPermissionsPolicies() throws Exception {
        for (var r : new org.springframework.test.web.servlet.RequestBuilder[]{get("/login"), get("/api/enterprises"), get("/policies"),
                get("/api/me").with(httpBasic("kjj", RIGHT))}) {
            mvc.perform(r).andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Permissions-Policy", containsString("camera=()")));
        }
    }

    @Test
    void postingToThePolicyMatchAddressNeedsAnAccount() throws Exception {
        mvc.perform(post("/api/policies/match").contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnauthorized());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsAnsweredWithTheChineseErrorPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/register"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("creditCode=x&username=y")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("安全令牌").contains("无权访问").doesNotContain("\"status\"");
    }

    @Test
    void anAccountThatMustChangeItsPasswordReachesOnlyTheChangePage() throws Exception {
        accounts.create("must-change", Role.OFFICER, null, "市科技局");
        jdbc.sql("update app_user set must_change_password = true, version = version + 1 where username = 'must-change'").update();
        MockHttpSession session = signIn("must-change");
        mvc.perform(get("/enterprises").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("须先设置自己的新密码")));
        mvc.perform(get("/api/enterprises").with(httpBasic("must-change", RIGHT))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("请先修改密码")));
        mvc.perform(post("/api/account/password").with(httpBasic("must-change", RIGHT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"" + RIGHT + "\",\"newPassword\":\"woaini1314\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.detail", containsString("过于常见")));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", RIGHT)
                .param("newPassword", "Langshan-hill-2026").param("confirmPassword", "Langshan-hill-2026"))
                .andExpect(redirectedUrl("/account/password?changed"));
        mvc.perform(get("/enterprises").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/enterprises").with(httpBasic("must-change", "Langshan-hill-2026"))).andExpect(status().isOk());
        mvc.perform(get("/api/enterprises").with(httpBasic("must-change", RIGHT))).andExpect(status().isUnauthorized());
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOne() throws Exception {
        accounts.create("change-own", Role.LEADER, null, null);
        mvc.perform(post("/api/account/password").with(httpBasic("change-own", RIGHT)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"not-the-password\",\"newPassword\":\"Langshan-hill-2026\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("当前密码不正确"));
    }
}
