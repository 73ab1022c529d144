package innopoints.engine.screen;

import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Choice;
import innopoints.engine.calc.Calculator;
import innopoints.engine.calc.Result;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Kind;
import innopoints.engine.population.Population;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * The batch screen (免申即享): every enterprise of a population against the whole pack, with the
 * same calculator as one enterprise gets, explanations off. Work is shared between threads in
 * chunks; each thread sums into its own tallies, merged at the end.
 */
public final class Screen {
    private static final int CHUNK = 2048;

    private Screen() {}

    /** Per clause: how many enterprises it awards, the sum of its figures, how many are ceilings. */
    /**
     * A clause's tally: the enterprises it awards, their total and how many are ceilings; and
     * {@code options}, the enterprises for which it is one alternative of a choice (never in the total).
     */
    public record ClauseTally(String clause, Unit unit, long enterprises, BigDecimal total, long ceilings, long options) {}

    public record Report(int enterprises, long facts, long withAward, List<ClauseTally> clauses, BigDecimal totalYuan,
                         BigDecimal totalPoints, Duration elapsed, int threads) {}

    private static final class Tally {
        long enterprises, ceilings, options;
        BigDecimal total = BigDecimal.ZERO;
        Unit unit;
    }

    /**
     * Screens every enterprise as of {@code asOf}; {@code each}, if given, receives every
     * enterprise's calculation (from several threads at once).
     */
    public static Report run(Calculator calculator, Population pop, LocalDate asOf, int threads, ObjIntConsumer<Calculation> each) {
        return run(calculator, pop.size(), pop.factCount(), i -> pop.scenario(i, asOf), threads, each);
    }

    /** Screens {@code size} scenarios given by index (a population file, a registry...). */
    public static Report run(Calculator calculator, int size, long facts, java.util.function.IntFunction<innopoints.engine.facts.Scenario> scenarios,
                             int threads, ObjIntConsumer<Calculation> each) {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "screen");
            t.setDaemon(true);
            return t;
        });
        List<Future<Map<String, Tally>>> parts = new ArrayList<>();
        long[] withAward = new long[threads];
        for (int w = 0; w < threads; w++) {
            int worker = w;
            parts.add(pool.submit(() -> {
                Map<String, Tally> tallies = new HashMap<>();
                int from;
                while ((from = next.getAndAdd(CHUNK)) < size) {
                    int to = Math.min(from + CHUNK, size);
                    for (int i = from; i < to; i++) {
                        Calculation c = calculator.screen(scenarios.apply(i));
                        if (!c.results().isEmpty() || !c.choices().isEmpty()) withAward[worker]++;
                        for (Choice ch : c.choices()) {
                            for (Choice.Option o : ch.options()) {
                                Tally t = tallies.computeIfAbsent(o.ref(), k -> new Tally());
                                t.options++;
                                t.unit = o.item().figure().unit();
                            }
                        }
                        for (Result r : c.results()) {
                            Tally t = tallies.computeIfAbsent(r.clause().ref(), k -> new Tally());
                            t.enterprises++;
                            t.total = t.total.add(r.figure().value());
                            t.unit = r.figure().unit();
                            if (r.kind() == Kind.CEILING) t.ceilings++;
                        }
                        if (each != null) each.accept(c, i);
                    }
                }
                return tallies;
            }));
        }
        Map<String, Tally> all = new TreeMap<>();
        try {
            for (Future<Map<String, Tally>> f : parts) {
                f.get().forEach((ref, t) -> all.merge(ref, t, (a, b) -> {
                    a.enterprises += b.enterprises;
                    a.ceilings += b.ceilings;
                    a.options += b.options;
                    a.total = a.total.add(b.total);
                    return a;
                }));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("screen interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("screen failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ClauseTally> clauses = new ArrayList<>();
        BigDecimal yuan = BigDecimal.ZERO, points = BigDecimal.ZERO;
        for (Map.Entry<String, Tally> e : all.entrySet()) {
            Tally t = e.getValue();
            clauses.add(new ClauseTally(e.getKey(), t.unit, t.enterprises, t.total, t.ceilings, t.options));
            if (t.unit == Unit.YUAN) yuan = yuan.add(t.total);
            else points = points.add(t.total);
        }
        long awarded = 0;
        for (long n : withAward) awarded += n;
        return new Report(size, facts, awarded, clauses, yuan, points, Duration.ofNanos(System.nanoTime() - start), threads);
    }
}
