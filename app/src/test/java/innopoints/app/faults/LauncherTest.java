package innopoints.app.faults;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code ./innopoints}: options given to it override its defaults. Run with
 * INNOPOINTS_DRY_RUN=1, it prints the command it would run, one argument a line.
 */
class LauncherTest {
    private static final Path ROOT = root();

    @Test
    void aDataDirGivenAsAnOptionReplacesTheDefaultInsteadOfJoiningIt() throws Exception {
        List<String> args = serve(Map.of(), "--innopoints.data-dir=/tmp/innopoints-x");
        assertThat(args.stream().filter(a -> a.startsWith("--innopoints.data-dir")))
                .containsExactly("--innopoints.data-dir=/tmp/innopoints-x");
    }

    @Test
    void aDataDirGivenAsNameThenValueIsJoinedAndReplacesTheDefault() throws Exception {
        List<String> args = serve(Map.of(), "--innopoints.data-dir", "/tmp/with space", "--server.port=9123");
        assertThat(args).containsSubsequence("--innopoints.data-dir=/tmp/with space", "--server.port=9123")
                .doesNotContain("/tmp/with space", "--innopoints.data-dir");
        assertThat(args.stream().filter(a -> a.startsWith("--innopoints.data-dir"))).hasSize(1);
    }

    @Test
    void withoutAnOptionTheDataDirIsTheFolderBesideTheLauncher() throws Exception {
        List<String> args = serve(Map.of(), "--server.port=9123");
        assertThat(args).contains("--innopoints.data-dir=" + ROOT.resolve("data"), "--server.port=9123");
    }

    @Test
    void aDataDirInTheEnvironmentIsNotOverriddenByTheDefault() throws Exception {
        List<String> args = serve(Map.of("INNOPOINTS_DATA_DIR", "/tmp/innopoints-env"));
        assertThat(args).noneMatch(a -> a.startsWith("--innopoints.data-dir"));
    }

    @Test
    void theServiceReadsTheDataDirFromInnopointsDataDirInTheEnvironment() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("INNOPOINTS_DATA_DIR", "/srv/innopoints")));
        ConfigurationPropertySources.attach(env);
        assertThat(env.getProperty("innopoints.data-dir")).isEqualTo("/srv/innopoints");
    }

    @Test
    void theCommandLineToolGetsItsArgumentsUnchanged() throws Exception {
        List<String> args = run(Map.of(), "calc", "--as-of", "2026-03-01", "examples/x.yaml");
        assertThat(args.subList(args.size() - 4, args.size())).containsExactly("calc", "--as-of", "2026-03-01", "examples/x.yaml");
    }

    private static List<String> serve(Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        List<String> out = run(env, all.toArray(String[]::new));
        assertThat(out).contains("-jar");
        return out.subList(out.indexOf("-jar") + 2, out.size());
    }

    private static List<String> run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        // A launcher without the dry run would build and start the real service: refuse to run it.
        assertThat(Files.readString(ROOT.resolve("innopoints"))).as("the launcher supports INNOPOINTS_DRY_RUN").contains("INNOPOINTS_DRY_RUN");
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("innopoints").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("INNOPOINTS_DATA_DIR");
        pb.environment().remove("INNOPOINTS_DATADIR");
        pb.environment().put("INNOPOINTS_DRY_RUN", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish its dry run in 30 s: " + out);
        }
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("innopoints")) && Files.isRegularFile(p.resolve("mvnw"))) return p;
        }
        throw new IllegalStateException("the launcher ./innopoints is not above " + Path.of("").toAbsolutePath());
    }
}
