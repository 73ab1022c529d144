package innopoints.app.registry;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A write based on an old version of a fact is refused, and two corrections at once leave one fact. */
@ServiceTest
class FactVersionTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;

    private long declare(RequestPostProcessor who, long enterprise, String cost) throws Exception {
        String created = mvc.perform(post("/api/enterprises/" + enterprise + "/facts").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ic_tape_out\",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-9\",\"first_round_cost\":\"" + cost + "\"}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1)).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(created).get("id").asLong();
    }

    private static String correction(long version, String cost) {
        return "{\"version\":" + version + ",\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-9\",\"first_round_cost\":\"" + cost + "\"}}";
    }

    private long facts(long enterprise) {
        return jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(enterprise).query(Long.class).single();
    }

    @Test
    void aCorrectionOrWithdrawalBasedOnAnOldVersionIsRefusedWith409() throws Exception {
        long id = enterprises.create("南通版本冲突测试芯片有限公司", "崇川区");
        var officer = user(accounts.get("gxj"));
        long fact = declare(officer, id, "1000000");
        mvc.perform(put("/api/enterprises/" + id + "/facts/" + fact).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(correction(1, "2000000"))).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(fact)).andExpect(jsonPath("$.version").value(2));

        mvc.perform(put("/api/enterprises/" + id + "/facts/" + fact).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(correction(1, "3000000")))
                .andExpect(status().isConflict()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        mvc.perform(delete("/api/enterprises/" + id + "/facts/" + fact).param("version", "1").with(officer).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/enterprises/" + id + "/facts/" + fact).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-06-01\",\"fields\":{\"product\":\"NT-9\",\"first_round_cost\":\"3000000\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(jdbc.sql("select fields->>'first_round_cost' from enterprise_fact where id = ?").param(fact).query(String.class).single())
                .isEqualTo("2000000");
        assertThat(facts(id)).isEqualTo(1);
    }

    @Test
    void aStaleCorrectionFromTheFormShowsTheMessageAndKeepsWhatWasTyped() throws Exception {
        long id = enterprises.create("南通表单版本测试芯片有限公司", "崇川区");
        var officer = user(accounts.get("gxj"));
        long fact = declare(officer, id, "1000000");
        mvc.perform(put("/api/enterprises/" + id + "/facts/" + fact).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(correction(1, "2000000"))).andExpect(status().isOk());
        var refused = mvc.perform(post("/enterprises/" + id + "/facts").with(officer).with(csrf()).param("replaces", String.valueOf(fact)).param("version", "1")
                        .param("type", "ic_tape_out").param("date", "2026-06-01").param("field.product", "NT-9").param("field.first_round_cost", "4500000"))
                .andExpect(status().is3xxRedirection()).andReturn();
        // POST-redirect-GET: the page the refusal redirects to shows the message and keeps what was typed
        mvc.perform(get(refused.getResponse().getRedirectedUrl()).with(officer).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已被他人修改")))
                .andExpect(content().string(containsString("value=\"4500000\"")));
        mvc.perform(post("/enterprises/" + id + "/facts/" + fact + "/delete").with(officer).with(csrf()).param("version", "1"))
                .andExpect(status().isConflict());
        assertThat(facts(id)).isEqualTo(1);
    }

    @Test
    void twoCorrectionsOfOneFactAtOnceLeaveOneFactAndOneWinner() throws Exception {
        long id = enterprises.create("南通并发更正测试芯片有限公司", "崇川区");
        var officer = user(accounts.get("gxj"));
        var owner = user(accounts.create("concurrent-owner", innopoints.app.accounts.Role.ENTERPRISE, id, null));
        long fact = declare(officer, id, "1000000");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                long version = round + 1;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (var who : List.of(officer, owner)) {
                    String cost = String.valueOf(1_000_000 + round * 1000 + (who == officer ? 1 : 2));
                    answers.add(pool.submit(() -> {
                        go.await();
                        return mvc.perform(put("/api/enterprises/" + id + "/facts/" + fact).with(who).with(csrf())
                                .contentType(MediaType.APPLICATION_JSON).content(correction(version, cost))).andReturn().getResponse().getStatus();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> a : answers) statuses.add(a.get());
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                assertThat(facts(id)).as("round " + round).isEqualTo(1);
                assertThat(jdbc.sql("select version from enterprise_fact where id = ?").param(fact).query(Long.class).single()).isEqualTo(version + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
