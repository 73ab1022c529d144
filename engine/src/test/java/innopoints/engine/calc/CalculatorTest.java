package innopoints.engine.calc;

import innopoints.engine.facts.Scenario;
import innopoints.engine.policy.Kind;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static innopoints.engine.Fixtures.calc;
import static innopoints.engine.Fixtures.fixture;
import static innopoints.engine.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The calculator's rules, on real clauses of the fixture pack; each test reads as the policy's own sentence. */
class CalculatorTest {
    private final Pack pack = fixture();

    private static final String DESIGNER = """
            asOf: 2026-06-01
            enterprise: {district: 崇川区, industries: [集成电路, 集成电路设计]}
            """;

    @Test
    void paysThirtyPercentOfTheFirstRoundAsACeilingSplitFourToSix() {
        Calculation c = calc(pack, DESIGNER + """
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
                """);
        Result r = result(c, "city:4.1");
        assertThat(r.figure().plain()).isEqualTo("1500000.00");
        assertThat(r.kind()).isEqualTo(Kind.CEILING);
        assertThat(r.split().get("市级财政").plain()).isEqualTo("600000.00");
        assertThat(r.split().get("区级财政").plain()).isEqualTo("900000.00");
        assertThat(r.explanation()).contains("“对集成电路设计企业开展的流片验证", "按“按照不超过单款产品首轮流片费用的30%”", "5,000,000元 × 不超过 30% = 1,500,000元");
    }

    @Test
    void capsOneProductAtTwoMillionWhateverItsCost() {
        Calculation c = calc(pack, DESIGNER + """
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 9000000}]
                """);
        assertThat(result(c, "city:4.1").figure().plain()).isEqualTo("2000000.00");
    }

    @Test
    void capsTheSecondTapeOutAtTheAnnualLimitLeftByEarlierAwards() {
        Calculation c = calc(pack, DESIGNER + """
                facts:
                  - {id: a, type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}
                  - {id: b, type: ic_tape_out, date: 2026-03-10, product: X2, first_round_cost: 9000000}
                awarded: [{clause: "city:4.1", date: 2026-01-05, figure: 7000000, product: X0}]
                """);
        Result r = result(c, "city:4.1");
        assertThat(r.items()).extracting(i -> i.figure().plain()).containsExactly("1500000.00", "1500000.00");
        assertThat(r.figure().plain()).isEqualTo("3000000.00");
        assertThat(r.items().get(1).steps().toString()).contains("已用 8,500,000元，尚余 1,500,000元");
    }

    @Test
    void startsANewAnnualCapInANewYear() {
        Calculation c = calc(pack, DESIGNER + """
                facts: [{type: ic_tape_out, date: 2027-02-10, product: X1, first_round_cost: 5000000}]
                awarded: [{clause: "city:4.1", date: 2026-11-05, figure: 10000000, product: X0}]
                """.replace("2026-06-01", "2027-06-01"));
        assertThat(result(c, "city:4.1").figure().plain()).isEqualTo("1500000.00");
    }

    @Test
    void refusesTheSameProductTwice() {
        Calculation c = calc(pack, DESIGNER + """
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
                awarded: [{clause: "city:4.1", date: 2026-01-05, figure: 2000000, product: X1}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.excluded()).anySatisfy(e -> {
            assertThat(e.reasonKind()).isEqualTo(Exclusion.ReasonKind.CAP_USED);
            assertThat(e.reason()).contains("单款产品首轮流片费用");
        });
    }

    @Test
    void ignoresAFactDatedBeforeTheDocumentTookEffect() {
        Calculation c = calc(pack, DESIGNER + """
                facts: [{type: ic_tape_out, date: 2025-10-12, product: X1, first_round_cost: 5000000}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.excluded()).anySatisfy(e -> assertThat(e.reason()).contains("不在文件有效期 2025-10-13 至 2028-10-12 内"));
    }

    @Test
    void leavesCountiesToFollowTheCityPolicyOnTheirOwn() {
        Calculation c = calc(pack, DESIGNER.replace("崇川区", "如皋市") + """
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.excluded()).anySatisfy(e -> assertThat(e.reason()).contains("各县（市）可参照执行"));
    }

    @Test
    void requiresAnIntegratedCircuitDesignEnterprise() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {district: 崇川区, industries: [新材料]}
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.excluded()).anySatisfy(e -> assertThat(e.reason()).isEqualTo("不满足“集成电路设计企业”：所属产业为 新材料，要求包含“集成电路设计”"));
    }

    @Test
    void neverMatchesADraftUnlessAWhatIfSwitchesItOn() {
        String facts = """
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 9000000}]
                """;
        Calculation off = calc(pack, DESIGNER.replace("崇川区", "如皋市") + facts);
        assertThat(off.results()).isEmpty();
        assertThat(off.excluded()).anySatisfy(e -> assertThat(e.reasonKind()).isEqualTo(Exclusion.ReasonKind.DRAFT));
        Calculation on = calc(pack, DESIGNER.replace("崇川区", "如皋市") + facts + "whatIf: {drafts: true}\n");
        assertThat(result(on, "draft:ic.1").figure().plain()).isEqualTo("2000000.00");
        assertThat(result(on, "draft:ic.1").kind()).isEqualTo(Kind.DEFINITE);
    }

    @Test
    void takesTheHighestOfTwoCityPoliciesForOneTapeOut() {
        Calculation c = calc(pack, DESIGNER + """
                facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
                awarded: [{clause: "city:4.1", date: 2026-01-05, figure: 9000000, product: X0}]
                whatIf: {drafts: [draft]}
                """);
        assertThat(c.results()).extracting(r -> r.clause().ref()).containsExactly("draft:ic.1");
        assertThat(result(c, "draft:ic.1").figure().plain()).isEqualTo("1500000.00");
        assertThat(c.excluded()).anySatisfy(e -> {
            assertThat(e.clause().ref()).isEqualTo("city:4.1");
            assertThat(e.reasonKind()).isEqualTo(Exclusion.ReasonKind.STACKED);
            assertThat(e.reason()).contains("同一事项涉及两个以上市级政策的，按照就高不重复原则予以落实。");
        });
    }

    @Test
    void countsSeedStageInvestmentTwiceAndPaysPerFullFiftyMillion() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {kind: fund-manager, district: 崇川区}
                facts:
                  - {type: fund_investment, date: 2025-11-01, amount: 20000000, holding_years: 1, stage: 种子期}
                  - {type: fund_investment, date: 2026-01-01, amount: 30000000, holding_years: 2, stage: 成长期}
                  - {type: fund_investment, date: 2026-02-01, amount: 90000000, holding_years: 0.5, stage: 成长期}
                """);
        // 2000万 × 2 + 3000万 = 7000万 (the third is held under a year): one full 5000万 → 50万元
        assertThat(result(c, "city:47").figure().plain()).isEqualTo("500000.00");
        assertThat(c.excluded()).anySatisfy(e -> assertThat(e.reason()).contains("投资期限1年以上"));
    }

    @Test
    void paysOnlyTheNewFullUnitsOfACumulativeReward() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {kind: fund-manager, district: 崇川区}
                facts:
                  - {type: fund_investment, date: 2025-11-01, amount: 120000000, holding_years: 1, stage: 成长期}
                awarded: [{clause: "city:47", date: 2026-01-01, figure: 500000}]
                """);
        assertThat(result(c, "city:47").figure().plain()).isEqualTo("500000.00");
    }

    @Test
    void paysPointsProRataForBoothFees() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {district: 通州区}
                facts: [{type: overseas_exhibition, date: 2026-04-01, booth_fee: 3000}]
                """);
        Result r = result(c, "district:9");
        assertThat(r.figure().plain()).isEqualTo("0.2100");
        assertThat(r.figure().unit().key()).isEqualTo("points");
        assertThat(r.split().get("通州区财政").plain()).isEqualTo("0.2100");
    }

    @Test
    void givesTheTiersMaximumAsACeilingUntilImplementingRulesSetTheTiers() {
        String facts = """
                enterprise: {district: 通州区}
                facts: [{type: cmmm_assessment, date: 2026-05-01, grade: 四级}]
                """;
        Result before = result(calc(pack, "asOf: 2026-06-01\n" + facts), "district:1");
        assertThat(before.figure().plain()).isEqualTo("30.0000");
        assertThat(before.kind()).isEqualTo(Kind.CEILING);
        assertThat(before.explanation()).contains("分档标准尚待实施细则确定");
        Result after = result(calc(pack, "asOf: 2027-02-01\n" + facts), "district:1");
        assertThat(after.figure().plain()).isEqualTo("20.0000");
        assertThat(after.explanation()).contains("《示例实施细则》（2027-01-01 起施行）");
    }

    @Test
    void splitsHighTechZoneProjectsHalfAndHalfAndTheCityDistrictShareToo() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {district: 通州区, park: 南通高新区, industries: [集成电路设计]}
                facts:
                  - {type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}
                  - {type: overseas_exhibition, date: 2026-04-01, booth_fee: 30000}
                """);
        Result city = result(c, "city:4.1");
        assertThat(city.split()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().plain())
                .containsExactly("市级财政=600000.00", "南通高新区=450000.00", "通州区财政=450000.00");
        Result district = result(c, "district:9");
        assertThat(district.split()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().plain())
                .containsExactly("南通高新区=1.0500", "通州区财政=1.0500");
    }

    @Test
    void keepsTheUsualSplitBeforeTheDistrictRuleTookEffect() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {district: 通州区, park: 南通高新区, industries: [集成电路设计]}
                facts: [{type: ic_tape_out, date: 2025-12-10, product: X1, first_round_cost: 5000000}]
                """);
        assertThat(result(c, "city:4.1").split()).containsOnlyKeys("市级财政", "区级财政");
    }

    @Test
    void fundsArticleSeventeenFromTheDistrictAloneEvenInTheHighTechZone() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {kind: fund-manager, district: 通州区, park: 南通高新区}
                facts:
                  - {type: fund_investment, date: 2026-02-01, amount: 4000000, holding_years: 3, stage: 初创期, first_round: true}
                """);
        // 400万 × 1.5 = 600万 ≥ 500万: 600万 ÷ 100万 × 2 = 12分; the city's 47 needs 5000万 and gives nothing
        Result r = result(c, "district:17");
        assertThat(r.figure().plain()).isEqualTo("12.0000");
        assertThat(r.split()).containsOnlyKeys("通州区财政");
    }

    @Test
    void offersTheSameInvestmentUnderDistrictAndCityPoliciesAsAChoiceNeverBoth() {
        Calculation c = calc(pack, """
                asOf: 2026-06-01
                enterprise: {kind: fund-manager, district: 通州区}
                facts:
                  - {type: fund_investment, date: 2026-02-01, amount: 60000000, holding_years: 3, stage: 初创期}
                """);
        // city: 6000万 × 2 = 1.2亿 → 2 full units → 100万元; district: 6000万 ÷ 100万 × 2 = 120分 → 100分 (= 100万元 at 1分=1万元)
        // "上级和本级政策不重复享受" does not say which: both are offered, one to be chosen, neither in the results
        assertThat(c.results()).isEmpty();
        assertThat(c.choices()).singleElement().satisfies(ch -> {
            assertThat(ch.options()).extracting(o -> o.ref() + " " + o.item().figure().plain())
                    .containsExactlyInAnyOrder("city:47 1000000.00", "district:17 100.0000");
            assertThat(ch.quote()).isEqualTo("除本政策特别注明外，上级和本级政策不重复享受。");
        });
    }

    @Test
    void screensWithTheSameFiguresAsItExplains() {
        Scenario s = innopoints.engine.Fixtures.scenario(pack, DESIGNER + """
                facts:
                  - {id: a, type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}
                  - {id: b, type: ic_tape_out, date: 2026-03-10, product: X2, first_round_cost: 9000000}
                """);
        Calculator calculator = new Calculator(pack);
        Calculation explained = calculator.calculate(s), screened = calculator.screen(s);
        assertThat(screened.results()).extracting(r -> r.figure().plain()).isEqualTo(explained.results().stream().map(r -> r.figure().plain()).toList());
        assertThat(screened.results().get(0).items().get(0).steps()).isEmpty();
        assertThat(explained.results().get(0).figure().value()).isEqualByComparingTo(new BigDecimal("3500000"));
    }
}
