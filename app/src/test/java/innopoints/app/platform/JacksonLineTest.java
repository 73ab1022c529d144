package innopoints.app.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Jackson line: the service runs on Jackson 3 (Spring Boot's web layer and the product's own
 * code); Jackson 2 is on the classpath only for springdoc's swagger-core. Each line's modules must
 * be of one version, or a databind built against one core meets another at run time.
 */
class JacksonLineTest {

    @Test
    void jackson2ModulesOnTheClasspathShareOneVersion() {
        String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).as("jackson-databind 2 vs jackson-core 2").isEqualTo(core);
        assertThat(com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString()).as("jackson-dataformat-yaml 2").isEqualTo(core);
        assertThat(com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString()).as("jackson-datatype-jsr310 2").isEqualTo(core);
    }

    @Test
    void jackson3DatabindRunsOnTheCoreOfItsOwnVersion() {
        assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(tools.jackson.core.json.PackageVersion.VERSION.toString());
    }
}
