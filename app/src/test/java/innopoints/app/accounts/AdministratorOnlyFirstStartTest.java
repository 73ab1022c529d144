package innopoints.app.accounts;

import innopoints.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start without the demo (innopoints.demo.enterprises=0): only an administrator, its
 * generated password in a file only the owner reads, to be changed at the first sign-in. Also
 * configured for HTTPS, so the session cookie is marked Secure.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innopoints.demo.enterprises=0",
        "innopoints.data-dir=target/test-data-admin-only",
        "innopoints.screening.cron=-",
        "server.servlet.session.cookie.secure=true",
        "logging.level.innopoints=WARN"})
@ContextConfiguration(initializers = TestDatabase.class)
class AdministratorOnlyFirstStartTest {
    static final Path FILE = Path.of("target/test-data-admin-only/admin-account.properties");
    @Autowired AccountRepository accounts;
    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String basic) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (basic != null) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyAnAdministratorIsCreatedAndMustChangeItsGeneratedPassword(CapturedOutput output) throws Exception {
        assertThat(accounts.all()).extracting(Account::username).containsExactly("admin");
        assertThat(accounts.find("admin").orElseThrow().mustChangePassword()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FILE))).isEqualTo("rw-------");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(FILE)) {
            p.load(r);
        }
        String password = p.getProperty("admin");
        assertThat(output.getAll()).contains(FILE.toAbsolutePath().toString()).doesNotContain(password);
        assertThat(get("/api/me", "admin:" + password).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/api/enterprises", "admin:" + password);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("请先修改密码");
    }

    @Test
    void theSessionCookieIsSecureWhenConfiguredForHttps() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly");
    }
}
