package innopoints.app.faults;

import innopoints.app.platform.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as an operator runs it, in a child JVM with its embedded PostgreSQL, killed with
 * SIGKILL during a screen: the next start succeeds the first time and shows the screen as failed.
 */
class RestartAfterKillTest {
    private static final Duration START = Duration.ofSeconds(180);
    @TempDir Path data;
    @TempDir Path logs;
    private final List<Process> children = new ArrayList<>();

    @Test
    void afterAKillDuringAScreenTheNextStartSucceedsTheFirstTime() throws Exception {
        // First run: the watchdog is off, so the server outlives the service as it did before the fix.
        Process first = service(port(), "first", "--innopoints.db.stop-with-service=false");
        long screen = waitFor("a screen running", this::runningScreen, first, "first").orElseThrow();
        long orphan = postmasterPid();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(running(orphan)).as("the server outlived the killed service").isTrue();

        int port = port();
        Process second = service(port, "second");
        waitUntil("the service serving", () -> serves(port), second, "second");

        assertThat(second.isAlive()).as("the first start after the kill succeeded").isTrue();
        assertThat(running(orphan)).as("the server left running was stopped").isFalse();
        assertThat(screenStatus(screen)).isEqualTo("failed");

        // With the watchdog (the default), the server goes with a killed service.
        long postmaster = postmasterPid();
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (running(postmaster) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(running(postmaster)).as("the server stopped with its service").isFalse();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : children) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Path pid = data.resolve("postgres/postmaster.pid");
        if (Files.exists(pid)) {
            long n = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
            ProcessHandle.of(n).ifPresent(p -> {
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(n)).start().waitFor();
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroy();
                }
            });
        }
    }

    /** Alive and not a zombie (a container's init may be slow to reap an ended process). */
    private static boolean running(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private Process service(int port, String name, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", classpath(), "innopoints.app.InnopointsApplication",
                "--server.port=" + port,
                "--innopoints.data-dir=" + data,
                "--innopoints.demo.enterprises=3000",
                "--innopoints.demo.password=Restart-2026-pass",
                "--innopoints.screening.threads=1",
                "--innopoints.screening.cron=-",
                "--spring.jmx.enabled=false"));
        command.addAll(Arrays.asList(more));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        // The embedded database, not the test suite's server.
        pb.environment().keySet().removeIf(k -> k.startsWith("INNOPOINTS_") || k.startsWith("SPRING_"));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** The test JVM's classpath without the tests themselves (their components are not the service's). */
    private static String classpath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (e.isBlank() || e.endsWith("test-classes") || e.endsWith("test-classes/") || e.contains("surefire")) continue;
            entries.add(e);
        }
        assertThat(entries).anyMatch(e -> e.endsWith("classes") || e.endsWith("classes/"));
        return String.join(File.pathSeparator, entries);
    }

    private <T> Optional<T> waitFor(String what, java.util.function.Supplier<Optional<T>> probe, Process p, String name) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = probe.get();
            if (v.isPresent()) return v;
            if (!p.isAlive()) throw new AssertionError("the " + name + " service ended (" + p.exitValue() + ") before " + what + ":\n" + log(name));
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + START.toSeconds() + " s:\n" + log(name));
    }

    private void waitUntil(String what, BooleanSupplier probe, Process p, String name) throws Exception {
        waitFor(what, () -> probe.getAsBoolean() ? Optional.of(true) : Optional.empty(), p, name);
    }

    private String log(String name) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int port() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean serves(int port) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The child's database, reached with the password it keeps in the data folder. */
    private Connection database() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
        String password = Files.readString(data.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", "postgres", password);
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().strip());
    }

    private Optional<Long> runningScreen() {
        try (Connection c = database(); var rs = c.createStatement().executeQuery("select id from screen_run where status = 'running'")) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        } catch (IOException | SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String screenStatus(long id) throws Exception {
        try (Connection c = database(); var rs = c.createStatement().executeQuery("select status from screen_run where id = " + id)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
