package innopoints.app.matching;

import innopoints.app.accounts.Role;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The policy calculator over the API: figures with their explanation, near misses, what-if without saving. */
@ServiceTest
class MatchingTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;

    @Test
    void aDeclaredTapeOutShowsItsFigureCitationWordsAndSteps() throws Exception {
        long id = enterprises.create("南通测试芯片设计有限公司", "崇川区");
        jdbc.sql("update enterprise set industries = '{集成电路设计}' where id = ?").param(id).update();
        var officer = user(accounts.get("gxj"));
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-1\",\"first_round_cost\":10000000}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fields.first_round_cost").value("10000000"));
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].figure").value(hasItem(2000000.0)))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].citation").value(hasItem("第4条")))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].text").value(hasItem(containsString("流片"))))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].items[0].steps[0].text").exists());
    }

    @Test
    void aNearMissNamesTheConditionNotMet() throws Exception {
        long id = enterprises.create("南通测试标准化有限公司", "崇川区");
        var officer = user(accounts.get("admin"));
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"standard_drafted\",\"date\":\"2026-06-01\",\"fields\":{\"standard\":\"STA-9\",\"standard_level\":\"行业标准\",\"drafter_rank\":4,\"fully_funded_unit\":false}}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nearMisses[*].reason").value(hasItem(containsString("不满足"))));
    }

    @Test
    void whatIfComparesWithoutSaving() throws Exception {
        long id = enterprises.create("南通测试假设有限公司", "崇川区");
        jdbc.sql("update enterprise set industries = '{集成电路设计,集成电路}' where id = ?").param(id).update();
        var me = user(accounts.create("whatif-user", Role.ENTERPRISE, id, null));
        long factsBefore = jdbc.sql("select count(*) from enterprise_fact").query(Long.class).single();
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2026-11-23\",\"add\":[{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-2\",\"first_round_cost\":\"3000000\"}}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.before.awards").isEmpty())
                .andExpect(jsonPath("$.deltas[?(@.ref == 'city-2025:4.1')].change").value(hasItem("新增")))
                .andExpect(jsonPath("$.deltas[?(@.ref == 'city-2025:4.1')].after").value(hasItem(900000.0)));
        assertThat(jdbc.sql("select count(*) from enterprise_fact").query(Long.class).single()).isEqualTo(factsBefore);
    }

    @Test
    void aDraftDocumentCountsOnlyWhenSwitchedOn() throws Exception {
        long id = enterprises.create("南通测试车规芯片有限公司", "崇川区");
        var me = user(accounts.create("draft-user", Role.ENTERPRISE, id, null));
        String fact = "{\"type\":\"aec_q100_certification\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"AQ-1\",\"cert_fee\":\"500000\",\"first_certification\":\"是\",\"sales_revenue\":\"是\"}}";
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2026-11-23\",\"add\":[" + fact + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deltas").isEmpty())
                .andExpect(jsonPath("$.after.nearMisses[?(@.ref == 'future-draft:ic.4')].reasonKind").value(hasItem("DRAFT")));
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(me).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2026-11-23\",\"drafts\":true,\"add\":[" + fact + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deltas[?(@.ref == 'future-draft:ic.4')].after").value(hasItem(50000.0)))
                .andExpect(jsonPath("$.after.awards[?(@.ref == 'future-draft:ic.4')].documentStatus").value(hasItem("征求意见稿")));
    }

    @Test
    void theWhatIfPageShowsTheDifferenceOfAChangedFactAndADraftSwitchedOn() throws Exception {
        long id = enterprises.create("南通测试假设页面有限公司", "崇川区");
        jdbc.sql("update enterprise set industries = '{集成电路设计}' where id = ?").param(id).update();
        var officer = user(accounts.get("admin"));
        String created = mvc.perform(post("/api/enterprises/" + id + "/facts").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-7\",\"first_round_cost\":\"1000000\"}}"))
                .andReturn().getResponse().getContentAsString();
        long factId = new tools.jackson.databind.ObjectMapper().readTree(created).get("id").asLong();
        mvc.perform(post("/enterprises/" + id + "/what-if").with(officer).with(csrf())
                        .param("fact." + factId + ".first_round_cost", "5000000").param("fact." + factId + ".product", "NT-7")
                        .param("drafts", "on").param("type", "aec_q100_certification").param("date", "2026-06-01")
                        .param("field.product", "AQ-7").param("field.cert_fee", "200000")
                        .param("field.first_certification", "是").param("field.sales_revenue", "是"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.allOf(
                        containsString("id=\"what-if-answer\""), containsString("变化"), containsString("1,500,000.00"), containsString("新增"),
                        containsString("20,000.00"))));
        assertThat(jdbc.sql("select fields->>'first_round_cost' from enterprise_fact where id = ?").param(factId).query(String.class).single()).isEqualTo("1000000");
    }

    @Test
    void anOfficersCalculatorShowsOnlyTheClausesItsDepartmentAnswersFor() throws Exception {
        long id = enterprises.create("南通测试部门计算器芯片有限公司", "崇川区");
        jdbc.sql("update enterprise set industries = '{集成电路设计}' where id = ?").param(id).update();
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(user(accounts.get("gxj"))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-3\",\"first_round_cost\":1000000}}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(user(accounts.get("gxj"))))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')]").isNotEmpty());
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(user(accounts.get("kjj"))))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')]").isEmpty());
        mvc.perform(post("/api/enterprises/" + id + "/what-if").with(user(accounts.get("kjj"))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\":\"2026-11-23\",\"drop\":[]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.after.awards[?(@.ref == 'city-2025:4.1')]").isEmpty());
    }
}
