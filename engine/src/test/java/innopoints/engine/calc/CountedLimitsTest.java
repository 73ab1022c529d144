package innopoints.engine.calc;

import innopoints.engine.Fixtures;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static innopoints.engine.Fixtures.calc;
import static innopoints.engine.Fixtures.result;
import static innopoints.engine.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A limit on a counted quantity is summed over the facts the text names, in date order: "给予不超过12个月的租金补助"
 * (Tongzhou 12.2) counts the months of one project together, "不超过三年的贴息" (city 29.2) its years.
 */
class CountedLimitsTest {
    static final Pack NANTONG = PackLoader.loadValid(Fixtures.nantongDir());

    static final String TONGZHOU = """
            asOf: 2027-06-10
            enterprise: {kind: enterprise, district: 通州区}
            """;

    static String rent(String id, String date, String project, int area, int months) {
        return "  - {id: " + id + ", type: innovation_project_rent, date: " + date + ", project: " + project + ", mode: 认定, area: " + area + ", months: " + months + "}\n";
    }

    @Test
    void countsTheRentMonthsOfOneProjectTogetherSoEightAndSixMonthsPayTwelveNotFourteen() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("a", "2026-03-01", "柔性传感器", 500, 8) + rent("b", "2026-11-01", "柔性传感器", 500, 6));
        Result r = result(c, "tongzhou-2026:12.2");
        assertThat(r.items()).extracting(i -> i.figure().plain()).containsExactly("8.0000", "4.0000");
        assertThat(r.items().get(1).steps().toString())
                .contains("同一项目（柔性传感器）累计租用月数上限 12个月，已计 8个月，尚余 4个月；本次租用月数 6个月，计 4个月")
                .contains("给予不超过12个月的租金补助");
    }

    @Test
    void givesEachProjectItsOwnTwelveMonths() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("a", "2026-03-01", "甲项目", 500, 12) + rent("b", "2026-04-01", "乙项目", 500, 12));
        assertThat(result(c, "tongzhou-2026:12.2").figure().plain()).isEqualTo("24.0000");
    }

    @Test
    void refusesMonthsBeyondTheAllowanceNamingWhatWasAlreadyCounted() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("a", "2026-03-01", "甲项目", 200, 12) + rent("b", "2027-03-01", "甲项目", 200, 3));
        assertThat(result(c, "tongzhou-2026:12.2").items()).hasSize(1);
        assertThat(c.excluded()).filteredOn(x -> "b".equals(x.factId())).singleElement().satisfies(x -> {
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.CAP_USED);
            assertThat(x.reason()).isEqualTo("“给予不超过12个月的租金补助”：同一项目（甲项目）累计已计 12个月，已达上限 12个月，本次租用月数 3个月不再计入");
        });
    }

    @Test
    void takesTheFactsInDateOrderWhateverTheOrderTheyAreGivenIn() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("late", "2026-11-01", "甲项目", 100, 10) + rent("early", "2026-03-01", "甲项目", 500, 10));
        Result r = result(c, "tongzhou-2026:12.2");
        // the earlier fact counts its 10 months (500×10×0.002 = 10), the later only the 2 left (100×2×0.002 = 0.4)
        assertThat(r.items()).extracting(Item::factId).containsExactly("early", "late");
        assertThat(r.figure().plain()).isEqualTo("10.4000");
    }

    @Test
    void countsTheMonthsOfAnEarlierAwardOfTheSameProject() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("a", "2027-03-01", "甲项目", 500, 6)
                + "awarded: [{clause: \"tongzhou-2026:12.2\", date: 2026-12-01, figure: 10, project: 甲项目, months: 10}]\n");
        assertThat(result(c, "tongzhou-2026:12.2").figure().plain()).isEqualTo("2.0000");
    }

    @Test
    void anEarlierAwardOfAnotherProjectLeavesTheAllowanceWhole() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("a", "2027-03-01", "甲项目", 500, 6)
                + "awarded: [{clause: \"tongzhou-2026:12.2\", date: 2026-12-01, figure: 12, project: 乙项目, months: 12}]\n");
        assertThat(result(c, "tongzhou-2026:12.2").figure().plain()).isEqualTo("6.0000");
    }

    @Test
    void anEarlierAwardThatDoesNotSayItsMonthsIsNotTakenAsNone() {
        Calculation c = calc(NANTONG, TONGZHOU + "facts:\n" + rent("a", "2027-03-01", "甲项目", 500, 6)
                + "awarded: [{clause: \"tongzhou-2026:12.2\", date: 2026-12-01, figure: 10, project: 甲项目}]\n");
        assertThat(result(c, "tongzhou-2026:12.2")).isNull();
        assertThat(c.excluded()).filteredOn(x -> "a".equals(x.factId())).singleElement().satisfies(x -> {
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.MISSING_VALUE);
            assertThat(x.reason()).contains("2026-12-01").contains("未填写当时计入的租用月数（awarded 的 months）");
        });
    }

    @Test
    void screeningCountsTheSameAsTheExplainedCalculation() {
        String yaml = TONGZHOU + "facts:\n" + rent("a", "2026-03-01", "甲项目", 500, 8) + rent("b", "2026-11-01", "甲项目", 500, 6);
        Calculation screened = new Calculator(NANTONG).screen(scenario(NANTONG, yaml));
        assertThat(result(screened, "tongzhou-2026:12.2").figure().plain()).isEqualTo("12.0000");
    }

    @Test
    void countsTheInterestYearsOfOneProjectUpToThree() {
        Calculation c = calc(NANTONG, """
                asOf: 2027-10-01
                enterprise: {kind: enterprise, district: 崇川区}
                facts:
                  - {type: service_project_loan, date: 2026-03-01, project: 检测中心, category: 检测认证, completed_operating: true, loan: 2000000, years: 2, interest_paid: 200000}
                  - {type: service_project_loan, date: 2027-03-01, project: 检测中心, category: 检测认证, completed_operating: true, loan: 2000000, years: 2, interest_paid: 200000}
                """);
        Result r = result(c, "city-2025:29.2");
        // 2,000,000 × 2% = 40,000 a year: 2 years, then the 1 year left
        assertThat(r.items()).extracting(i -> i.figure().plain()).containsExactly("80000.00", "40000.00");
        assertThat(r.items().get(1).steps().toString()).contains("已计 2年，尚余 1年；本次项目实施期内申请贴息的年数 2年，计 1年");
    }

    @Test
    void countsFactsAsTimesPerEnterpriseAndStartsAgainEachYear(@TempDir Path dir) throws IOException {
        Path root = Fixtures.copyTree(Fixtures.fixtureDir(), dir);
        Path doc = root.resolve("city/document.yaml");
        String anchor = "      - {per: enterprise, period: year, amount: 10000000, quote: 同一企业每年累计最高1000万元}\n";
        String s = Files.readString(doc);
        assertThat(s).contains(anchor);
        Files.writeString(doc, s.replace(anchor, anchor + "    counted:\n      - {max: 2, per: enterprise, period: year, quote: 同一企业每年累计最高1000万元}\n"));
        Pack once = PackLoader.loadValid(root);
        Calculation c = calc(once, """
                asOf: 2027-06-01
                enterprise: {district: 崇川区, industries: [集成电路, 集成电路设计]}
                facts:
                  - {id: a, type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 1000000}
                  - {id: b, type: ic_tape_out, date: 2026-03-10, product: X2, first_round_cost: 1000000}
                  - {id: c, type: ic_tape_out, date: 2026-04-10, product: X3, first_round_cost: 1000000}
                  - {id: d, type: ic_tape_out, date: 2027-01-10, product: X4, first_round_cost: 1000000}
                """);
        assertThat(result(c, "city:4.1").items()).extracting(Item::factId).containsExactly("a", "b", "d");
        assertThat(c.excluded()).filteredOn(x -> "c".equals(x.factId()) && x.clause().ref().equals("city:4.1")).singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo("“同一企业每年累计最高1000万元”：同一主体2026年已计 2次，已达上限 2次，本次 1次不再计入"));
    }
}
