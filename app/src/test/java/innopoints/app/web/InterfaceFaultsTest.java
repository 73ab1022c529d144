package innopoints.app.web;

import innopoints.app.platform.Policies;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import innopoints.app.support.TestEnterprises;
import innopoints.engine.policy.Clause;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The smaller faults of the interface, each as it was met: orders, numbers, error pages, the fact form, the home pages. */
@ServiceTest
class InterfaceFaultsTest {
    private static final Pattern TALLY_LINK = Pattern.compile("href=\"/screening/runs/\\d+/clauses/([^/\"]+)/([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Policies policies;
    @Autowired JdbcClient jdbc;
    @Autowired TestEnterprises enterprises;

    long latestRun() { return jdbc.sql("select max(id) from screen_run where status = 'done'").query(Long.class).single(); }

    String page(String path, String username) throws Exception {
        var req = get(path);
        if (username != null) req = req.with(user(accounts.get(username)));
        return mvc.perform(req).andReturn().getResponse().getContentAsString();
    }

    private List<String> naturally(List<String> refs) {
        List<String> sorted = new ArrayList<>(refs);
        sorted.sort((a, b) -> policies.naturalOrder().compare(policies.clause(a), policies.clause(b)));
        return sorted;
    }

    @Test
    void clauseTalliesComeInTheListsNaturalOrderOnThePageTheApiAndTheExport() throws Exception {
        long run = latestRun();
        String html = page("/screening/runs/" + run, "admin");
        List<String> onPage = new ArrayList<>();
        Matcher m = TALLY_LINK.matcher(html);
        while (m.find()) onPage.add(m.group(1) + ":" + m.group(2));
        assertThat(onPage).hasSizeGreaterThan(5).isEqualTo(naturally(onPage));

        String json = page("/api/screening/runs/" + run + "/clauses?size=200", "admin");
        List<String> inApi = new ArrayList<>();
        Matcher j = Pattern.compile("\"clause\":\"([^\"]+)\"").matcher(json);
        while (j.find()) inApi.add(j.group(1));
        assertThat(inApi).isEqualTo(onPage);

        MvcResult started = mvc.perform(get("/screening/runs/" + run).param("format", "xlsx").with(user(accounts.get("admin"))))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] body = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.subList(1, rows.size()).stream().map(r -> r.getCellText(0)).toList()).isEqualTo(onPage);
        }
    }

    @Test
    void articleTwoComesBeforeArticleFourteen() {
        List<Clause> clauses = List.of(policies.clause("city-2025:14.1"), policies.clause("city-2025:2.1"), policies.clause("tongzhou-2026:1"),
                policies.clause("city-2025:2.2"));
        List<Clause> sorted = new ArrayList<>(clauses);
        sorted.sort(policies.naturalOrder());
        assertThat(sorted.stream().map(Clause::ref).toList()).startsWith("city-2025:2.1").contains("city-2025:14.1")
                .endsWith("tongzhou-2026:1");
        assertThat(sorted.indexOf(policies.clause("city-2025:14.1"))).isEqualTo(2);
    }

    @Test
    void yearsInWorkedCasesArePlainDigits() throws Exception {
        String html = page("/policies/future-draft/semi.1", null);
        assertThat(html).contains("年度为2025").doesNotContain("2,025");
    }

    @Test
    void pointsShowTheRoundingRulesFourDecimalsAndYuanTwoAlsoInTotals() {
        Format fmt = new Format();
        assertThat(fmt.points(new BigDecimal("103"))).isEqualTo("103.0000分");
        assertThat(fmt.detail(new BigDecimal("30.00005"), "points")).isEqualTo("30.0001分");
        assertThat(fmt.detail(new BigDecimal("123456.785"), "yuan")).isEqualTo("123,456.79元");
        assertThat(fmt.list(new BigDecimal("123456.78"), "yuan")).isEqualTo("12.35万元");
        assertThat(fmt.year(2025)).isEqualTo("2025");
    }

    @Test
    void theCalculatorsPointTotalsKeepFourDecimalsLikeTheAwardsBesideThem() throws Exception {
        long id = enterprises.create("南通积分显示测试有限公司", "通州区");
        jdbc.sql("insert into enterprise_fact (enterprise_id, type, occurred_on, fields, digest, source) values (?, 'cmmm_assessment', ?, '{\"grade\":\"三级\"}'::jsonb, 'd-points', 'declared')")
                .params(id, java.time.LocalDate.now().minusDays(10)).update();
        String html = page("/enterprises/" + id + "/match", "admin");
        assertThat(html).contains("30.0000分").doesNotContain(">30.00分").doesNotContain("30.00分<");
    }

    @Test
    void errorPagesShowTheSignedInUser() throws Exception {
        String missingPath = page("/no-such-page", "kjj");
        assertThat(missingPath).contains("未找到").contains("市科技局经办人").contains("退出").doesNotContain(">登录</a>");
        String missingEnterprise = page("/enterprises/999999999", "kjj");
        assertThat(missingEnterprise).contains("市科技局经办人").contains("退出");
        String forbidden = page("/enterprises/" + (accounts.get("qiye").enterpriseId() + 1) + "/match", "qiye");
        assertThat(forbidden).contains("示范企业用户").contains("退出");
    }

    @Test
    void theFaviconIsServed() throws Exception {
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
        assertThat(page("/", null)).contains("rel=\"icon\"");
    }

    @Test
    void aRefusedFactListsEveryErrorInChineseAndRedirectsSoARefreshDoesNotPostAgain() throws Exception {
        long id = enterprises.create("南通表单测试一有限公司", "崇川区");
        MvcResult refused = mvc.perform(post("/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf())
                        .param("type", "ic_tape_out").param("date", "").param("field.product", "通芯NT-9").param("field.first_round_cost", "三百万"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/enterprises/" + id + "/match#declare"))
                .andReturn();
        var flashed = refused.getFlashMap();
        String html = mvc.perform(get("/enterprises/" + id + "/match").with(user(accounts.get("kjj"))).flashAttrs(flashed))
                .andReturn().getResponse().getContentAsString();
        String alert = html.substring(html.indexOf("id=\"form-error\""), html.indexOf("</div>", html.indexOf("id=\"form-error\"")));
        assertThat(alert).contains("有2处填写有误").contains("“发生日期”必须填写").contains("“单款产品首轮流片费用”应为数字，填写的是“三百万”");
        assertThat(Pattern.compile("<li>").matcher(alert).results().count()).isEqualTo(2);
        assertThat(html).doesNotContain("first_round_cost）").doesNotContain("（product，").contains("value=\"通芯NT-9\"").contains("value=\"三百万\"");
        assertThat(jdbc.sql("select count(*) from enterprise_fact where enterprise_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aSavedFactRedirectsToTheNewFiguresWithAMessage() throws Exception {
        long id = enterprises.create("南通表单测试二有限公司", "崇川区");
        mvc.perform(post("/enterprises/" + id + "/facts").with(user(accounts.get("kjj"))).with(csrf())
                        .param("type", "high_tech_enterprise_recognition").param("date", java.time.LocalDate.now().minusDays(3).toString())
                        .param("field.certificate", "GR202632000123"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/enterprises/" + id + "/match?added=*"))
                .andExpect(flash().attribute("saved", org.hamcrest.Matchers.startsWith("已登记事项 f")));
    }

    @Test
    void anonymousVisitorsGetAPublicHomePageWithTheNewestClausesTheGuideAndHowToRegister() throws Exception {
        String html = page("/", null);
        assertThat(html).contains("一张清单、一个系统、一个榜单").contains("id=\"newest\"").contains("href=\"/policies/")
                .contains("href=\"/register\"").contains("统一社会信用代码").contains("href=\"/guide\"");
        String guide = page("/guide", null);
        for (String line : Files.readAllLines(Path.of("..", "docs", "user-guide.md"))) {
            if (line.startsWith("## ")) assertThat(guide).as("guide section " + line).contains(line.substring(3));
        }
    }

    @Test
    void eachRoleLandsOnItsOwnPage() throws Exception {
        String officer = page("/", "qkjj");
        assertThat(officer).contains("区科技局：本部门工作").contains("id=\"department-clauses\"").contains("id=\"recent-imports\"")
                .doesNotContain("id=\"clause-tallies\"");
        long own = policies.pack().documents().stream().flatMap(d -> d.clauses().stream()).filter(c -> c.departments().contains("区科技局")).count();
        assertThat(Pattern.compile("class=\"department-clause\"").matcher(officer).results().count()).isEqualTo(own);
        for (String reader : List.of("lingdao", "caizheng")) {
            assertThat(page("/", reader)).contains("id=\"by-district\"").contains("id=\"totals-by-document\"").contains("id=\"totals-by-department\"")
                    .contains("崇川区");
        }
        assertThat(page("/", "admin")).contains("id=\"accounts\"").contains("系统管理员").contains("id=\"by-district\"");
        mvc.perform(get("/").with(user(accounts.get("qiye")))).andExpect(redirectedUrl("/enterprises/" + accounts.get("qiye").enterpriseId()));
    }
}
