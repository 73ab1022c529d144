package innopoints.cli;

import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Calculator;
import innopoints.engine.calc.Result;
import innopoints.engine.facts.Scenario;
import innopoints.engine.pack.Node;
import innopoints.engine.pack.Problems;
import innopoints.engine.pack.ScenarioReader;
import innopoints.engine.policy.Pack;
import innopoints.engine.population.Population;
import innopoints.engine.screen.Screen;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** screen: every enterprise of a population against the whole pack (免申即享). */
@Command(name = "screen", description = "Screen every enterprise of a population against the whole pack: what each could claim, tallied per clause.")
final class ScreenCommand implements Callable<Integer> {
    @Mixin PackOption pack;

    @Option(names = "--population", paramLabel = "FILE", description = "a JSON-lines population (as written by generate)")
    Path population;

    @Option(names = "--generate", paramLabel = "N", description = "generate N enterprises in memory instead")
    Integer generate;

    @Option(names = "--seed", defaultValue = "20260101", description = "seed for --generate (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the date of the screen (default: today)")
    LocalDate asOf;

    @Option(names = "--threads", description = "worker threads (default: the number of cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "write each enterprise's entitlements as CSV")
    Path out;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if ((population == null) == (generate == null)) throw new Main.UserError("give either --population FILE or --generate N");
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw new Main.UserError("--threads must be at least 1");
        Pack p = pack.load();
        Calculator calc = new Calculator(p);
        long genStart = System.nanoTime();
        Screen.Report report;
        BufferedWriter w = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        String loadNote;
        try {
            if (w != null) w.write("\uFEFFenterprise,creditCode,clause,title,figure,unit,kind\r\n");
            if (generate != null) {
                if (generate < 0) throw new Main.UserError("--generate cannot be negative");
                Population pop = GenerateCommand.generate(pack, generate, seed, LocalDate.parse(GenerateCommand.FROM), LocalDate.parse(GenerateCommand.TO));
                loadNote = String.format("generated %,d enterprises with %,d facts in %.2f s (%,d bytes of columns)",
                        pop.size(), pop.factCount(), (System.nanoTime() - genStart) / 1e9, pop.bytes());
                report = Screen.run(calc, pop, date, t, w == null ? null : (c, i) -> write(w, pop.name(i), pop.creditCode(i), c));
            } else {
                List<Scenario> scenarios = read(p, population, date);
                long facts = scenarios.stream().mapToLong(s -> s.facts().size()).sum();
                loadNote = String.format("read %,d enterprises with %,d facts in %.2f s", scenarios.size(), facts, (System.nanoTime() - genStart) / 1e9);
                report = Screen.run(calc, scenarios.size(), facts, scenarios::get, t,
                        w == null ? null : (c, i) -> write(w, scenarios.get(i).subject().name(), scenarios.get(i).subject().creditCode(), c));
            }
        } finally {
            if (w != null) w.close();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asOf", date.toString());
            m.put("enterprises", report.enterprises());
            m.put("facts", report.facts());
            m.put("withAward", report.withAward());
            m.put("seconds", report.elapsed().toNanos() / 1e9);
            m.put("threads", report.threads());
            m.put("totalYuan", report.totalYuan().toPlainString());
            m.put("totalPoints", report.totalPoints().toPlainString());
            List<Object> rows = new ArrayList<>();
            for (Screen.ClauseTally c : report.clauses()) {
                rows.add(Map.of("clause", c.clause(), "unit", c.unit().key(), "enterprises", c.enterprises(), "total", c.total().toPlainString(), "ceilings", c.ceilings(), "options", c.options()));
            }
            m.put("clauses", rows);
            System.out.println(Json.write(m));
        } else {
            System.err.println(loadNote);
            Table table = new Table(new String[]{"条款", "企业数", "合计", "单位", "其中上限", "择一（未计入合计）"});
            for (Screen.ClauseTally c : report.clauses()) {
                table.add(c.clause(), String.format("%,d", c.enterprises()), innopoints.engine.money.Numbers.group(c.total()), c.unit().label(), String.format("%,d", c.ceilings()), String.format("%,d", c.options()));
            }
            System.out.print(table.render());
            System.out.printf("screened %,d enterprises (%,d facts) as of %s in %.3f s on %d threads: %,d could claim something; %s元 and %s分 in all%n",
                    report.enterprises(), report.facts(), date, report.elapsed().toNanos() / 1e9, report.threads(), report.withAward(),
                    innopoints.engine.money.Numbers.group(report.totalYuan()), innopoints.engine.money.Numbers.group(report.totalPoints()));
        }
        return 0;
    }

    private static synchronized void write(BufferedWriter w, String name, String code, Calculation c) {
        try {
            for (Result r : c.results()) {
                w.write("\"" + (name == null ? "" : name.replace("\"", "\"\"")) + "\"," + (code == null ? "" : code) + "," + r.clause().ref() + ",\""
                        + (r.clause().title() == null ? "" : r.clause().title().replace("\"", "\"\"")) + "\"," + r.figure().plain() + ","
                        + r.figure().unit().key() + "," + r.kind().key() + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scenario> read(Pack p, Path file, LocalDate asOf) throws IOException {
        ScenarioReader reader = new ScenarioReader(p);
        List<Scenario> out = new ArrayList<>();
        Problems problems = new Problems();
        int lineNo = 0;
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                Problems lineProblems = new Problems();
                Node n = Node.parse(line, file + ":" + lineNo, lineProblems);
                Node.Fields f = n == null ? null : n.fields();
                Scenario s = f == null ? null : reader.read(f, Set.of(), asOf);
                for (var pr : lineProblems.list()) problems.add(pr);
                if (s != null && lineProblems.isEmpty()) out.add(s);
                if (problems.size() > 50) break;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Main.UserError(file + ": no such file");
        }
        problems.throwIfAny();
        return out;
    }
}
