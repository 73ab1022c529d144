package innopoints.app.accounts;

import innopoints.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start with the demo and no test password: each demo account its own password, in a file only the owner reads. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "innopoints.demo.enterprises=20",
        "innopoints.data-dir=target/test-data-demo-accounts",
        "innopoints.screening.cron=-",
        "logging.level.innopoints=WARN"})
@ContextConfiguration(initializers = TestDatabase.class)
class DemoAccountsFileTest {
    static final Path FILE = Path.of("target/test-data-demo-accounts/demo-accounts.properties");
    @Autowired AccountRepository accounts;
    @Autowired PasswordEncoder encoder;

    Properties file() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(FILE)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void eachDemoAccountHasItsOwnPasswordInAFileOnlyItsOwnerCanRead(CapturedOutput output) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FILE))).isEqualTo("rw-------");
        Properties p = file();
        assertThat(p.stringPropertyNames()).contains("admin", "kjj", "qiye", "lingdao", "caizheng");
        assertThat(new HashSet<>(p.values())).as("no two accounts share a password").hasSize(p.size());
        for (String name : p.stringPropertyNames()) {
            Account a = accounts.find(name).orElseThrow();
            assertThat(encoder.matches(p.getProperty(name), a.passwordHash())).as(name).isTrue();
            assertThat(PasswordPolicy.problem(p.getProperty(name), name)).isNull();
        }
        assertThat(output.getAll()).contains(FILE.toAbsolutePath().toString());
        for (Object password : p.values()) assertThat(output.getAll()).doesNotContain((String) password);
    }
}
