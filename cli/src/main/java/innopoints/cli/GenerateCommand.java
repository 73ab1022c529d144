package innopoints.cli;

import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.Profile;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import innopoints.engine.population.Generator;
import innopoints.engine.population.Places;
import innopoints.engine.population.Population;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** generate: a synthetic, reproducible population of Nantong enterprises as JSON lines. */
@Command(name = "generate", description = "Generate synthetic Nantong enterprises (valid credit codes, the areas and parks of seed 004, dated facts), one JSON object per line.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin PackOption pack;

    @Option(names = "--count", defaultValue = "1000", description = "how many enterprises (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "20260101", description = "random seed: the same seed gives the same population (default ${DEFAULT-VALUE})")
    long seed;

    static final String FROM = "2025-10-13", TO = "2026-11-20";

    @Option(names = "--from", defaultValue = FROM, description = "earliest fact date (default ${DEFAULT-VALUE})")
    LocalDate from;

    @Option(names = "--to", defaultValue = TO, description = "latest fact date (default ${DEFAULT-VALUE})")
    LocalDate to;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of the standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (count < 0) throw new Main.UserError("--count cannot be negative");
        if (to.isBefore(from)) throw new Main.UserError("--to is before --from");
        Population pop = generate(pack, count, seed, from, to);
        try (Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < pop.size(); i++) {
                w.write(Json.line(line(pop, i)));
                w.write('\n');
            }
        }
        if (out != null) System.err.println("wrote " + pop.size() + " enterprises with " + pop.factCount() + " facts to " + out);
        return 0;
    }

    static Population generate(PackOption pack, int count, long seed, LocalDate from, LocalDate to) {
        Path root = pack.resolve();
        Pack p = PackLoader.loadValid(root);
        return new Generator(p, Places.load(root), seed, from, to).generate(count);
    }

    static Map<String, Object> line(Population pop, int i) {
        Profile p = pop.namedProfile(i);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", p.name());
        e.put("creditCode", p.creditCode());
        e.put("kind", p.kind().key());
        e.put("district", p.district());
        if (p.park() != null) e.put("park", p.park());
        e.put("industries", p.industries());
        e.put("qualifications", p.qualifications());
        e.put("size", p.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterprise", e);
        java.util.List<Object> facts = new java.util.ArrayList<>();
        for (Fact f : pop.facts(i)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", f.id());
            x.put("type", f.type().key());
            x.put("date", f.date().toString());
            for (int k = 0; k < f.type().fields().size(); k++) {
                FieldSpec s = f.type().field(k);
                Object v = f.value(k);
                if (v == null) continue;
                x.put(s.name(), v instanceof BigDecimal d ? innopoints.engine.money.Numbers.plain(d) : v instanceof LocalDate dt ? dt.toString() : v);
            }
            facts.add(x);
        }
        m.put("facts", facts);
        return m;
    }
}
