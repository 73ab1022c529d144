package innopoints.app.accounts;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.engine.facts.CreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An enterprise registers; until an officer confirms the binding it sees nothing of any enterprise. */
@ServiceTest
class RegistrationTest {
    static final String PASSWORD = "Haohe-river-2026";
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired LoginThrottle throttle;

    String codeOf(long enterprise) { return jdbc.sql("select credit_code from enterprise where id = ?").param(enterprise).query(String.class).single(); }

    long unboundEnterprise() {
        return jdbc.sql("select min(e.id) from enterprise e where not exists (select 1 from app_user u where u.enterprise_id = e.id) and e.id > 5")
                .query(Long.class).single();
    }

    static String codeNotInRegistry() {
        String first17 = "91320612MA7" + "XYQ8R1";
        return first17 + CreditCode.checkChar(first17);
    }

    String body(String code, String username) {
        return "{\"creditCode\":\"" + code + "\",\"enterpriseName\":\"南通某某科技有限公司\",\"contactName\":\"陈静\",\"phone\":\"13962800000\","
                + "\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"confirmPassword\":\"" + PASSWORD + "\"}";
    }

    MvcResult register(String code, String username) throws Exception {
        return mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON).content(body(code, username))).andReturn();
    }

    @Test
    void theAnswerDoesNotRevealWhetherTheCreditCodeIsKnownOrAlreadyBound() throws Exception {
        MvcResult bound = register(codeOf(accounts.get("qiye").enterpriseId()), "reg-bound");
        MvcResult known = register(codeOf(unboundEnterprise()), "reg-known");
        MvcResult unknown = register(codeNotInRegistry(), "reg-unknown");
        for (MvcResult r : new MvcResult[]{bound, known, unknown}) {
            assertThat(r.getResponse().getStatus()).isEqualTo(202);
            assertThat(r.getResponse().getContentAsString()).isEqualTo(bound.getResponse().getContentAsString());
        }
        for (String code : new String[]{codeOf(accounts.get("qiye").enterpriseId()), codeNotInRegistry()}) {
            mvc.perform(post("/register").with(csrf()).param("creditCode", code).param("enterpriseName", "南通某某科技有限公司")
                    .param("contactName", "陈静").param("phone", "0513-85123456").param("username", "reg-page-" + code.substring(12))
                    .param("password", PASSWORD).param("confirmPassword", PASSWORD)).andExpect(redirectedUrl("/register?submitted"));
        }
    }

    @Test
    void aRefusedRegistrationNamesEachFieldInChineseAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"91320600MA1234567Y\",\"enterpriseName\":\"南\",\"contactName\":\"\",\"phone\":\"12345\","
                                + "\"username\":\"reg-bad\",\"password\":\"5201314520\",\"confirmPassword\":\"5201314520\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("creditCode", "enterpriseName", "contactName", "phone", "password")))
                .andExpect(jsonPath("$.errors[4].message", containsString("过于常见")));
        mvc.perform(post("/register").with(csrf()).param("creditCode", "91320600MA1234567Y").param("enterpriseName", "南通濠河电子有限公司")
                        .param("contactName", "陈静").param("phone", "13962800000").param("username", "reg-bad").param("password", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("南通濠河电子有限公司")))
                .andExpect(content().string(containsString("校验位")));
        assertThat(jdbc.sql("select count(*) from app_user where username = 'reg-bad'").query(Long.class).single()).isZero();
    }

    @Test
    void aPendingEnterpriseUserSeesNothingUntilAnOfficerConfirms() throws Exception {
        long enterprise = unboundEnterprise();
        register(codeOf(enterprise), "reg-pending");
        var pending = httpBasic("reg-pending", PASSWORD);
        mvc.perform(get("/api/me").with(pending)).andExpect(status().isOk()).andExpect(jsonPath("$.enterpriseId").isEmpty());
        mvc.perform(get("/api/enterprises/" + enterprise).with(pending)).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises/" + enterprise + "/entitlements").with(pending)).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises/" + enterprise + "/facts").with(pending)).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises").with(pending)).andExpect(status().isForbidden());
        mvc.perform(get("/enterprises/" + enterprise).with(pending)).andExpect(status().isNotFound());
        mvc.perform(get("/").with(pending)).andExpect(redirectedUrl("/account/registration"));
        mvc.perform(get("/account/registration").with(pending)).andExpect(status().isOk())
                .andExpect(content().string(containsString("待审核"))).andExpect(content().string(org.hamcrest.Matchers.not(containsString("本企业</a>"))));

        long id = jdbc.sql("select r.id from registration r join app_user u on u.id = r.user_id where u.username = 'reg-pending'").query(Long.class).single();
        mvc.perform(get("/registrations").with(user(accounts.get("kjj")))).andExpect(status().isOk()).andExpect(content().string(containsString("reg-pending")));
        mvc.perform(post("/api/registrations/" + id + "/confirm").with(httpBasic("qiye", ServiceTest.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/registrations/" + id + "/confirm").with(httpBasic("kjj", ServiceTest.PASSWORD))).andExpect(status().isNoContent());
        mvc.perform(get("/api/enterprises/" + enterprise).with(pending)).andExpect(status().isOk());
        mvc.perform(get("/").with(pending)).andExpect(redirectedUrl("/enterprises/" + enterprise));
        mvc.perform(post("/api/registrations/" + id + "/confirm").with(httpBasic("kjj", ServiceTest.PASSWORD))).andExpect(status().isConflict());
        assertThat(jdbc.sql("select actor from account_audit where username = 'reg-pending' and action = 'registration-confirmed'")
                .query(String.class).single()).isEqualTo("kjj");
    }

    @Test
    void aRejectionNeedsAReasonWhichTheEnterpriseSees() throws Exception {
        register(codeNotInRegistry(), "reg-rejected");
        long id = jdbc.sql("select r.id from registration r join app_user u on u.id = r.user_id where u.username = 'reg-rejected'").query(Long.class).single();
        mvc.perform(post("/api/registrations/" + id + "/confirm").with(httpBasic("kjj", ServiceTest.PASSWORD))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("企业名录中没有")));
        mvc.perform(post("/api/registrations/" + id + "/reject").with(httpBasic("kjj", ServiceTest.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/registrations/" + id + "/reject").with(user(accounts.get("admin"))).with(csrf()).param("reason", "联系电话无法接通，无法核实"))
                .andExpect(redirectedUrl("/registrations"));
        mvc.perform(get("/account/registration").with(httpBasic("reg-rejected", PASSWORD))).andExpect(content().string(containsString("联系电话无法接通")))
                .andExpect(content().string(containsString("已驳回")));
        assertThat(jdbc.sql("select after->>'reason' from account_audit where username = 'reg-rejected' and action = 'registration-rejected'")
                .query(String.class).single()).isEqualTo("联系电话无法接通，无法核实");
    }

    @Test
    void oneAddressCannotRegisterWithoutLimit() throws Exception {
        String address = "198.51.100.33";
        while (throttle.registration(address)) {
            // use up the address's allowance
        }
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON).content(body(codeNotInRegistry(), "reg-flood"))
                        .with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.detail", containsString("过于频繁")));
        mvc.perform(post("/register").with(csrf()).param("creditCode", codeNotInRegistry()).param("username", "reg-flood")
                        .with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("过于频繁")));
        assertThat(jdbc.sql("select count(*) from app_user where username = 'reg-flood'").query(Long.class).single()).isZero();
    }
}
