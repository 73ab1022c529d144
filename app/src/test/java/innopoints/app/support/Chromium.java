package innopoints.app.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's, at /usr/bin/chromium; no browser is ever downloaded),
 * driven by Playwright. Where Chromium is missing the browser tests are skipped with the
 * reason, except in CI (CI=true), where a missing browser fails them.
 */
public final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("INNOPOINTS_CHROMIUM", "/usr/bin/chromium"));
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
    }

    public static Chromium start() {
        boolean present = Files.isExecutable(EXECUTABLE);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("browser tests need Chromium at " + EXECUTABLE + " (apt-get install -y chromium fonts-noto-cjk)");
        }
        Assumptions.assumeTrue(present, "Chromium not installed at " + EXECUTABLE + ": apt-get install -y chromium fonts-noto-cjk");
        return new Chromium();
    }

    /** A fresh page in a context of its own (its own cookies), Chinese locale. */
    public Page page() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 900)).newPage();
    }

    /** Signs in through the form at {@code base}/login, as a person would, and returns the page after it. */
    public static Page signIn(Page page, String base, String username, String password) {
        page.navigate(base + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForLoadState();
        return page;
    }

    /** Waits until htmx has set up the page, so that a change event is not lost. */
    public static void htmxReady(Page page) {
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
    }

    /** Saves a screenshot under target/screenshots for a human to look at. */
    public static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
