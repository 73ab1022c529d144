package innopoints.app.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import innopoints.app.support.Accounts;
import innopoints.app.support.Chromium;
import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The users' stories, walked in a real headless Chromium against the running service. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserStoriesTest {
    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired innopoints.app.support.TestEnterprises enterprises;
    Chromium chromium;

    @BeforeAll
    void startBrowser() { chromium = Chromium.start(); }

    @AfterAll
    void stopBrowser() { if (chromium != null) chromium.close(); }

    String url(String path) { return "http://localhost:" + port + path; }

    Page signIn(String username) {
        Page page = chromium.page();
        return Chromium.signIn(page, url(""), username, ServiceTest.PASSWORD);
    }

    @Test
    void anEnterpriseSeesItsEntitlementsDeclaresAFactAndSeesTheNewFigureExplained() {
        Page page = signIn("qiye");
        assertThat(page.locator("#enterprise-name")).isVisible();
        assertThat(page.locator("#entitlements")).containsText("可享受的政策");
        assertThat(page.locator("#entitlements tr.entitlement").first()).isVisible();
        Chromium.shot(page, "1-enterprise-home");

        page.click("#open-calculator");
        Chromium.htmxReady(page);
        assertThat(page.locator("h1")).hasText("政策计算器");
        int before = page.locator(".award").count();
        page.selectOption("#type", "high_tech_enterprise_recognition");
        assertThat(page.locator("#field-certificate")).isVisible();
        page.fill("#date", "2026-10-15");
        page.fill("#field-certificate", "GR202632000123");
        page.click("#save-fact");
        page.waitForLoadState();

        var added = page.locator(".award.new-award");
        assertThat(added).hasCount(1);
        assertThat(added).containsText("高新技术企业认定奖励");
        assertThat(added.locator(".award-figure")).hasText("200,000.00元");
        assertThat(added).containsText("对经认定的高新技术企业给予最高20万元奖励。");
        assertThat(added.locator(".steps li").first()).isVisible();
        assertThat(page.locator(".award").count()).isGreaterThanOrEqualTo(before);
        Chromium.shot(page, "2-calculator-after-new-fact");
    }

    /** Screenshots at 1280 px and 390 px; at 390 px the page must not scroll sideways. */
    static void shotBothWidths(Page page, String name) {
        page.setViewportSize(1280, 900);
        Chromium.shot(page, name + "-1280");
        page.setViewportSize(390, 844);
        Chromium.shot(page, name + "-390");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(name + " overflows at 390 px").isLessThanOrEqualTo(0);
        page.setViewportSize(1280, 900);
    }

    /** A 通州区 enterprise at an overseas exhibition of the 江苏省贸易促进计划 (booth fee 30,000元, project "2026广交会"). */
    long exhibitor(String name) {
        long id = enterprises.create(name, "通州区");
        jdbc.sql("""
                insert into enterprise_fact (enterprise_id, type, occurred_on, fields, digest, source, project)
                values (?, 'overseas_exhibition', date '2026-04-10', ?::jsonb, 'browser-story-exhibition', 'declared', '2026广交会')""")
                .params(id, "{\"exhibition\":\"2026广交会\",\"booth_fee\":\"30000\",\"provincial_trade_program\":true}").update();
        return id;
    }

    @Test
    void anAdministratorRecordsAnEarlierAwardAfterARefusalNamingEachFieldAndVoidsIt() {
        long id = exhibitor("南通已获奖励浏览器测试有限公司");
        Page page = signIn("admin");
        page.navigate(url("/enterprises/" + id));
        page.click("#open-awards");
        page.waitForLoadState();
        page.fill("#award-date", "2026-05-20");
        page.fill("#figure", "-5");
        page.fill("#award-project", "2026广交会");
        page.click("#save-award");
        page.waitForLoadState();
        assertThat(page.locator("#form-error")).containsText("“事项”必须填写");
        assertThat(page.locator("#form-error")).containsText("“层级”必须填写");
        assertThat(page.locator("#form-error")).containsText("不能为负数");
        assertThat(page.locator("#award-project")).hasValue("2026广交会");
        shotBothWidths(page, "10-award-refused");

        page.fill("#clause", "city-2025:24.2");
        page.fill("#figure", "5000");
        page.fill("#source", "通商务〔2026〕12号");
        page.click("#save-award");
        page.waitForLoadState();
        assertThat(page.locator("#saved")).containsText("已登记已获奖励");
        assertThat(page.locator("#award-list")).containsText("5,000.00元");
        assertThat(page.locator("#award-list")).containsText("通商务〔2026〕12号");
        shotBothWidths(page, "11-award-recorded");

        page.locator(".void-form input[name=reason]").first().fill("文号登记错误");
        page.locator(".void-form button").first().click();
        page.waitForLoadState();
        assertThat(page.locator("#saved")).containsText("已撤销");
        assertThat(page.locator("#award-list tr.voided")).containsText("文号登记错误");
        shotBothWidths(page, "13-award-voided");
    }

    @Test
    void aCityAndATongzhouFigureForOneExhibitionAreOfferedAsAChoiceAndAnEarlierAwardSettlesIt() {
        long id = exhibitor("南通展会择一浏览器测试有限公司");
        Page page = signIn("admin");
        page.navigate(url("/enterprises/" + id + "/match?asOf=2026-11-23"));
        assertThat(page.locator("#choices")).containsText("以下事项不可同时享受，请择一申报");
        assertThat(page.locator("#choices .option")).hasCount(2);
        assertThat(page.locator("#choices .forbids")).containsText("上级和本级政策不重复享受");
        assertThat(page.locator("#totals-choices")).containsText("可选其一");
        shotBothWidths(page, "9-calculator-choice");

        jdbc.sql("""
                insert into prior_award (enterprise_id, clause_ref, project, awarded_on, figure, source, digest, recorded_by)
                values (?, 'city-2025:24.2', '2026广交会', date '2026-05-20', 5000, '通商务〔2026〕12号', 'browser-story', 'admin')""")
                .param(id).update();
        page.navigate(url("/enterprises/" + id + "/match?asOf=2026-11-23"));
        assertThat(page.locator("#choices")).hasCount(0);
        assertThat(page.locator("[id='award-city-2025:24.2'] .award-figure")).hasText("15,000.00元");
        shotBothWidths(page, "12-calculator-after-award");
    }

    @Test
    void aRefusedFactKeepsWhatWasTypedAndNamesTheField() {
        Page page = signIn("qiye");
        page.click("#open-calculator");
        Chromium.htmxReady(page);
        page.selectOption("#type", "ic_tape_out");
        assertThat(page.locator("#field-first_round_cost")).isVisible();
        page.fill("#field-product", "NT-28芯片");
        page.fill("#field-first_round_cost", "五百万");
        page.click("#save-fact");
        page.waitForLoadState();
        assertThat(page.locator("#form-error")).containsText("单款产品首轮流片费用");
        assertThat(page.locator("#field-product")).hasValue("NT-28芯片");
        assertThat(page.locator("#field-first_round_cost")).hasValue("五百万");
    }

    @Test
    void anOfficerSearchesTheListInChineseAndOpensAClause() {
        Page page = signIn("kjj");
        page.navigate(url("/policies"));
        page.fill("#q", "流片");
        page.press("#q", "Enter");
        page.waitForLoadState();
        var first = page.locator("#policy-results .clause-link").first();
        assertThat(first).containsText("集成电路流片验证补助");
        assertThat(page.locator("#policy-results mark").first()).hasText("流片");
        Chromium.shot(page, "4-policy-search");
        first.click();
        page.waitForLoadState();
        assertThat(page.locator("#clause-text")).hasText("对集成电路设计企业开展的流片验证，按照不超过单款产品首轮流片费用的30%、给予最高200万元补助，同一企业每年累计最高1000万元。");
        assertThat(page.locator("#clause-rule")).containsText("最高");
        Chromium.shot(page, "5-clause-page");
    }

    @Test
    void anOfficerStartsAScreenLeavesComesBackAndOpensTheClaimantsOfAClause() {
        Page page = signIn("kjj");
        page.navigate(url("/screening"));
        page.click("#start-screen");
        page.waitForLoadState();
        assertThat(page.locator("#progress")).isVisible();
        String runPage = page.url();
        page.navigate(url("/policies"));
        page.navigate(runPage);
        Chromium.htmxReady(page);
        assertThat(page.locator("#run-status")).containsText("已完成", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        page.reload();
        var clause = page.locator("#clause-tallies tbody a").first();
        assertThat(clause).isVisible();
        Chromium.shot(page, "6-screen-done");
        clause.click();
        page.waitForLoadState();
        assertThat(page.locator("#claimants tbody tr").first()).isVisible();
        assertThat(page.locator("#export")).hasAttribute("href", java.util.regex.Pattern.compile("format=xlsx"));
        Chromium.shot(page, "7-claimants");
    }

    @Test
    void anOfficerImportsADepartmentFileWithBadRowsAndSeesTheReport() {
        long before = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        Page page = signIn("kjj");
        page.navigate(url("/imports"));
        page.selectOption("#kind", "enterprises");
        page.setInputFiles("#file", java.nio.file.Path.of("..", "examples", "imports", "企业名录-示例.csv"));
        page.click("#upload");
        page.waitForLoadState();
        assertThat(page.locator("main")).containsText("未写入任何数据");
        var errors = page.locator("#import-errors tbody tr");
        assertThat(errors.first()).isVisible();
        assertThat(page.locator("#import-errors")).containsText("校验位");
        assertThat(page.locator("#import-errors")).containsText("所属板块");
        assertThat(errors.count()).isGreaterThanOrEqualTo(5);
        Chromium.shot(page, "8-import-report");
        assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anEnterpriseUserOpeningAnotherEnterprisesPageIsRefused() {
        long own = accounts.get("qiye").enterpriseId();
        long other = jdbc.sql("select id from enterprise where id <> ? order by id desc limit 1").param(own).query(Long.class).single();
        Page page = signIn("qiye");
        Response r = page.navigate(url("/enterprises/" + other));
        assertThat(r.status()).as("answered as missing, so its existence is not revealed").isEqualTo(404);
        assertThat(page.locator("#failure")).containsText("没有找到该企业");
        assertThat(page.locator("body")).not().containsText("统一社会信用代码");
        Chromium.shot(page, "3-refused");
        assertThat(page.navigate(url("/api/enterprises/" + other)).status()).isEqualTo(404);
    }
}
