package innopoints.app.web;

import com.microsoft.playwright.Page;
import innopoints.app.accounts.Role;
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

/** Accounts' stories in a real headless Chromium: registering, confirming, changing and resetting passwords. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountStoriesTest {
    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    Chromium chromium;

    @BeforeAll
    void startBrowser() { chromium = Chromium.start(); }

    @AfterAll
    void stopBrowser() { if (chromium != null) chromium.close(); }

    String url(String path) { return "http://localhost:" + port + path; }

    Page signIn(Page page, String username, String password) {
        return Chromium.signIn(page, url(""), username, password);
    }

    /** Screenshots at 1280 px and 390 px; at 390 px the page must not scroll sideways. */
    static void shots(Page page, String name) {
        page.setViewportSize(1280, 900);
        Chromium.shot(page, name + "-1280");
        page.setViewportSize(390, 844);
        Chromium.shot(page, name + "-390");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(name + " overflows at 390 px").isLessThanOrEqualTo(0);
        page.setViewportSize(1280, 900);
    }

    @Test
    void anEnterpriseRegistersAnOfficerConfirmsAndTheEnterpriseChangesItsPasswordAndSeesItsPush() {
        var target = jdbc.sql("""
                        select e.id, e.credit_code, e.name from entitlement t join screen_run r on r.id = t.run_id and r.status = 'done'
                        join enterprise e on e.id = t.enterprise_id
                        where t.figure is not null and not exists (select 1 from app_user u where u.enterprise_id = e.id)
                        order by t.run_id desc, e.id desc limit 1""")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        Page page = chromium.page();
        page.navigate(url("/login"));
        page.click("#register-link");
        page.waitForLoadState();
        page.fill("#creditCode", target[1]);
        page.fill("#enterpriseName", target[2]);
        page.fill("#contactName", "陈静");
        page.fill("#phone", "13962812345");
        page.fill("#username", "story-enterprise");
        page.fill("#password", "woaini1314");
        page.fill("#confirmPassword", "woaini1314");
        page.click("#submit-registration");
        page.waitForLoadState();
        assertThat(page.locator("#password-error")).containsText("过于常见");
        assertThat(page.locator("#creditCode")).hasValue(target[1]);
        shots(page, "accounts-1-register-refused");
        page.fill("#password", "Haohe-river-2026");
        page.fill("#confirmPassword", "Haohe-river-2026");
        page.click("#submit-registration");
        page.waitForLoadState();
        assertThat(page.locator("#submitted")).containsText("注册申请已提交");

        signIn(page, "story-enterprise", "Haohe-river-2026");
        assertThat(page.locator("#status-badge")).hasText("待审核");
        assertThat(page.locator("nav")).not().containsText("本企业");
        shots(page, "accounts-2-pending");

        Page officer = signIn(chromium.page(), "kjj", ServiceTest.PASSWORD);
        officer.navigate(url("/registrations"));
        var row = officer.locator("#registrations tr[data-username=story-enterprise]");
        assertThat(row).containsText(target[2]);
        shots(officer, "accounts-3-registrations");
        row.locator("button.confirm").click();
        officer.waitForLoadState();
        assertThat(officer.locator("#notice")).containsText("已确认");

        page.navigate(url("/"));
        assertThat(page.locator("#enterprise-name")).hasText(target[2]);
        page.click("#change-password");
        page.waitForLoadState();
        page.fill("#currentPassword", "Haohe-river-2026");
        page.fill("#newPassword", "Langshan-hill-2027");
        page.fill("#confirmPassword", "Langshan-hill-2027");
        shots(page, "accounts-4-change-password");
        page.click("#save-password");
        page.waitForLoadState();
        assertThat(page.locator("#changed")).isVisible();

        Page again = signIn(chromium.page(), "story-enterprise", "Langshan-hill-2027");
        assertThat(again.locator("#enterprise-name")).hasText(target[2]);
        assertThat(again.locator("#entitlements tr.entitlement").first()).isVisible();
        Chromium.shot(again, "accounts-5-enterprise-push");
    }

    @Test
    void anAdministratorResetsAPasswordAndTheUserMustChangeItAtTheNextSignIn() {
        accounts.create("story-reset", Role.OFFICER, null, "市科技局");
        Page admin = signIn(chromium.page(), "admin", ServiceTest.PASSWORD);
        admin.navigate(url("/admin/accounts?role=OFFICER"));
        assertThat(admin.locator("#account-list")).containsText("story-reset");
        shots(admin, "accounts-6-admin-list");
        admin.locator("#account-list a", new Page.LocatorOptions().setHasText("story-reset")).click();
        admin.waitForLoadState();
        admin.click("#reset-password");
        admin.waitForLoadState();
        String temporary = admin.locator("#temporary-password-value").innerText().strip();
        assertThat(temporary).hasSize(19);
        shots(admin, "accounts-7-admin-reset");
        admin.reload();
        assertThat(admin.locator("#temporary-password")).hasCount(0);
        admin.navigate(url("/admin/audit?username=story-reset"));
        assertThat(admin.locator("#audit-trail")).containsText("重置密码");
        shots(admin, "accounts-8-audit");

        Page user = chromium.page();
        signIn(user, "story-reset", ServiceTest.PASSWORD);
        assertThat(user.locator("#username")).isVisible();
        signIn(user, "story-reset", temporary);
        assertThat(user.locator("#must-change")).isVisible();
        user.navigate(url("/screening"));
        assertThat(user.locator("#must-change")).isVisible();
        user.fill("#currentPassword", temporary);
        user.fill("#newPassword", "Nantong-officer-2026");
        user.fill("#confirmPassword", "Nantong-officer-2026");
        user.click("#save-password");
        user.waitForLoadState();
        assertThat(user.locator("#changed")).isVisible();
        user.navigate(url("/screening"));
        assertThat(user.locator("#must-change")).hasCount(0);
        assertThat(user.locator("h1").first()).isVisible();
    }
}
