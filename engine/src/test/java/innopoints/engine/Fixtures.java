package innopoints.engine;

import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Calculator;
import innopoints.engine.calc.Result;
import innopoints.engine.facts.Scenario;
import innopoints.engine.pack.Node;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.pack.Problems;
import innopoints.engine.pack.ScenarioReader;
import innopoints.engine.policy.Pack;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/** The test fixture pack and helpers to write scenarios inline. */
public final class Fixtures {
    private static Pack fixture;

    private Fixtures() {}

    public static Path fixtureDir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixture/pack.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder tree, e.g. a pack to break in a test. */
    public static Path copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target);
                else java.nio.file.Files.copy(p, target);
            }
            return to;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static synchronized Pack fixture() {
        if (fixture == null) fixture = PackLoader.loadValid(fixtureDir());
        return fixture;
    }

    /**
     * The Nantong pack of this checkout (policies/nantong beside the engine), else as the build
     * ships it: a test reads the pack it is built with, never one another checkout installed.
     */
    public static Path nantongDir() {
        Path source = Path.of("..", "policies", "nantong").toAbsolutePath().normalize();
        return java.nio.file.Files.isRegularFile(source.resolve("pack.yaml")) ? source : PackLoader.bundled();
    }

    /** Reads a scenario written inline as YAML. */
    public static Scenario scenario(Pack pack, String yaml) {
        Problems problems = new Problems();
        Node n = Node.parse(yaml, "inline", problems);
        problems.throwIfAny();
        Scenario s = new ScenarioReader(pack).read(n.fields(), Set.of());
        problems.throwIfAny();
        return s;
    }

    public static Calculation calc(Pack pack, String yaml) {
        return new Calculator(pack).calculate(scenario(pack, yaml));
    }

    public static Result result(Calculation c, String ref) {
        return c.results().stream().filter(r -> r.clause().ref().equals(ref)).findFirst().orElse(null);
    }
}
