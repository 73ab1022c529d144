package innopoints.engine.pack;

import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static innopoints.engine.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad scenarios are refused whole, with every problem named by file, line and field. */
class ScenarioReaderTest {
    private final Pack pack = fixture();

    @TempDir
    Path dir;

    private List<String> problems(String json) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        Problems.Invalid e = catchThrowableOfType(Problems.Invalid.class, () -> new ScenarioReader(pack).read(f));
        assertThat(e).as("the scenario should be refused").isNotNull();
        return e.problems().stream().map(p -> p.toString().replace(f.toString(), "s.json")).toList();
    }

    @Test
    void namesAnUnknownFactTypeAndSuggestsTheNearestKey() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区"},
                 "facts": [
                   {"type": "ic_tapeout", "date": "2026-02-01", "product": "X", "first_round_cost": 1}
                 ]}
                """)).containsExactly("s.json:3: facts[0].type: unknown fact type 'ic_tapeout'; did you mean 'ic_tape_out'? (see docs/facts.md)");
    }

    @Test
    void namesAnUnknownFieldOfAFact() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区"},
                 "facts": [{"type": "ic_tape_out", "date": "2026-02-01", "product": "X", "first_round_cost": 1, "cost": 5}]}
                """)).singleElement().asString().startsWith("s.json:2: facts[0].cost: unknown field 'cost' for fact type ic_tape_out");
    }

    @Test
    void refusesNegativeAmountsWrongTypesAndImpossibleDates() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-02-30", "enterprise": {"district": "崇川区", "kind": "company"},
                 "facts": [
                   {"type": "ic_tape_out", "date": "2026-02-01", "product": "X", "first_round_cost": -5},
                   {"type": "overseas_exhibition", "date": "2026-13-01", "booth_fee": "三万"},
                   {"type": "fund_investment", "date": "2026-02-01", "amount": 1, "holding_years": 1, "stage": "上市期"}
                 ]}
                """)).containsExactlyInAnyOrder(
                "s.json:1: asOf: expected a date YYYY-MM-DD that exists, found '2026-02-30'",
                "s.json:1: enterprise.kind: 未知的主体类别“company”；可选：enterprise、research-institution、fund-manager、guarantee-institution、loan-transfer-institution、insurance-institution、medical-institution、travel-agency、service-platform、exhibition-organizer、district、park、individual",
                "s.json:3: facts[0].first_round_cost: an amount cannot be negative, found -5",
                "s.json:4: facts[1].date: expected a date YYYY-MM-DD that exists, found '2026-13-01'",
                "s.json:4: facts[1].booth_fee: expected a number, found '三万'",
                "s.json:5: facts[2].stage: 未知的“被投企业所处阶段”取值“上市期”；可选：种子期、初创期、成长期");
    }

    @Test
    void requiresTheFieldsAFactTypeNeeds() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {},
                 "facts": [{"type": "ic_tape_out", "date": "2026-02-01"}]}
                """)).containsExactly("s.json:2: facts[0].product: is required", "s.json:2: facts[0].first_round_cost: is required");
    }

    @Test
    void reportsMalformedJsonWithItsLine() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01",
                 "enterprise": {"district": "崇川区"
                 "facts": []}
                """)).singleElement().asString().startsWith("s.json:3: not valid YAML/JSON");
    }

    @Test
    void checksTheCreditCodeCheckCharacter() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"creditCode": "91350100M000100Y44"}, "facts": []}
                """)).containsExactly("s.json:1: enterprise.creditCode: 统一社会信用代码校验位应为“3”，实际为“4”");
    }

    @Test
    void refusesAnEarlierAwardOfAnUnknownClause() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {}, "facts": [],
                 "awarded": [{"clause": "city:99", "date": "2026-01-01", "figure": 5}]}
                """)).singleElement().asString().contains("awarded[0].clause: unknown clause 'city:99'");
    }

    @Test
    void refusesAHugePowerOfTenAtOnceNamingTheField() throws IOException {
        long start = System.nanoTime();
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区"},
                 "facts": [
                   {"type": "ic_tape_out", "date": "2026-02-01", "product": "X", "first_round_cost": 1e1000000},
                   {"type": "ic_tape_out", "date": "2026-02-01", "product": "Y", "first_round_cost": "1e-1000000"},
                   {"type": "ic_tape_out", "date": "2026-02-01", "product": "Z", "first_round_cost": -1e1000000}
                 ]}
                """)).containsExactly(
                "s.json:3: facts[0].first_round_cost: out of bounds (0至10,000,000,000,000，最多2位小数), found 1e1000000",
                "s.json:4: facts[1].first_round_cost: out of bounds (0至10,000,000,000,000，最多2位小数), found 1e-1000000",
                "s.json:5: facts[2].first_round_cost: an amount cannot be negative, found -1e1000000");
        assertThat(System.nanoTime() - start).as("refused at once").isLessThan(1_000_000_000L);
    }

    @Test
    void refusesTextLongerThanTheShortTextBound() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区"},
                 "facts": [{"type": "ic_tape_out", "date": "2026-02-01", "product": "%s", "first_round_cost": 1}]}
                """.formatted("长".repeat(201)))).containsExactly("s.json:2: facts[0].product: text of at most 200 characters expected, found 201");
    }

    @Test
    void refusesDatesOutsideTheDateBound() throws IOException {
        assertThat(problems("""
                {"asOf": "1900-01-01", "enterprise": {"district": "崇川区"},
                 "facts": [{"type": "ic_tape_out", "date": "+999999999-12-31", "product": "X", "first_round_cost": 1}]}
                """)).containsExactly(
                "s.json:1: asOf: a date from 1949-10-01 to 2100-12-31 expected, found 1900-01-01",
                "s.json:2: facts[0].date: a date from 1949-10-01 to 2100-12-31 expected, found +999999999-12-31");
    }
    @Test
    void readsWhetherAnApplicationNoticeWasIssuedForAFact() throws IOException {
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, """
                asOf: 2026-03-01
                enterprise: {district: 崇川区}
                facts:
                  - {id: a, type: ic_tape_out, date: 2025-10-01, product: X, first_round_cost: 1, noticeIssued: false}
                  - {id: b, type: ic_tape_out, date: 2025-10-02, product: Y, first_round_cost: 1, noticeIssued: true}
                  - {id: c, type: ic_tape_out, date: 2025-10-03, product: Z, first_round_cost: 1}
                """);
        assertThat(new ScenarioReader(pack).read(f).facts()).extracting(innopoints.engine.facts.Fact::noticeIssued)
                .containsExactly(false, true, null);
    }

    @Test
    void refusesANoticeThatIsNotTrueOrFalse() throws IOException {
        assertThat(problems("""
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区"},
                 "facts": [{"type": "ic_tape_out", "date": "2025-10-01", "product": "X", "first_round_cost": 1, "noticeIssued": "maybe"}]}
                """)).containsExactly("s.json:2: facts[0].noticeIssued: expected true or false, found 'maybe'");
    }
}
