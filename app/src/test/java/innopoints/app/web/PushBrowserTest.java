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

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The push, the simulation label and editing by version, in a real Chromium at desktop and phone widths. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushBrowserTest {
    @LocalServerPort int port;
    @Autowired Accounts accounts;
    Chromium chromium;

    @BeforeAll
    void startBrowser() { chromium = Chromium.start(); }

    @AfterAll
    void stopBrowser() { if (chromium != null) chromium.close(); }

    String url(String path) { return "http://localhost:" + port + path; }

    Page signIn(String username, int width) {
        Page page = chromium.page();
        page.setViewportSize(width, 900);
        return Chromium.signIn(page, url(""), username, ServiceTest.PASSWORD);
    }

    /** Whether the page's own content (the navigation bar is the layout's) is wider than the window. */
    static boolean overflows(Page page) {
        return (Boolean) page.evaluate("() => { const m = document.querySelector('main'); return m.scrollWidth > m.clientWidth"
                + " || m.getBoundingClientRect().right > document.documentElement.clientWidth + 1; }");
    }

    @Test
    void anOfficerStartsASimulationAndSeesItLabelledAndEditsAnEnterpriseByVersion() {
        for (int width : new int[]{1280, 390}) {
            Page page = signIn("kjj", width);
            page.navigate(url("/screening"));
            page.fill("#asOf", LocalDate.now().plusYears(1).toString());
            page.click("#start-screen");
            page.waitForLoadState();
            assertThat(page.locator("#run-purpose")).hasText("模拟筛查（不向企业推送）");
            page.waitForFunction("() => !document.querySelector('#progress[hx-get]')", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            Chromium.shot(page, "push-simulation-run-" + width);
            page.navigate(url("/screening"));
            assertThat(page.locator("#runs")).containsText("模拟筛查（不向企业推送）");
            Chromium.shot(page, "push-screening-" + width);

            long own = accounts.get("qiye").enterpriseId();
            page.navigate(url("/enterprises/" + own));
            assertThat(page.locator("#push-source")).containsText("正式筛查");
            Chromium.shot(page, "push-officer-enterprise-" + width);
            page.click("#edit-enterprise");
            page.waitForLoadState();
            Chromium.shot(page, "push-edit-" + width);
            assertThat(overflows(page)).as("edit page at " + width + " px").isFalse();
            page.close();
        }
    }
}
