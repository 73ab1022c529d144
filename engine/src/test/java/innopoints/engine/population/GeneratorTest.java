package innopoints.engine.population;

import innopoints.engine.Fixtures;
import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Calculator;
import innopoints.engine.calc.Result;
import innopoints.engine.facts.CreditCode;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import innopoints.engine.screen.Screen;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorTest {
    private static final LocalDate FROM = LocalDate.of(2025, 10, 13), TO = LocalDate.of(2026, 11, 20), AS_OF = LocalDate.of(2026, 11, 23);
    private final Pack pack = PackLoader.loadValid(PackLoader.bundled());
    private final Places places = Places.load(PackLoader.bundled());

    private Population generate(long seed, int n) {
        return new Generator(pack, places, seed, FROM, TO).generate(n);
    }

    private static java.util.List<String> describe(Population p, int i) {
        return p.facts(i).stream().map(f -> f.type().key() + " " + f.date() + " " + java.util.Arrays.asList(f.values())).toList();
    }

    @Test
    void givesTheSamePopulationForTheSameSeed() {
        Population a = generate(7, 500), b = generate(7, 500), c = generate(8, 500);
        for (int i = 0; i < 500; i++) {
            assertThat(a.namedProfile(i)).isEqualTo(b.namedProfile(i));
            assertThat(describe(a, i)).isEqualTo(describe(b, i));
        }
        assertThat(c.creditCode(0)).isNotEqualTo(a.creditCode(0));
    }

    @Test
    void givesEveryEnterpriseOnlyPlacesIndustriesAndQualificationsThePackKnows() {
        Population p = generate(3, 3000);
        for (int i = 0; i < p.size(); i++) assertThat(pack.terms().check(p.namedProfile(i))).as(p.namedProfile(i).toString()).isEmpty();
    }

    @Test
    void givesEveryEnterpriseAValidUniqueCreditCodeOfItsArea() {
        Population p = generate(1, 5000);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < p.size(); i++) {
            String code = p.creditCode(i);
            assertThat(CreditCode.problem(code)).as(code).isNull();
            assertThat(code.substring(2, 8)).isEqualTo(p.area(i).code());
            codes.add(code);
        }
        assertThat(codes).hasSize(p.size());
    }

    @Test
    void spreadsEnterprisesOverAreasParksAndSizesInPlausibleShares() {
        Population p = generate(3, 20000);
        Map<String, Integer> byArea = new HashMap<>();
        int inPark = 0, micro = 0, withFacts = 0;
        for (int i = 0; i < p.size(); i++) {
            byArea.merge(p.area(i).name(), 1, Integer::sum);
            if (p.parkName(i) != null) inPark++;
            if (p.profile(i).size().equals("micro")) micro++;
            if (!p.facts(i).isEmpty()) withFacts++;
        }
        assertThat(byArea).hasSize(places.areas().size());
        assertThat(byArea.get("崇川区")).isBetween(2400, 3600);
        assertThat(inPark).isBetween(12000, 14500);
        assertThat(micro).isBetween(10000, 12000);
        assertThat(withFacts).isGreaterThan(12000);
    }

    @Test
    void screensAPopulationWithTheFiguresTheCalculatorGivesEachEnterprise() {
        Population p = generate(11, 3000);
        Calculator calculator = new Calculator(pack);
        Map<String, BigDecimal> expected = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            Calculation c = calculator.calculate(p.scenario(i, AS_OF));
            for (Result r : c.results()) expected.merge(r.clause().ref(), r.figure().value(), BigDecimal::add);
        }
        Screen.Report report = Screen.run(calculator, p, AS_OF, 2, null);
        Map<String, BigDecimal> screened = new HashMap<>();
        for (Screen.ClauseTally t : report.clauses()) screened.put(t.clause(), t.total());
        assertThat(screened).isEqualTo(expected);
        assertThat(report.withAward()).isPositive();
    }

    @Test
    void namesEveryEnterpriseLikeARealOneAndNoNameTwice() {
        Population p = generate(5, 30000);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < p.size(); i++) {
            String name = p.name(i);
            assertThat(name).as(name).matches("[\\u4e00-\\u9fa5]{6,}(有限公司|股份有限公司|有限责任公司|集团有限公司)");
            names.add(name);
        }
        assertThat(names).hasSize(p.size());
        assertThat(generate(5, 10).name(3)).isEqualTo(p.name(3));
    }

    @Test
    void writesFactTextsAndYearsAsAnEnterpriseWould() {
        Population p = generate(9, 3000);
        int texts = 0;
        for (int i = 0; i < p.size(); i++) {
            for (var f : p.facts(i)) {
                for (int k = 0; k < f.type().fields().size(); k++) {
                    Object v = f.value(k);
                    var spec = f.type().field(k);
                    if (v instanceof String text) {
                        texts++;
                        assertThat(text).as(spec.name()).doesNotMatch("[A-Z]{3}-\\d").matches(".*[\\u4e00-\\u9fa5].*|GR\\d+|ZL[\\d.]+|GB/T .*");
                    }
                    if (spec.isYear() && v instanceof BigDecimal y) {
                        assertThat(y.intValueExact()).as(spec.name()).isBetween(FROM.getYear() - 1, TO.getYear());
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(100);
    }
}
