package innopoints.app.screening;

import innopoints.app.accounts.Role;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an enterprise is told it can claim comes only from official screens (documents in force as
 * of the day) or its own re-screen after a change, never from an officer's what-if screen.
 */
@ServiceTest
class OfficialPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestEnterprises enterprises;
    @Autowired JdbcClient jdbc;
    @Autowired ScreeningService screening;
    @Autowired ScreeningRepository runs;

    private ScreenRun screen(LocalDate asOf, boolean drafts) {
        while (runs.running().isPresent()) Thread.onSpinWait();
        return screening.runNow("test", asOf, drafts);
    }

    private JsonNode entitlements(RequestPostProcessor who, long enterprise) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/enterprises/" + enterprise + "/entitlements").with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** A county IC designer with a tape-out: only the draft future-industries document rewards it. */
    private long draftOnlyClaimant(String name) {
        long id = enterprises.create(name, "如皋市");
        jdbc.sql("update enterprise set industries = '{集成电路,集成电路设计}' where id = ?").param(id).update();
        jdbc.sql("""
                insert into enterprise_fact (enterprise_id, type, occurred_on, fields, digest, source)
                values (?, 'ic_tape_out', ?, '{"product": "X1", "first_round_cost": 5000000}', 'test-' || ?, 'demo')""")
                .params(id, LocalDate.now().minusDays(20), id).update();
        return id;
    }

    @Test
    void aScreenWithDraftsOnNeverReachesThePushAndIsLabelledASimulation() throws Exception {
        long id = draftOnlyClaimant("如皋草案推送测试芯片设计有限公司");
        var owner = user(accounts.create("draft-push-owner", Role.ENTERPRISE, id, null));
        ScreenRun official = screen(LocalDate.now(), false);
        assertThat(official.official()).isTrue();

        ScreenRun whatIf = screen(LocalDate.now(), true);
        assertThat(whatIf.purpose()).isEqualTo(ScreenRun.SIMULATION);
        assertThat(jdbc.sql("select count(*) from entitlement where run_id = ? and enterprise_id = ? and clause_ref like 'future-draft:%'")
                .params(whatIf.id(), id).query(Long.class).single()).as("the what-if did find the draft clause").isPositive();

        JsonNode pushed = entitlements(owner, id);
        pushed.forEach(e -> assertThat(e.get("clause").asString()).doesNotStartWith("future-draft:"));
        pushed.forEach(e -> assertThat(e.get("screenRun").asLong()).isEqualTo(official.id()));
        mvc.perform(get("/enterprises/" + id).with(owner)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("芯片设计企业流片验证补助"))))
                .andExpect(content().string(not(containsString("模拟筛查"))));

        var admin = user(accounts.get("admin"));
        mvc.perform(get("/api/screening/runs/" + whatIf.id()).with(admin))
                .andExpect(jsonPath("$.purpose").value("simulation")).andExpect(jsonPath("$.purposeLabel").value("模拟筛查（不向企业推送）"));
        mvc.perform(get("/screening/runs/" + whatIf.id()).with(admin)).andExpect(content().string(containsString("模拟筛查（不向企业推送）")));
        mvc.perform(get("/screening").with(admin)).andExpect(content().string(containsString("模拟筛查（不向企业推送）")));
        mvc.perform(get("/api/screening/runs/" + whatIf.id() + "/clauses").with(admin))
                .andExpect(jsonPath("$.items[0].purposeLabel").value("模拟筛查（不向企业推送）"));
    }

    @Test
    void aScreenDatedLongAgoNeverReplacesWhatEnterprisesAreTold() throws Exception {
        var qiye = user(accounts.get("qiye"));
        long own = accounts.get("qiye").enterpriseId();
        screen(LocalDate.now(), false);
        JsonNode before = entitlements(qiye, own);
        assertThat(before.size()).as("the demo enterprise can claim something today").isPositive();

        ScreenRun old = screen(LocalDate.of(1900, 1, 1), false);
        assertThat(old.official()).isFalse();
        assertThat(entitlements(qiye, own)).isEqualTo(before);
        mvc.perform(get("/enterprises/" + own).with(qiye)).andExpect(status().isOk())
                .andExpect(content().string(containsString(before.get(0).get("title").asString())))
                .andExpect(content().string(not(containsString("1900-01-01"))));
    }

    /** Clause → figure, of the push and of the calculator (as of today), so the two can be compared. */
    private Map<String, BigDecimal> pushed(RequestPostProcessor who, long id) throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        entitlements(who, id).forEach(e -> out.put(e.get("clause").asString(), e.get("figure").isNull() ? null : e.get("figure").decimalValue()));
        return out;
    }

    private Map<String, BigDecimal> calculated(RequestPostProcessor who, long id) throws Exception {
        JsonNode m = JSON.readTree(mvc.perform(get("/api/enterprises/" + id + "/matching").with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Map<String, BigDecimal> out = new TreeMap<>();
        m.get("awards").forEach(a -> out.put(a.get("ref").asString(), a.get("figure").decimalValue()));
        m.get("undetermined").forEach(p -> out.putIfAbsent(p.get("ref").asString(), null));
        return out;
    }

    private static Map<String, BigDecimal> stripped(Map<String, BigDecimal> m) {
        Map<String, BigDecimal> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? null : v.stripTrailingZeros()));
        return out;
    }

    @Test
    void afterDeclaringCorrectingOrWithdrawingAFactThePushAgreesWithTheCalculatorAtOnce() throws Exception {
        screen(LocalDate.now(), false);
        long id = enterprises.create("南通即时推送测试芯片有限公司", "崇川区");
        jdbc.sql("update enterprise set industries = '{集成电路设计}' where id = ?").param(id).update();
        var owner = user(accounts.create("instant-push-owner", Role.ENTERPRISE, id, null));
        assertThat(pushed(owner, id)).isEmpty();

        String created = mvc.perform(post("/api/enterprises/" + id + "/facts").with(owner).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ic_tape_out\",\"date\":\"" + LocalDate.now().minusDays(10) + "\",\"fields\":{\"product\":\"NT-7\",\"first_round_cost\":\"1000000\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long fact = JSON.readTree(created).get("id").asLong();
        Map<String, BigDecimal> calc = stripped(calculated(owner, id));
        assertThat(calc).as("the calculator finds the tape-out subsidy").isNotEmpty();
        assertThat(stripped(pushed(owner, id))).isEqualTo(calc);
        mvc.perform(get("/enterprises/" + id).with(owner)).andExpect(content().string(containsString("即时筛查")));

        mvc.perform(put("/api/enterprises/" + id + "/facts/" + fact).with(owner).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"date\":\"" + LocalDate.now().minusDays(10) + "\",\"fields\":{\"product\":\"NT-7\",\"first_round_cost\":\"2000000\"}}"))
                .andExpect(status().isOk());
        Map<String, BigDecimal> corrected = stripped(calculated(owner, id));
        assertThat(corrected).isNotEqualTo(calc);
        assertThat(stripped(pushed(owner, id))).isEqualTo(corrected);

        mvc.perform(delete("/api/enterprises/" + id + "/facts/" + fact).param("version", "2").with(owner).with(csrf())).andExpect(status().isNoContent());
        assertThat(calculated(owner, id)).isEmpty();
        assertThat(pushed(owner, id)).isEmpty();
    }

    @Test
    void aNewOfficialScreenSupersedesAnEarlierReScreen() throws Exception {
        long id = draftOnlyClaimant("南通重筛被正式筛查取代测试有限公司");
        var owner = user(accounts.create("superseded-owner", Role.ENTERPRISE, id, null));
        mvc.perform(post("/api/enterprises/" + id + "/facts").with(owner).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"high_tech_enterprise_recognition\",\"date\":\"" + LocalDate.now().minusDays(5) + "\",\"fields\":{\"certificate\":\"GR9\"}}"))
                .andExpect(status().isCreated());
        assertThat(runs.rescreen(id)).isPresent();
        ScreenRun official = screen(LocalDate.now(), false);
        assertThat(runs.rescreen(id)).isEmpty();
        entitlements(owner, id).forEach(e -> assertThat(e.get("screenRun").asLong()).isEqualTo(official.id()));
    }
}
