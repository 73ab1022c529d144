package innopoints.app.platform;

import innopoints.engine.calc.Calculator;
import innopoints.engine.pack.LoadedPack;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.pack.Problems;
import innopoints.engine.pack.WorkedCase;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import innopoints.engine.population.Places;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * The policy pack the service runs (the bundled Nantong pack unless {@code innopoints.pack}
 * names a folder), its places, worked cases and the calculator over it. A pack with any problem
 * stops the service at start-up: a wrong figure must never reach a user.
 */
@Component
public final class Policies {
    private final Path root;
    private final Pack pack;
    private final List<WorkedCase> cases;
    private final Places places;
    private final Calculator calculator;

    public Policies(Environment env) {
        String configured = env.getProperty("innopoints.pack");
        this.root = configured == null || configured.isBlank() ? PackLoader.bundled() : Path.of(configured);
        LoadedPack loaded = PackLoader.load(root);
        if (!loaded.ok()) throw new Problems.Invalid(loaded.problems());
        this.pack = loaded.pack();
        this.cases = loaded.cases();
        this.places = Places.load(root);
        this.calculator = new Calculator(pack);
    }

    public Pack pack() { return pack; }

    public Calculator calculator() { return calculator; }

    public Places places() { return places; }

    public List<WorkedCase> cases() { return cases; }

    public Path root() { return root; }

    public Clause clause(String ref) { return pack.clause(ref); }

    public Document documentOf(Clause c) { return pack.document(c.documentId()); }

    /**
     * Clauses in the order of the one list: documents as the pack lists them, then by article and
     * clause number (第2条 before 第14条, 2.2 before 2.10), never as text.
     */
    public java.util.Comparator<Clause> naturalOrder() {
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (Document d : pack.documents()) rank.putIfAbsent(d.id(), rank.size());
        return java.util.Comparator.<Clause>comparingInt(c -> rank.getOrDefault(c.documentId(), Integer.MAX_VALUE))
                .thenComparing(Clause::id, Policies::compareNumbers);
    }

    /** "2.2" before "2.10" before "14": digit runs compared as numbers, the rest as text. */
    static int compareNumbers(String a, String b) {
        java.util.regex.Matcher x = RUN.matcher(a), y = RUN.matcher(b);
        while (true) {
            boolean hx = x.find(), hy = y.find();
            if (!hx || !hy) return Boolean.compare(hx, hy);
            String p = x.group(), q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (c != 0) return c;
        }
    }

    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("\\d+|\\D+");
}
