package innopoints.engine.calc;

import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static innopoints.engine.Fixtures.calc;
import static innopoints.engine.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Conditions joined by any/all, a field compared with another, and caps that differ by level ("分别不超过"). */
class JoinedConditionsAndLevelCapsTest {
    static Path dir() {
        try {
            return Path.of(JoinedConditionsAndLevelCapsTest.class.getResource("/conditions/pack.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Pack pack = PackLoader.loadValid(dir());

    private static final String CITY = """
            asOf: 2026-12-01
            enterprise: {district: 崇川区}
            """;

    private static String reason(Calculation c, String ref) {
        return c.excluded().stream().filter(e -> e.clause().ref().equals(ref)).map(Exclusion::reason).findFirst().orElse(null);
    }

    // ---- any / all ---------------------------------------------------------------------------

    @Test
    void paysALogisticsProjectFromTwentyMillionByTheSecondBranch() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: service_project_investment, date: 2026-07-01, project: 冷链, category: 现代物流, investment: 20000000, fixed_asset_investment: 18000000}]
                """);
        Result r = result(c, "city:29.1");
        assertThat(r.figure().plain()).isEqualTo("900000.00");
        assertThat(r.explanation()).contains("须满足其一〔须同时满足〔项目类别为 现代物流，不符合（要求为 科技服务、软信服务 之一）；实际完成投资为 20,000,000，符合（要求≥ 10,000,000）〕，不符合；"
                + "须同时满足〔项目类别为 现代物流，符合（要求为“现代物流”）；实际完成投资为 20,000,000，符合（要求≥ 20,000,000）〕，符合〕，符合");
    }

    @Test
    void refusesALogisticsProjectBelowTwentyMillionThoughItPassesTheOtherThreshold() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: service_project_investment, date: 2026-07-01, project: 仓储, category: 现代物流, investment: 15000000, fixed_asset_investment: 14000000}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(reason(c, "city:29.1")).isEqualTo("不满足“实际完成投资1000万元及以上（现代物流2000万元及以上）”：须满足其一〔"
                + "须同时满足〔项目类别为 现代物流，不符合（要求为 科技服务、软信服务 之一）；实际完成投资为 15,000,000，符合（要求≥ 10,000,000）〕，不符合；"
                + "须同时满足〔项目类别为 现代物流，符合（要求为“现代物流”）；实际完成投资为 15,000,000，不符合（要求≥ 20,000,000）〕，不符合〕");
    }

    @Test
    void paysASoftwareProjectFromTenMillionByTheFirstBranch() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: service_project_investment, date: 2026-07-01, project: 软件园, category: 软信服务, investment: 10000000, fixed_asset_investment: 8000000}]
                """);
        assertThat(result(c, "city:29.1").figure().plain()).isEqualTo("400000.00");
    }

    @Test
    void aMissingProfileValueInsideAnyIsNotReportedWhenAnotherBranchHolds() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: ip_pledge_financing, date: 2026-07-01, innovative: true, service_fee: 10000}]
                """);
        Result r = result(c, "city:43.3");
        assertThat(r.figure().plain()).isEqualTo("7000.00");
        assertThat(r.explanation()).contains("须满足其一〔未填写企业规模（enterprise.size）；创新型企业为 是，符合（要求为“是”）〕，符合");
        assertThat(c.excluded()).noneMatch(e -> e.clause().ref().equals("city:43.3"));
    }

    @Test
    void aMissingProfileValueInsideAnyIsReportedWhenNoOtherBranchHolds() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: ip_pledge_financing, date: 2026-07-01, innovative: false, service_fee: 10000}]
                """);
        Exclusion x = c.excluded().stream().filter(e -> e.clause().ref().equals("city:43.3")).findFirst().orElseThrow();
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.MISSING_VALUE);
        assertThat(x.reason()).isEqualTo("未填写企业规模（enterprise.size），无法判断是否适用（“创新型中小微企业”）：须满足其一〔未填写企业规模（enterprise.size）；创新型企业为 否，不符合（要求为“是”）〕");
    }

    @Test
    void allFailsOnAnUnmetPartWhateverAnotherPartLacks() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: ip_pledge_financing, date: 2026-07-01, innovative: false, service_fee: 10000}]
                """);
        Exclusion x = c.excluded().stream().filter(e -> e.clause().ref().equals("city:43.3b")).findFirst().orElseThrow();
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.CONDITION);
        assertThat(x.reason()).isEqualTo("不满足“创新型中小微企业”：须同时满足〔未填写企业规模（enterprise.size）；创新型企业为 否，不符合（要求为“是”）〕");
    }

    @Test
    void allLacksAProfileValueWhenEveryOtherPartHolds() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: ip_pledge_financing, date: 2026-07-01, innovative: true, service_fee: 10000}]
                """);
        Exclusion x = c.excluded().stream().filter(e -> e.clause().ref().equals("city:43.3b")).findFirst().orElseThrow();
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.MISSING_VALUE);
    }

    @Test
    void allHoldsWhenEachPartHolds() {
        Calculation c = calc(pack, """
                asOf: 2026-12-01
                enterprise: {district: 崇川区, size: small}
                facts: [{type: ip_pledge_financing, date: 2026-07-01, innovative: true, service_fee: 10000}]
                """);
        assertThat(result(c, "city:43.3b").explanation()).contains("须同时满足〔企业规模为 small，符合（要求为 micro、small、medium 之一）；创新型企业为 是，符合（要求为“是”）〕，符合");
    }

    // ---- comparisons between two fields ------------------------------------------------------

    @Test
    void comparesTheActualFeeWithTheRegulatedFeeAndShowsBoth() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: bridge_loan_service, date: 2026-07-01, regulated_fee: 12000, actual_fee: 5000}]
                """);
        Result r = result(c, "city:46.1");
        assertThat(r.figure().plain()).isEqualTo("7000.00");
        assertThat(r.explanation()).contains("实际收费为 5,000，符合（要求< 规定收费（LPR的4倍） 12,000）");
    }

    @Test
    void refusesAnActualFeeEqualToTheRegulatedFeeShowingBothValues() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: bridge_loan_service, date: 2026-07-01, regulated_fee: 6000, actual_fee: 6000}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(reason(c, "city:46.1")).isEqualTo("不满足“实际收费低于规定收费（LPR的4倍）”：实际收费为 6,000，要求< 规定收费（LPR的4倍） 6,000");
    }

    // ---- caps per level ----------------------------------------------------------------------

    @Test
    void capsEachLevelOnItsOwnAndNamesTheLevel() {
        Calculation c = calc(pack, CITY + """
                facts:
                  - {type: standardization_expert, date: 2026-03-01, role: 注册专家}
                  - {type: standardization_expert, date: 2026-04-01, role: 注册专家}
                  - {type: standardization_expert, date: 2026-05-01, role: 注册专家}
                  - {type: standardization_expert, date: 2026-06-01, role: 委员}
                  - {type: standardization_expert, date: 2026-07-01, role: 委员}
                """);
        Result r = result(c, "city:11.3");
        // experts 2 + 2 + (5 − 4 = 1) = 5; members 2 + (3 − 2 = 1) = 3
        assertThat(r.figure().plain()).isEqualTo("8.00");
        assertThat(r.explanation()).contains("同一主体累计（类别为“注册专家”）上限 5元，已用 4元，尚余 1元，取 1元",
                "同一主体累计（类别为“委员”）上限 3元，已用 2元，尚余 1元，取 1元");
    }

    @Test
    void aLevelTheTextDoesNotListIsNotCappedAndTheStepSaysSo() {
        Calculation c = calc(pack, CITY + """
                facts:
                  - {type: standardization_expert, date: 2026-03-01, role: 其他专家}
                  - {type: standardization_expert, date: 2026-04-01, role: 其他专家}
                  - {type: standardization_expert, date: 2026-05-01, role: 其他专家}
                """);
        Result r = result(c, "city:11.3");
        assertThat(r.figure().plain()).isEqualTo("6.00");
        assertThat(r.explanation()).contains("同一主体累计上限按类别分别规定，本条未列类别“其他专家”的上限，不受此项上限限制");
    }

    @Test
    void anEarlierAwardNamingItsLevelCountsOnlyAgainstThatLevel() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: standardization_expert, date: 2026-06-01, role: 委员}]
                awarded: [{clause: "city:11.3", date: 2026-01-10, figure: 5, role: 注册专家}]
                """);
        assertThat(result(c, "city:11.3").figure().plain()).isEqualTo("2.00");
    }

    @Test
    void anEarlierAwardWithoutItsLevelCountsAgainstEveryLevel() {
        Calculation c = calc(pack, CITY + """
                facts: [{type: standardization_expert, date: 2026-06-01, role: 委员}]
                awarded: [{clause: "city:11.3", date: 2026-01-10, figure: 2}]
                """);
        // the member cap 3, less the 2 of a record that does not say its level: 1
        assertThat(result(c, "city:11.3").figure().plain()).isEqualTo("1.00");
    }

    // ---- a multiplier's conditions joined ----------------------------------------------------

    @Test
    void countsASeedStageInvestmentTwiceOnlyWhenEveryJoinedConditionHolds() {
        Calculation c = calc(pack, """
                asOf: 2026-12-01
                enterprise: {kind: fund-manager, district: 崇川区}
                facts:
                  - {id: a, type: fund_investment, date: 2026-02-01, amount: 25000000, stage: 种子期, tech_enterprise: true, investee_listed: false}
                  - {id: b, type: fund_investment, date: 2026-03-01, amount: 25000000, stage: 种子期, tech_enterprise: true, investee_listed: true}
                """);
        // a: 2500万 × 2 = 5000万; b: listed, counts once, 2500万; 7500万 holds one full 5000万: 50万
        Result r = result(c, "city:47.2");
        assertThat(r.figure().plain()).isEqualTo("500000.00");
        assertThat(r.explanation()).contains("b：须同时满足〔被投企业为科技型企业为 是，符合（要求为“是”）；被投企业已上市为 是，不符合（要求为“否”）〕，不符合，不按“最高可按实际投资金额的2倍计入累计投资金额”加倍计入，按1倍计入",
                "累计 实际投资金额 75,000,000");
    }
}
