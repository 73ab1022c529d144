package innopoints.bench;

import innopoints.engine.calc.Calculator;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import innopoints.engine.population.Generator;
import innopoints.engine.population.Places;
import innopoints.engine.population.Population;
import innopoints.engine.screen.Screen;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The batch screen: a generated population (1,000,000 by default) against the whole pack, on
 * both cores, in a JVM limited to a 2 GB heap. Generation happens once, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class ScreenBench {
    @Param({"1000000"})
    int enterprises;

    @Param({"2"})
    int threads;

    Calculator calculator;
    Population population;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Setup(Level.Trial)
    public void setUp() {
        Path root = PackLoader.bundled();
        Pack pack = PackLoader.loadValid(root);
        calculator = new Calculator(pack);
        long t = System.nanoTime();
        population = new Generator(pack, Places.load(root), 20260101L, LocalDate.of(2025, 10, 13), AS_OF.minusDays(3)).generate(enterprises);
        System.out.printf("%n[setup] %,d enterprises, %,d facts, %,d bytes of columns, generated in %.2f s%n",
                population.size(), population.factCount(), population.bytes(), (System.nanoTime() - t) / 1e9);
    }

    @Benchmark
    public Screen.Report screen() {
        return Screen.run(calculator, population, AS_OF, threads, null);
    }
}
