package innopoints.engine.calc;

import innopoints.engine.Fixtures;
import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;

import static innopoints.engine.Fixtures.calc;
import static innopoints.engine.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject without a district is calculated, and what needs the district says it is missing; a
 * draft switched on has no window of its own and is calculated as if in force from an assumed
 * date (the as-of date unless given), which every explanation of a draft clause states.
 */
class MissingDistrictAndDraftDateTest {
    static final Pack NANTONG = PackLoader.loadValid(Fixtures.nantongDir());

    static final String TAPE_OUT_WITHOUT_DISTRICT = """
            asOf: 2026-03-01
            enterprise: {industries: [集成电路, 集成电路设计]}
            facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
            """;

    @Test
    void aSubjectWithoutADistrictIsCalculatedAndTheAreaBoundClauseSaysTheDistrictIsMissing() {
        Calculation c = calc(NANTONG, TAPE_OUT_WITHOUT_DISTRICT);
        assertThat(c.results()).isEmpty();
        assertThat(c.excluded()).filteredOn(x -> x.clause().ref().equals("city-2025:4.1")).singleElement().satisfies(x -> {
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.MISSING_VALUE);
            assertThat(x.reason()).startsWith("未填写所在地区（enterprise.district），无法判断是否适用");
        });
    }

    @Test
    void aSubjectWithoutADistrictStillGetsWhatNeedsNoDistrict() {
        Calculation c = calc(NANTONG, TAPE_OUT_WITHOUT_DISTRICT + "whatIf: {drafts: true}\n");
        assertThat(result(c, "future-draft:ic.1")).isNotNull();
    }

    @Test
    void aConditionOnTheDistrictOfASubjectWithoutOneSaysTheDistrictIsMissing() {
        Calculation c = calc(NANTONG, """
                asOf: 2026-03-01
                enterprise: {industries: [生物医药]}
                facts: [{type: cgt_mah_production, date: 2026-02-01, product: CGT-01, role: 受托方, contract_amount: 8000000}]
                whatIf: {drafts: true}
                """);
        assertThat(c.excluded()).filteredOn(x -> x.clause().ref().equals("future-draft:cgt.5")).singleElement().satisfies(x -> {
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.MISSING_VALUE);
            assertThat(x.reason()).isEqualTo("未填写所在地区（enterprise.district），无法判断是否适用（“市区生物医药企业”）");
        });
    }

    static final String COMPUTING_2027 = """
            asOf: 2027-03-01
            enterprise: {district: 如皋市, industries: [人工智能]}
            facts: [{type: computing_power_use, date: 2027-01-15, paid: 1000000}]
            """;

    @Test
    void aWhatIfWithDraftsOnDated2027CountsTheDraftAndSaysItAssumesTheAsOfDate() {
        Calculation c = calc(NANTONG, COMPUTING_2027 + "whatIf: {drafts: true}\n");
        Result r = result(c, "future-draft:ai.2");
        assertThat(r).isNotNull();
        assertThat(r.figure().value()).isEqualByComparingTo("300000");
        assertThat(r.explanation()).contains("本条款出自征求意见稿，尚未施行；按假定生效日期2027-03-01计算");
    }

    @Test
    void aWhatIfStatesTheDateOfEffectItWasGiven() {
        Calculation c = calc(NANTONG, COMPUTING_2027 + "whatIf: {drafts: true, draftEffective: 2027-01-01}\n");
        assertThat(result(c, "future-draft:ai.2").explanation()).contains("按假定生效日期2027-01-01计算");
    }

    @Test
    void aDraftAssumedToTakeEffectAfterTheAsOfDateIsNotCalculated() {
        Calculation c = calc(NANTONG, COMPUTING_2027 + "whatIf: {drafts: true, draftEffective: 2027-06-01}\n");
        assertThat(result(c, "future-draft:ai.2")).isNull();
        assertThat(c.excluded()).filteredOn(x -> x.clause().ref().equals("future-draft:ai.2"))
                .singleElement().extracting(Exclusion::reason).asString().contains("早于假定生效日期 2027-06-01");
    }

    @Test
    void withDraftsOffEveryDraftClauseIsExcluded() {
        Calculation c = calc(NANTONG, COMPUTING_2027);
        assertThat(c.results()).noneMatch(r -> r.document().id().equals("future-draft"));
        assertThat(c.excluded()).filteredOn(x -> x.clause().ref().equals("future-draft:ai.2"))
                .singleElement().extracting(Exclusion::reasonKind).isEqualTo(Exclusion.ReasonKind.DRAFT);
    }

    @Test
    void theDraftStatesNoWindowOfItsOwn() {
        var d = NANTONG.document("future-draft");
        assertThat(d.effective().from()).isNull();
        assertThat(d.effective().to()).isNull();
    }
}
