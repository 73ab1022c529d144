package innopoints.app.accounts;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An administrator manages accounts in the API and the pages; every change is audited; stale writes are refused. */
@ServiceTest
class AccountManagementTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    JsonNode json(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor admin() { return httpBasic("admin", ServiceTest.PASSWORD); }

    JsonNode create(String username, String role, String department) throws Exception {
        return json(mvc.perform(post("/api/accounts").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"displayName\":\"测试" + username + "\",\"role\":\"" + role + "\""
                        + (department == null ? "" : ",\"department\":\"" + department + "\"") + "}"))
                .andExpect(status().isCreated()));
    }

    long audited(String username, String action) {
        return jdbc.sql("select count(*) from account_audit where username = ? and action = ? and actor = 'admin'").params(username, action)
                .query(Long.class).single();
    }

    @Test
    void anAdministratorCreatesAnAccountWhoseTemporaryPasswordMustBeChanged() throws Exception {
        JsonNode issued = create("mgmt-new", "OFFICER", "市科技局");
        String temporary = issued.get("temporaryPassword").asString();
        assertThat(temporary).hasSize(19);
        assertThat(issued.get("account").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(jdbc.sql("select password_hash from app_user where username = 'mgmt-new'").query(String.class).single()).doesNotContain(temporary);
        mvc.perform(get("/api/enterprises").with(httpBasic("mgmt-new", temporary))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("请先修改密码")));
        assertThat(audited("mgmt-new", "created")).isEqualTo(1);
        assertThat(jdbc.sql("select after->>'department' from account_audit where username = 'mgmt-new'").query(String.class).single()).isEqualTo("市科技局");
    }

    @Test
    void anOfficerWithoutADepartmentAndAnEnterpriseUserWithoutAnEnterpriseAreRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/accounts").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"mgmt-nodept\",\"displayName\":\"某人\",\"role\":\"OFFICER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("department"));
        mvc.perform(post("/api/accounts").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"mgmt-noent\",\"displayName\":\"某人\",\"role\":\"ENTERPRISE\",\"creditCode\":\"91320600MA1234567X\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        mvc.perform(post("/api/accounts").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"kjj\",\"displayName\":\"重名\",\"role\":\"LEADER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedWith409() throws Exception {
        long id = create("mgmt-stale", "LEADER", null).get("account").get("id").asLong();
        int version = json(mvc.perform(get("/api/accounts/" + id).with(admin()))).get("version").asInt();
        mvc.perform(put("/api/accounts/" + id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"FINANCE\",\"version\":" + version + "}")).andExpect(status().isOk()).andExpect(jsonPath("$.role").value("FINANCE"));
        mvc.perform(put("/api/accounts/" + id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"LEADER\",\"version\":" + version + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        assertThat(accounts.get("mgmt-stale").role()).isEqualTo(Role.FINANCE);
        assertThat(jdbc.sql("select before->>'role' || '>' || (after->>'role') from account_audit where username = 'mgmt-stale' and action = 'updated'")
                .query(String.class).single()).isEqualTo("LEADER>FINANCE");
    }

    @Test
    void disablingAnAccountEndsItsSessionAndItsSignIn() throws Exception {
        accounts.create("mgmt-disabled", Role.LEADER, null, null);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("mgmt-disabled").password(ServiceTest.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/enterprises").session(session)).andExpect(status().isOk());
        Account a = accounts.get("mgmt-disabled");
        mvc.perform(put("/api/accounts/" + a.id()).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false,\"version\":" + a.version() + "}")).andExpect(status().isOk());
        mvc.perform(get("/enterprises").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/me").with(httpBasic("mgmt-disabled", ServiceTest.PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(audited("mgmt-disabled", "disabled")).isEqualTo(1);
    }

    @Test
    void aResetPasswordIsShownOnceAndMustBeChangedAtTheNextSignIn() throws Exception {
        accounts.create("mgmt-reset", Role.LEADER, null, null);
        Account a = accounts.get("mgmt-reset");
        var page = mvc.perform(post("/admin/accounts/" + a.id() + "/reset").with(user(accounts.get("admin"))).with(csrf())
                .param("version", String.valueOf(a.version()))).andExpect(redirectedUrl("/admin/accounts/" + a.id()))
                .andExpect(flash().attributeExists("temporaryPassword")).andReturn();
        String temporary = (String) page.getFlashMap().get("temporaryPassword");
        mvc.perform(get("/api/me").with(httpBasic("mgmt-reset", ServiceTest.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("mgmt-reset", temporary))).andExpect(status().isOk());
        mvc.perform(get("/api/enterprises").with(httpBasic("mgmt-reset", temporary))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select (before->>'mustChangePassword') || '>' || (after->>'mustChangePassword') from account_audit where username = 'mgmt-reset' and action = 'password-reset'")
                .query(String.class).single()).isEqualTo("false>true");
        // The same form sent again, with the version it was shown with, is stale.
        mvc.perform(post("/admin/accounts/" + a.id() + "/reset").with(user(accounts.get("admin"))).with(csrf())
                .param("version", String.valueOf(a.version()))).andExpect(status().isConflict());
    }

    @Test
    void onlyAnAdministratorManagesAccountsAndReadsTheTrail() throws Exception {
        for (String who : new String[]{"kjj", "lingdao", "qiye", "caizheng"}) {
            mvc.perform(get("/api/accounts").with(httpBasic(who, ServiceTest.PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get("/api/accounts/audit").with(httpBasic(who, ServiceTest.PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/accounts").with(user(accounts.get(who)))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/accounts").with(httpBasic("kjj", ServiceTest.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"mgmt-byofficer\",\"displayName\":\"x\",\"role\":\"ADMIN\"}")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from app_user where username = 'mgmt-byofficer'").query(Long.class).single()).isZero();
    }

    @Test
    void theAccountListFiltersAndPagesAndTheTrailIsReadable() throws Exception {
        create("mgmt-listed", "OFFICER", "市工信局");
        mvc.perform(get("/api/accounts").param("role", "OFFICER").param("department", "市工信局").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].username", org.hamcrest.Matchers.hasItem("mgmt-listed")))
                .andExpect(jsonPath("$.items[*].role", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("OFFICER"))));
        mvc.perform(get("/api/accounts/audit").param("username", "mgmt-listed").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("created")).andExpect(jsonPath("$.items[0].actor").value("admin"));
        var me = user(accounts.get("admin"));
        mvc.perform(get("/admin/accounts").param("q", "mgmt-listed").with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("mgmt-listed")));
        mvc.perform(get("/admin/audit").param("username", "mgmt-listed").with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("创建账户")));
    }

    @Test
    void aRefusedCreateFormKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/accounts").with(user(accounts.get("admin"))).with(csrf()).param("username", "mgmt-form")
                        .param("displayName", "王晓明").param("role", "OFFICER"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("部门经办人员须填写所属部门")))
                .andExpect(content().string(containsString("value=\"王晓明\"")));
    }

    @Test
    void anAdministratorCannotDisableItselfOrDropItsOwnRole() throws Exception {
        Account me = accounts.get("admin");
        mvc.perform(put("/api/accounts/" + me.id()).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false,\"version\":" + me.version() + "}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enabled"));
        mvc.perform(put("/api/accounts/" + me.id()).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"LEADER\",\"version\":" + me.version() + "}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        assertThat(accounts.get("admin").enabled()).isTrue();
    }
}
