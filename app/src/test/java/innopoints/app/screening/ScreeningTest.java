package innopoints.app.screening;

import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Policies;
import innopoints.app.registry.EnterpriseRepository;
import innopoints.app.registry.ScenarioBuilder;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class ScreeningTest {
    @Autowired ScreeningService service;
    @Autowired ScreeningRepository runs;
    @Autowired EnterpriseRepository registry;
    @Autowired ScenarioBuilder scenarios;
    @Autowired Policies policies;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void aScreenStoresForEveryEnterpriseWhatTheCalculatorGives() {
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        ScreenRun run = service.runNow("test", asOf, false);
        assertThat(run.status()).isEqualTo("done");
        assertThat(run.done()).isEqualTo(run.total()).isEqualTo((int) registry.count());
        Map<String, BigDecimal> stored = new HashMap<>();
        jdbc.sql("select enterprise_id, clause_ref, figure from entitlement where run_id = ? and figure is not null and choice = 0").param(run.id())
                .query(rs -> { stored.put(rs.getLong(1) + "/" + rs.getString(2), rs.getBigDecimal(3)); });
        Map<String, BigDecimal> expected = new HashMap<>();
        for (var e : registry.chunkAfter(0, 100_000)) {
            Calculation c = policies.calculator().calculate(scenarios.scenario(e, registry.facts(e.id()), java.util.List.of(), asOf, Set.of()));
            for (Result r : c.results()) expected.put(e.id() + "/" + r.clause().ref(), r.figure().value());
        }
        assertThat(stored).hasSameSizeAs(expected);
        expected.forEach((k, v) -> assertThat(stored.get(k)).as(k).isEqualByComparingTo(v));
    }

    @Test
    void aScreenGivesBackEveryDatabaseConnectionItTook() {
        while (runs.running().isPresent()) Thread.yield();
        service.runNow("test", LocalDate.now(), false);
        assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aSecondScreenWhileOneRunsIsRefused() throws Exception {
        ScreenRun first = service.start("test", LocalDate.now(), false);
        try {
            assertThatThrownBy(() -> service.start("test", LocalDate.now(), false)).isInstanceOf(Conflict.class);
        } catch (AssertionError raceLost) {
            assertThat(runs.find(first.id()).orElseThrow().status()).isEqualTo("done");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runs.find(first.id()).orElseThrow().running() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(runs.find(first.id()).orElseThrow().status()).isEqualTo("done");
    }

    @Test
    void anOfficerStartsAScreenOverTheApiAndFollowsItsProgress() throws Exception {
        while (runs.running().isPresent()) Thread.sleep(50);
        var officer = user(accounts.get("qkjj"));
        String body = mvc.perform(post("/api/screening/runs").with(officer).with(csrf()).param("asOf", "2026-11-23"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("running"))
                .andReturn().getResponse().getContentAsString();
        long id = new tools.jackson.databind.ObjectMapper().readTree(body).get("id").asLong();
        while (runs.find(id).orElseThrow().running()) Thread.sleep(50);
        mvc.perform(get("/api/screening/runs/" + id).with(officer)).andExpect(jsonPath("$.status").value("done"))
                .andExpect(jsonPath("$.done").value((int) registry.count()));
        mvc.perform(get("/screening/runs/" + id).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已完成")));
    }

    @Test
    void aFailedScreenKeepsNoResultsAndEnterprisesKeepSeeingTheLastFinishedOne() {
        while (runs.running().isPresent()) Thread.yield();
        ScreenRun done = service.runNow("test", LocalDate.now(), false);
        long id = runs.start(LocalDate.now(), false, ScreenRun.OFFICIAL, "test", 1);
        long enterprise = registry.chunkAfter(0, 1).getFirst().id();
        runs.insert(java.util.List.<Object[]>of(new Object[]{id, enterprise, "city-2025:21.5", new BigDecimal("1"), "yuan", "ceiling", "", 0, ""}));
        runs.fail(id, "测试：写入中途失败");
        assertThat(jdbc.sql("select count(*) from entitlement where run_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo("failed");
        assertThat(runs.latestDone().orElseThrow().id()).isEqualTo(done.id());
    }
}
