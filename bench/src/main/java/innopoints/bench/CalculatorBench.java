package innopoints.bench;

import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Calculator;
import innopoints.engine.facts.Scenario;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.pack.ScenarioReader;
import innopoints.engine.policy.Pack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One scenario of five facts (examples/ic-design-enterprise.json) against the whole Nantong pack, on one
 * thread: with explanations, as a user sees it, and without, as the screen runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class CalculatorBench {
    Calculator calculator;
    Scenario scenario;

    @Setup
    public void setUp() {
        Pack pack = PackLoader.loadValid(PackLoader.bundled());
        calculator = new Calculator(pack);
        scenario = new ScenarioReader(pack).read(Path.of(System.getProperty("innopoints.scenario", "examples/ic-design-enterprise.json")));
        if (scenario.facts().size() != 5) throw new IllegalStateException("the benchmark scenario should have five facts");
        if (calculator.calculate(scenario).results().isEmpty()) throw new IllegalStateException("the benchmark scenario should award something");
    }

    @Benchmark
    public Calculation explained() {
        return calculator.calculate(scenario);
    }

    @Benchmark
    public Calculation screened() {
        return calculator.screen(scenario);
    }
}
