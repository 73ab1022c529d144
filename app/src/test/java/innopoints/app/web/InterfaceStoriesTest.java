package innopoints.app.web;

import com.microsoft.playwright.Page;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface as people meet it, in a real headless Chromium: the what-if keeps what was typed,
 * every main page fits a 390 px phone without the page scrolling sideways, and each role lands
 * on its own page. Screenshots at 1280 and 390 px go to target/screenshots for a human to look at.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterfaceStoriesTest {
    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
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

    long qiyeEnterprise() { return accounts.get("qiye").enterpriseId(); }

    /** Fills the what-if with a draft switch, another date and a hypothetical tape-out; returns the page after computing. */
    Page whatIfWith(String cost) {
        Page page = signIn("qiye");
        page.navigate(url("/enterprises/" + qiyeEnterprise() + "/match"));
        Chromium.htmxReady(page);
        page.fill("#whatif-asOf", "2026-09-30");
        page.check("#drafts");
        page.selectOption("#whatif-type", "ic_tape_out");
        assertThat(page.locator("#whatif-field-first_round_cost")).isVisible();
        page.fill("#whatif-date", "2026-08-01");
        page.fill("#whatif-field-product", "通芯NT-9");
        page.fill("#whatif-field-first_round_cost", cost);
        page.click("#run-what-if");
        page.waitForLoadState();
        return page;
    }

    void assertWhatIfKept(Page page, String cost) {
        assertThat(page.locator("#whatif-asOf")).hasValue("2026-09-30");
        assertThat(page.locator("#drafts")).isChecked();
        assertThat(page.locator("#whatif-type")).hasValue("ic_tape_out");
        assertThat(page.locator("#whatif-date")).hasValue("2026-08-01");
        assertThat(page.locator("#whatif-field-product")).hasValue("通芯NT-9");
        assertThat(page.locator("#whatif-field-first_round_cost")).hasValue(cost);
    }

    @Test
    void theWhatIfKeepsItsInputsAfterComputing() {
        Page page = whatIfWith("5000000");
        assertThat(page.locator("#what-if-answer")).isVisible();
        assertWhatIfKept(page, "5000000");
        page.locator("#what-if").scrollIntoViewIfNeeded();
        Chromium.shot(page, "ui-what-if-computed");
    }

    @Test
    void theWhatIfKeepsItsInputsAfterARefusal() {
        Page page = whatIfWith("三百万");
        assertThat(page.locator("#what-if-errors")).containsText("单款产品首轮流片费用");
        assertThat(page.locator("#what-if-errors")).not().containsText("first_round_cost");
        assertWhatIfKept(page, "三百万");
        Chromium.shot(page, "ui-what-if-refused");
    }

    @Test
    void aRefusedFactKeepsWhatWasTypedListsEveryErrorAndARefreshDoesNotPostAgain() {
        Page page = signIn("qiye");
        page.navigate(url("/enterprises/" + qiyeEnterprise() + "/match"));
        Chromium.htmxReady(page);
        page.selectOption("#type", "ic_tape_out");
        assertThat(page.locator("#field-first_round_cost")).isVisible();
        page.fill("#date", "");
        page.fill("#field-product", "通芯NT-9");
        page.fill("#field-first_round_cost", "三百万");
        page.click("#save-fact");
        page.waitForLoadState();
        assertThat(page.locator("#form-error li")).hasCount(2);
        assertThat(page.locator("#form-error")).containsText("有2处填写有误");
        assertThat(page.locator("#form-error")).not().containsText("first_round_cost");
        assertThat(page.locator("#field-product")).hasValue("通芯NT-9");
        assertThat(page.locator("#field-first_round_cost")).hasValue("三百万");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/enterprises/\\d+/match(#declare)?$"));
        Chromium.shot(page, "ui-fact-refused");
    }

    /** The pages people use most, by who sees them. */
    Map<String, String> mainPages(long run, long enterprise) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("officer-home", "/");
        pages.put("enterprise-list", "/enterprises");
        pages.put("enterprise-page", "/enterprises/" + enterprise);
        pages.put("what-if", "/enterprises/" + enterprise + "/match");
        pages.put("screening", "/screening");
        pages.put("screening-tallies", "/screening/runs/" + run);
        pages.put("policies", "/policies");
        pages.put("policy", "/policies/city-2025/4.1");
        pages.put("imports", "/imports");
        pages.put("guide", "/guide");
        pages.put("not-found", "/no-such-page");
        return pages;
    }

    @Test
    void everyMainPageFitsA390PixelScreenWithoutScrollingSideways() {
        long run = jdbc.sql("select max(id) from screen_run where status = 'done'").query(Long.class).single();
        long enterprise = qiyeEnterprise();
        List<String> overflowing = new ArrayList<>();
        Page anonymous = chromium.page();
        check(anonymous, "public-home", "/", overflowing);
        Page officer = signIn("kjj");
        mainPages(run, enterprise).forEach((name, path) -> check(officer, name, path, overflowing));
        for (String user : List.of("lingdao", "admin", "qiye")) check(signIn(user), user + "-home", "/", overflowing);
        String claimants = jdbc.sql("select clause_ref from entitlement where run_id = ? order by clause_ref limit 1").param(run).query(String.class).single();
        check(signIn("admin"), "claimants", "/screening/runs/" + run + "/clauses/" + claimants.replace(':', '/'), overflowing);
        assertThat(overflowing).as("pages wider than a 390 px screen").isEmpty();
    }

    private void check(Page page, String name, String path, List<String> overflowing) {
        page.setViewportSize(1280, 900);
        page.navigate(url(path));
        page.waitForLoadState();
        Chromium.shot(page, "ui-1280-" + name);
        page.setViewportSize(390, 844);
        page.navigate(url(path));
        page.waitForLoadState();
        Chromium.shot(page, "ui-390-" + name);
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        if (!Boolean.TRUE.equals(fits)) {
            overflowing.add(path + " (" + page.evaluate("() => document.documentElement.scrollWidth") + " px)");
        }
    }

    @Test
    void eachRoleLandsOnAPageMadeForIt() {
        Page officer = signIn("kjj");
        assertThat(officer.locator("h1")).containsText("市科技局");
        assertThat(officer.locator("#department-clauses tr.department-clause").first()).isVisible();
        Page leader = signIn("lingdao");
        assertThat(leader.locator("#by-district")).isVisible();
        assertThat(leader.locator("#totals-by-document")).isVisible();
        Page admin = signIn("admin");
        assertThat(admin.locator("#accounts")).isVisible();
        Page enterprise = signIn("qiye");
        assertThat(enterprise.locator("#entitlements")).isVisible();
        Page anonymous = chromium.page();
        anonymous.navigate(url("/"));
        assertThat(anonymous.locator("#about")).containsText("一张清单、一个系统、一个榜单");
        assertThat(anonymous.locator("#register-link")).hasAttribute("href", "/register");
        assertThat(anonymous.locator("#newest li").first()).isVisible();
    }
}
