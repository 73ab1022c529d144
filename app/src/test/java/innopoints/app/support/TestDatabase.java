package innopoints.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test application context a database of its own, created fresh: on the PostgreSQL
 * server named by INNOPOINTS_TEST_DB_URL (CI sets it to 127.0.0.1:5432, and with CI=true a server
 * is required: unreachable is an error, never a fallback), or else on an embedded PostgreSQL
 * started once per test JVM.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile boolean dropHook;

    static synchronized String serverUrl() {
        String url = System.getenv("INNOPOINTS_TEST_DB_URL");
        if (url != null && !url.isBlank()) return url;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) return "jdbc:postgresql://127.0.0.1:5432/postgres";
        if (embedded == null) {
            try {
                Path dir = Path.of("target", "embedded-pg-" + ProcessHandle.current().pid()).toAbsolutePath();
                Files.createDirectories(dir.getParent());
                embedded = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL for the tests: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    /** The test databases go when the test JVM does (on the embedded server they go with it anyway). */
    private static synchronized void dropAtExit(String server) {
        if (dropHook) return;
        dropHook = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server, "postgres", "")) {
                for (String name : created) c.createStatement().execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // the embedded server may already be gone
            }
        }));
    }

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        String server = serverUrl();
        String name = "innopoints_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server, "postgres", "")) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("the tests need PostgreSQL at " + server + " (user postgres): " + e.getMessage(), e);
        }
        created.add(name);
        dropAtExit(server);
        String url = server.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                "spring.datasource.url", url, "spring.datasource.username", "postgres", "spring.datasource.password", "")));
    }
}
