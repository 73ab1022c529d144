package innopoints.app.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port with a fresh database of its own and a small demo registry
 * (300 enterprises, screened), demo password {@value #PASSWORD}. Test classes with this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innopoints.demo.enterprises=300",
        "innopoints.demo.password=" + ServiceTest.PASSWORD,
        "innopoints.data-dir=target/test-data",
        "innopoints.screening.cron=-",
        "innopoints.login.max-failures-per-address=1000",
        "logging.level.innopoints=WARN"})
@ContextConfiguration(initializers = TestDatabase.class)
@org.springframework.context.annotation.Import({Accounts.class, TestEnterprises.class, OpenApiValidation.class})
@AutoConfigureMockMvc
public @interface ServiceTest {
    String PASSWORD = "Test-2026-pass";
}
