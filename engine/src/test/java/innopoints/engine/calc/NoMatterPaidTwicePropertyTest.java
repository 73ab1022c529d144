package innopoints.engine.calc;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.PriorAward;
import innopoints.engine.facts.Profile;
import innopoints.engine.facts.Scenario;
import innopoints.engine.money.Unit;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static innopoints.engine.Fixtures.nantongDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No clause can pay the same matter twice: for every matter of the Nantong pack, scenarios are
 * generated with facts of one project and earlier awards for that project under the matter's
 * clauses (every clause, of every document and level, in turn), and what the matter receives in
 * each unit is held to what its highest clause allows on its own. An earlier award under the
 * other level's policy refuses the new figures outright, and a yuan figure and a points figure of
 * one matter are never both in the results (they are a choice).
 */
class NoMatterPaidTwicePropertyTest {
    private static final Pack PACK = PackLoader.loadValid(nantongDir());
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    private static final String P = "P1";
    private static final int ROUNDS = 24;

    @Test
    void theTotalForAMatterNeverExceedsWhatItsHighestClauseAllows() {
        Map<String, List<Clause>> byMatter = new LinkedHashMap<>();
        for (Clause c : PACK.clauses()) if (c.matter() != null && c.fact() != null && c.computable()) byMatter.computeIfAbsent(c.matter(), k -> new ArrayList<>()).add(c);
        Calculator calculator = new Calculator(PACK);
        Random random = new Random(20261202L);
        int withAwards = 0, withPriors = 0, reduced = 0, scenarios = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Clause>> e : byMatter.entrySet()) {
            List<Clause> clauses = e.getValue();
            boolean aggregate = clauses.stream().anyMatch(c -> c.aggregate() != null);
            for (int round = 0; round < ROUNDS; round++) {
                scenarios++;
                Scenario bare = scenario(random, clauses);
                Map<Clause, BigDecimal> alone = new LinkedHashMap<>();
                for (Clause c : clauses) alone.put(c, alone(c, bare));
                // earlier awards for the project: under every clause in turn, and at random under several
                List<PriorAward> priors = new ArrayList<>();
                for (Clause c : clauses) {
                    if (clauses.size() > 1 && random.nextInt(3) != 0 && clauses.indexOf(c) != round % clauses.size()) continue;
                    BigDecimal top = alone.get(c).signum() > 0 ? alone.get(c) : BigDecimal.valueOf(1_000_000);
                    BigDecimal figure = top.multiply(BigDecimal.valueOf(random.nextInt(11))).divide(BigDecimal.TEN, 2, java.math.RoundingMode.DOWN);
                    // the keys its caps are per (product, project...) are the project's, as the registry records them
                    Map<String, String> keys = new LinkedHashMap<>();
                    if (!aggregate) {
                        keys.put("project", P);
                        for (innopoints.engine.policy.Cap cap : c.caps()) if (cap.perField() >= 0) keys.put(cap.per(), P);
                    }
                    priors.add(new PriorAward(c.ref(), c.matter(), aggregate ? null : P, doc(c).level(), doc(c).unit(), LocalDate.of(2026, 1, 2), figure, keys, "test"));
                }
                if (random.nextInt(4) == 0) priors = List.of();
                Scenario s = new Scenario(AS_OF, bare.subject(), bare.facts(), priors, bare.drafts(), bare.draftEffective());
                Calculation calc = calculator.calculate(s);
                if (!priors.isEmpty()) withPriors++;

                Map<Unit, BigDecimal> highest = new EnumMap<>(Unit.class), received = new EnumMap<>(Unit.class), paid = new EnumMap<>(Unit.class);
                for (Clause c : clauses) highest.merge(doc(c).unit(), allows(c, alone.get(c), priors), BigDecimal::max);
                for (PriorAward a : priors) received.merge(a.unit(), a.figure(), BigDecimal::add);
                Set<Unit> unitsPaid = new LinkedHashSet<>();
                for (Result r : calc.results()) {
                    if (!e.getKey().equals(r.clause().matter())) continue;
                    paid.merge(r.figure().unit(), r.figure().value(), BigDecimal::add);
                    if (r.figure().value().signum() > 0) unitsPaid.add(r.figure().unit());
                }
                if (!paid.isEmpty()) withAwards++;
                String where = e.getKey() + " round " + round + " (" + s.subject().kind() + ", " + s.subject().district() + ", drafts " + s.drafts() + "; facts "
                        + s.facts().stream().map(f -> f.type() + " " + f.date() + " " + java.util.Arrays.toString(f.values())).toList() + "; earlier "
                        + priors.stream().map(a -> a.clause() + " " + a.figure()).toList() + "; results "
                        + calc.results().stream().map(r -> r.clause().ref() + " " + r.figure().plain()).toList() + ")";
                for (Unit u : Unit.values()) {
                    BigDecimal h = highest.getOrDefault(u, BigDecimal.ZERO), before = received.getOrDefault(u, BigDecimal.ZERO), now = paid.getOrDefault(u, BigDecimal.ZERO);
                    if (now.signum() > 0 && before.signum() > 0) reduced++;
                    if (before.compareTo(h) >= 0 ? now.signum() != 0 : before.add(now).compareTo(h) > 0) {
                        failures.add(where + ": " + u + " received " + before + " + paid " + now + " > highest clause alone " + h);
                    }
                    Unit other = u == Unit.YUAN ? Unit.POINTS : Unit.YUAN;
                    if (received.getOrDefault(other, BigDecimal.ZERO).signum() > 0 && now.signum() > 0 && clauses.stream().anyMatch(c -> doc(c).unit() == other)) {
                        failures.add(where + ": paid " + now + " " + u + " though the other level's policy already paid " + received.get(other));
                    }
                }
                if (unitsPaid.size() > 1) failures.add(where + ": yuan and points both paid for one matter: " + calc.results());
            }
        }
        System.out.printf("no-matter-paid-twice: %d matters, %d scenarios, %d award, %d with earlier awards, %d paid a difference%n", byMatter.size(), scenarios, withAwards, withPriors, reduced);
        assertThat(failures).as("matters paid beyond their highest clause").isEmpty();
        // the property is not vacuous: many scenarios award, many with earlier awards, some reduced rather than refused
        assertThat(withAwards).as("scenarios that award").isGreaterThan(scenarios / 4);
        assertThat(withPriors).isGreaterThan(scenarios / 2);
        assertThat(reduced).as("scenarios paying the difference over an earlier award").isGreaterThan(20);
    }

    /** What one clause gives these facts on its own, with no earlier award and no other clause. */
    private static BigDecimal alone(Clause c, Scenario s) {
        Document d = doc(c);
        Document only = new Document(d.id(), d.title(), d.source(), d.issuer(), d.issued(), d.level(), d.status(), d.effective(), d.unit(),
                d.pointNominal(), d.appliesTo(), d.funding(), d.stacking(), List.of(c), d.reading(), d.folder(), d.loc());
        Pack one = new Pack(PACK.name(), PACK.vocabulary(), List.of(only), PACK.terms(), PACK.matters(), PACK.distinct());
        BigDecimal sum = BigDecimal.ZERO;
        for (Result r : new Calculator(one).screen(s).results()) sum = sum.add(r.figure().value());
        return sum;
    }

    /**
     * What one clause allows the project: its figure alone; for a clause with caps, which pays
     * again up to them, also what it paid before, within the lowest of its caps.
     */
    private static BigDecimal allows(Clause c, BigDecimal alone, List<PriorAward> priors) {
        if (c.caps().isEmpty()) return alone;
        BigDecimal before = BigDecimal.ZERO, cap = null;
        for (PriorAward a : priors) if (c.ref().equals(a.clause())) before = before.add(a.figure());
        for (innopoints.engine.policy.Cap k : c.caps()) cap = cap == null ? k.amount() : cap.min(k.amount());
        return alone.add(before).min(cap.max(alone));
    }

    private static Document doc(Clause c) { return PACK.document(c.documentId()); }

    /** One enterprise (or whoever the clauses reward) with one or two facts of the matter, all of project P. */
    private static Scenario scenario(Random random, List<Clause> clauses) {
        Clause first = clauses.get(random.nextInt(clauses.size()));
        List<Beneficiary> kinds = new ArrayList<>(first.beneficiaries());
        kinds.sort(null);
        Beneficiary kind = kinds.get(random.nextInt(kinds.size()));
        boolean tongzhou = random.nextInt(3) != 0;
        String district = tongzhou ? "通州区" : "崇川区";
        String park = tongzhou && random.nextInt(4) == 0 ? "南通高新区" : null;
        List<String> industries = pick(random, PACK.terms().industries());
        List<String> qualifications = pick(random, PACK.terms().qualifications());
        Profile p = new Profile("E", null, kind, district, park, industries, qualifications, "small");
        List<Fact> facts = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            FactType t = clauses.get(random.nextInt(clauses.size())).fact();
            facts.add(new Fact("f" + i, t, LocalDate.of(2026, 2 + random.nextInt(10), 1 + random.nextInt(28)), values(random, t), P));
        }
        Set<String> drafts = random.nextInt(3) == 0 ? Set.of("*") : Set.of();
        return new Scenario(AS_OF, p, facts, List.of(), drafts, drafts.isEmpty() ? null : LocalDate.of(2026, 1, 1));
    }

    private static List<String> pick(Random random, List<String> all) {
        List<String> out = new ArrayList<>();
        for (String s : all) if (random.nextInt(3) != 0) out.add(s);
        return out;
    }

    private static Object[] values(Random random, FactType t) {
        Object[] v = new Object[t.fields().size()];
        for (int i = 0; i < v.length; i++) {
            FieldSpec f = t.field(i);
            v[i] = switch (f.type()) {
                case BOOLEAN -> random.nextInt(5) != 0;
                case ENUM -> f.values().get(random.nextInt(f.values().size()));
                case YUAN -> BigDecimal.valueOf(random.nextInt(50_000_000) + 1000L, 0);
                case NUMBER -> BigDecimal.valueOf(random.nextInt(100_000), 2);
                case INTEGER -> f.isYear() ? BigDecimal.valueOf(2026) : BigDecimal.valueOf(random.nextInt(1000));
                case DATE -> LocalDate.of(2026, 1 + random.nextInt(11), 1 + random.nextInt(28));
                case TEXT -> P;
            };
        }
        return v;
    }
}
