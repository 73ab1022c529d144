package innopoints.app.accounts;

import innopoints.app.platform.Policies;
import innopoints.app.screening.ScreeningRepository;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.engine.policy.Clause;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every line an account must not cross, tried and refused on the server. */
@ServiceTest
class AccessControlTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Policies policies;
    @Autowired ScreeningRepository runs;

    long own() { return accounts.get("qiye").enterpriseId(); }

    long other() {
        return jdbc.sql("select id from enterprise where id <> ? order by id limit 1").param(own()).query(Long.class).single();
    }

    Clause clauseOnlyOf(String department) {
        return StreamSupport.stream(policies.pack().clauses().spliterator(), false)
                .filter(c -> c.departments().equals(java.util.List.of(department))).findFirst().orElseThrow();
    }

    String claimantsPath(Clause c) {
        return "/screening/runs/" + runs.latestDone().orElseThrow().id() + "/clauses/" + c.documentId() + "/" + c.id();
    }

    @Test
    void anEnterpriseUserSeesItsOwnEnterprise() throws Exception {
        mvc.perform(get("/enterprises/" + own()).with(user(accounts.get("qiye")))).andExpect(status().isOk());
        mvc.perform(get("/enterprises/" + own()).param("format", "xlsx").with(user(accounts.get("qiye")))).andExpect(status().isOk())
                .andExpect(content().contentType(innopoints.app.platform.Xlsx.TYPE));
        mvc.perform(get("/api/enterprises/" + own() + "/matching").with(user(accounts.get("qiye")))).andExpect(status().isOk());
    }

    @Test
    void anEnterpriseUserFindsNoOtherEnterprisePageDataOrCalculator() throws Exception {
        var qiye = user(accounts.get("qiye"));
        mvc.perform(get("/enterprises/" + other()).with(qiye)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有找到该企业")));
        mvc.perform(get("/enterprises/" + other() + "/match").with(qiye)).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + other()).param("format", "xlsx").with(qiye)).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises/" + other()).with(qiye)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/enterprises/" + other() + "/facts").with(qiye)).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises/" + other() + "/entitlements").with(qiye)).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises/" + other() + "/matching").with(qiye)).andExpect(status().isNotFound());
        mvc.perform(post("/api/enterprises/" + other() + "/what-if").with(qiye).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
    }

    @Test
    void anEnterpriseUserCannotDeclareOrWithdrawFactsOfAnotherEnterprise() throws Exception {
        var qiye = user(accounts.get("qiye"));
        long before = jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(other()).query(Long.class).single();
        mvc.perform(post("/api/enterprises/" + other() + "/facts").with(qiye).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"high_tech_enterprise_recognition\",\"date\":\"2026-03-01\",\"fields\":{}}")).andExpect(status().isNotFound());
        mvc.perform(post("/enterprises/" + other() + "/facts").with(qiye).with(csrf()).param("type", "high_tech_enterprise_recognition")
                .param("date", "2026-03-01")).andExpect(status().isNotFound());
        Long fact = jdbc.sql("select min(id) from enterprise_fact where enterprise_id = ?").param(other()).query(Long.class).single();
        if (fact != null) {
            mvc.perform(post("/enterprises/" + other() + "/facts/" + fact + "/delete").with(qiye).with(csrf())).andExpect(status().isNotFound());
        }
        assertThat(jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(other()).query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anEnterpriseUserCannotBrowseTheRegistryOrScreening() throws Exception {
        var qiye = user(accounts.get("qiye"));
        mvc.perform(get("/enterprises").with(qiye)).andExpect(status().isForbidden());
        mvc.perform(get("/api/enterprises").with(qiye)).andExpect(status().isForbidden());
        mvc.perform(get("/screening").with(qiye)).andExpect(status().isForbidden());
        mvc.perform(get("/api/screening/runs").with(qiye)).andExpect(status().isForbidden());
        mvc.perform(post("/api/screening/runs").with(qiye).with(csrf())).andExpect(status().isForbidden());
        Clause c = clauseOnlyOf("市科技局");
        mvc.perform(get(claimantsPath(c)).with(qiye)).andExpect(status().isForbidden());
    }

    @Test
    void anOfficerSeesTheClaimantsOfItsDepartmentsClausesOnly() throws Exception {
        var kjj = user(accounts.get("kjj"));
        Clause own = clauseOnlyOf("市科技局"), others = clauseOnlyOf("市工信局");
        mvc.perform(get(claimantsPath(own)).with(kjj)).andExpect(status().isOk());
        mvc.perform(get(claimantsPath(others)).with(kjj)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("市工信局负责")));
        mvc.perform(get("/api" + claimantsPath(others).replace("/screening", "/screening")).with(kjj)).andExpect(status().isForbidden());
        mvc.perform(get("/api" + claimantsPath(others) + "/export.xlsx").with(kjj)).andExpect(status().isForbidden());
        mvc.perform(get("/api" + claimantsPath(others)).with(user(accounts.get("gxj")))).andExpect(status().isOk());
        long run = runs.latestDone().orElseThrow().id();
        String tallies = mvc.perform(get("/api/screening/runs/" + run + "/clauses").param("size", "200").with(kjj)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tallies).doesNotContain("\"" + others.ref() + "\"");
        for (var t : new tools.jackson.databind.ObjectMapper().readTree(tallies).get("items")) {
            assertThat(t.get("departments").toString()).contains("市科技局");
        }
    }

    @Test
    void leadersAndFinanceReadButChangeNothing() throws Exception {
        for (String name : new String[]{"lingdao", "caizheng"}) {
            var who = user(accounts.get(name));
            mvc.perform(get("/enterprises/" + own()).with(who)).andExpect(status().isOk());
            mvc.perform(post("/api/enterprises/" + own() + "/facts").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\":\"high_tech_enterprise_recognition\",\"date\":\"2026-03-01\",\"fields\":{}}")).andExpect(status().isForbidden());
            mvc.perform(post("/api/screening/runs").with(who).with(csrf())).andExpect(status().isForbidden());
        }
    }

    @Test
    void withoutSignInTheApiAnswers401AndPagesAskToSignIn() throws Exception {
        mvc.perform(get("/api/enterprises")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/enterprises/" + own())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/enterprises/" + own() + "/facts").with(user(accounts.get("qiye"))).param("type", "high_tech_enterprise_recognition")
                .param("date", "2026-03-01")).andExpect(status().isForbidden());
    }
}
