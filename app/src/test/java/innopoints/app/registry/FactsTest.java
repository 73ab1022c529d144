package innopoints.app.registry;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Declaring, correcting and withdrawing an enterprise's facts, and the figure following them. */
@ServiceTest
class FactsTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;

    @Test
    void aCorrectedFactChangesTheFigureAndARefusedCorrectionKeepsTheOldFact() throws Exception {
        long id = enterprises.create("南通更正测试芯片有限公司", "崇川区");
        jdbc.sql("update enterprise set industries = '{集成电路设计}' where id = ?").param(id).update();
        var officer = user(accounts.get("gxj"));
        String created = mvc.perform(post("/api/enterprises/" + id + "/facts").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-5\",\"first_round_cost\":\"1000000\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long factId = new ObjectMapper().readTree(created).get("id").asLong();
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(officer))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].figure").value(hasItem(300000.0)));

        String revised = mvc.perform(put("/api/enterprises/" + id + "/facts/" + factId).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-5\",\"first_round_cost\":\"2000000\"}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fields.first_round_cost").value("2000000"))
                .andReturn().getResponse().getContentAsString();
        long newId = new ObjectMapper().readTree(revised).get("id").asLong();
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(officer))
                .andExpect(jsonPath("$.awards[?(@.ref == 'city-2025:4.1')].figure").value(hasItem(600000.0)));

        mvc.perform(put("/api/enterprises/" + id + "/facts/" + newId).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-5\",\"first_round_cost\":\"两百万\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("first_round_cost"));
        assertThat(jdbc.sql("select fields->>'first_round_cost' from enterprise_fact where id = ?").param(newId).query(String.class).single()).isEqualTo("2000000");

        mvc.perform(get("/enterprises/" + id + "/match").param("edit", String.valueOf(newId)).with(officer)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("更正事项 f" + newId), org.hamcrest.Matchers.containsString("value=\"2000000\""))));
        mvc.perform(delete("/api/enterprises/" + id + "/facts/" + newId).param("version", "2").with(officer).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/enterprises/" + id + "/matching").param("asOf", "2026-11-23").with(officer)).andExpect(jsonPath("$.awards").isEmpty());
    }

    @Test
    void theSameFactDeclaredTwiceIsOneFact() throws Exception {
        long id = enterprises.create("南通重复登记测试有限公司", "崇川区");
        var officer = user(accounts.get("kjj"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/enterprises/" + id + "/facts").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\":\"high_tech_enterprise_recognition\",\"date\":\"2026-03-01\",\"fields\":{\"certificate\":\"GR1\"}}"))
                    .andExpect(status().isCreated());
        }
        assertThat(jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }
}
