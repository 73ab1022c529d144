package innopoints.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The machine's sequential read bandwidth from Java: summing a 256 MiB long[] (far beyond the
 * caches). The screen's bytes of facts divided by this gives the floor a screen could reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MemoryBench {
    long[] data;

    @Setup
    public void setUp() {
        data = new long[32 * 1024 * 1024];
        for (int i = 0; i < data.length; i++) data[i] = i;
    }

    /** Reads 256 MiB; bandwidth = 268,435,456 bytes / the time. */
    @Benchmark
    public long read256MiB() {
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long[] d = data;
        for (int i = 0; i < d.length; i += 4) {
            s0 += d[i];
            s1 += d[i + 1];
            s2 += d[i + 2];
            s3 += d[i + 3];
        }
        return s0 + s1 + s2 + s3;
    }
}
