package innopoints.engine.calc;

import innopoints.engine.pack.PackLoader;
import innopoints.engine.policy.Pack;
import org.junit.jupiter.api.Test;

import static innopoints.engine.Fixtures.calc;
import static innopoints.engine.Fixtures.nantongDir;
import static innopoints.engine.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One matter, one project, paid once: earlier awards of sibling clauses and of the other level's
 * policy count, and a choice the texts leave open is offered as a choice. Figures derived from
 * seed 000 art. 6 (第三类医疗器械: 最高300万元 with 创新医疗器械特别审查程序, else 最高100万元),
 * art. 24 (境外展会 最高2万元定额展位费补贴) and seed 003 art. 9 (每2000元得0.14分), 七、1.
 */
class OneMatterPaidOnceTest {
    private static final Pack PACK = PackLoader.loadValid(nantongDir());
    private static final String NOT_TWICE = "除本政策特别注明外，上级和本级政策不重复享受。";
    private static final String HIGHEST = "同一事项涉及两个以上市级政策的，按照就高不重复原则予以落实。";

    private static final String DEVICE_MAKER = """
            asOf: 2026-08-01
            enterprise: {district: 崇川区}
            """;

    private static final String TONGZHOU_EXPORTER = """
            asOf: 2026-08-01
            enterprise: {district: 通州区}
            """;

    @Test
    void anEarlierAwardUnderASiblingClauseLeavesOnlyTheDifference() {
        Calculation c = calc(PACK, DEVICE_MAKER + """
                facts: [{type: medical_device_registration, date: 2026-05-10, project: 心脏支架D1, product: D1, innovative_special_review: true, industrialized: true}]
                awarded: [{clause: "city-2025:6.2", date: 2026-02-01, figure: 1000000, project: 心脏支架D1, product: D1}]
                """);
        // 300万 under 6.1 less the 100万 the same product already received under 6.2
        assertThat(result(c, "city-2025:6.1").figure().plain()).isEqualTo("2000000.00");
        assertThat(result(c, "city-2025:6.2")).isNull();
        assertThat(result(c, "city-2025:6.1").explanation()).contains("已获 1,000,000元", "《关于加快推动科技创新和产业创新融合发展的若干政策措施》第6条", "就高补差：3,000,000 − 1,000,000 = 2,000,000元");
    }

    @Test
    void anEarlierAwardAsHighAsTheNewFigureRefusesItNamingTheAward() {
        Calculation c = calc(PACK, DEVICE_MAKER + """
                facts: [{type: medical_device_registration, date: 2026-05-10, project: D1, product: D1, industrialized: true}]
                awarded: [{clause: "city-2025:6.1", date: 2026-02-01, figure: 3000000, project: D1, product: D1}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.excluded()).anySatisfy(x -> {
            assertThat(x.clause().ref()).isEqualTo("city-2025:6.2");
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.ALREADY_AWARDED);
            assertThat(x.reason()).contains("第6条", "2026-02-01", "3,000,000元", "项目“D1”");
        });
    }

    @Test
    void aLaterFactOfTheSameProjectIsPaidOnlyTheDifference() {
        Calculation c = calc(PACK, DEVICE_MAKER + """
                facts:
                  - {id: a, type: medical_device_registration, date: 2026-03-10, project: D1, product: D1, industrialized: true}
                  - {id: b, type: medical_device_registration, date: 2026-06-10, project: D1, product: D1, innovative_special_review: true, industrialized: true}
                """);
        assertThat(result(c, "city-2025:6.2").figure().plain()).isEqualTo("1000000.00");
        assertThat(result(c, "city-2025:6.1").figure().plain()).isEqualTo("2000000.00");
    }

    @Test
    void twoProjectsOfOneMatterAreEachPaid() {
        Calculation c = calc(PACK, DEVICE_MAKER + """
                facts: [{type: medical_device_registration, date: 2026-05-10, project: D2, product: D2, innovative_special_review: true, industrialized: true}]
                awarded: [{clause: "city-2025:6.2", date: 2026-02-01, figure: 1000000, project: D1, product: D1}]
                """);
        assertThat(result(c, "city-2025:6.1").figure().plain()).isEqualTo("3000000.00");
    }

    @Test
    void aCityAwardForTheSameExhibitionRefusesTheTongzhouPoints() {
        Calculation c = calc(PACK, TONGZHOU_EXPORTER + """
                facts: [{type: overseas_exhibition, date: 2026-05-10, project: 2026汉诺威工业展, exhibition: 2026汉诺威工业展, booth_fee: 50000}]
                awarded: [{clause: "city-2025:24.2", date: 2026-06-01, figure: 20000, project: 2026汉诺威工业展}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.choices()).isEmpty();
        assertThat(c.excluded()).anySatisfy(x -> {
            assertThat(x.clause().ref()).isEqualTo("tongzhou-2026:9");
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.ALREADY_AWARDED);
            assertThat(x.reason()).contains(NOT_TWICE, "第24条", "20,000元");
        });
    }

    @Test
    void anAwardUnderAProvincialPolicyRefusesTheDistrictButNotTheCity() {
        Calculation c = calc(PACK, TONGZHOU_EXPORTER + """
                facts: [{type: overseas_exhibition, date: 2026-05-10, project: E1, exhibition: E1, booth_fee: 50000, provincial_trade_program: true}]
                awarded: [{matter: overseas-exhibition, level: province, unit: yuan, date: 2026-06-01, figure: 30000, project: E1, source: 省商务厅}]
                """);
        // the city's rule covers city policies only; the district's covers this and higher levels
        assertThat(result(c, "city-2025:24.2").figure().plain()).isEqualTo("20000.00");
        assertThat(c.excluded()).anySatisfy(x -> {
            assertThat(x.clause().ref()).isEqualTo("tongzhou-2026:9");
            assertThat(x.reason()).contains(NOT_TWICE, "省级政策", "省商务厅");
        });
    }

    @Test
    void aCityYuanFigureAndATongzhouPointsFigureForOneExhibitionAreAChoiceNeverATotal() {
        Calculation c = calc(PACK, TONGZHOU_EXPORTER + """
                facts: [{type: overseas_exhibition, date: 2026-05-10, exhibition: E1, booth_fee: 50000, provincial_trade_program: true}]
                """);
        assertThat(c.results()).isEmpty();
        assertThat(c.choices()).singleElement().satisfies(ch -> {
            assertThat(ch.quote()).isEqualTo(NOT_TWICE);
            assertThat(ch.options()).extracting(Choice.Option::ref).containsExactlyInAnyOrder("city-2025:24.2", "tongzhou-2026:9");
            assertThat(ch.options()).extracting(o -> o.item().figure().plain()).containsExactlyInAnyOrder("20000.00", "3.5000");
            for (Choice.Option o : ch.options()) {
                String other = o.ref().equals("city-2025:24.2") ? "第9条" : "第24条";
                assertThat(o.asResult().explanation()).contains(other, NOT_TWICE, "请择一申报");
            }
        });
    }

    @Test
    void twoExhibitionsAreTwoMattersEachWithItsOwnChoice() {
        Calculation c = calc(PACK, TONGZHOU_EXPORTER + """
                facts:
                  - {id: a, type: overseas_exhibition, date: 2026-03-10, exhibition: E1, booth_fee: 50000, provincial_trade_program: true}
                  - {id: b, type: overseas_exhibition, date: 2026-04-10, exhibition: E2, booth_fee: 10000}
                """);
        assertThat(c.choices()).hasSize(1);
        // E2 is not in the provincial programme: only the district rewards it, 10000 ÷ 2000 × 0.14 = 0.7
        assertThat(result(c, "tongzhou-2026:9").figure().plain()).isEqualTo("0.7000");
    }

    @Test
    void anEarlierAwardNamingNoProjectCountsOnlyTowardsCaps() {
        Calculation c = calc(PACK, DEVICE_MAKER + """
                facts: [{type: medical_device_registration, date: 2026-05-10, product: D2, innovative_special_review: true, industrialized: true}]
                awarded: [{clause: "city-2025:6.2", date: 2026-02-01, figure: 1000000, product: D1}]
                """);
        assertThat(result(c, "city-2025:6.1").figure().plain()).isEqualTo("3000000.00");
    }

    @Test
    void theLowerOfTwoCityFiguresForOneFactIsShownWithItsOwnFigure() {
        Calculation c = calc(PACK, DEVICE_MAKER + """
                facts: [{type: medical_device_registration, date: 2026-05-10, product: D1, innovative_special_review: true, industrialized: true}]
                """);
        assertThat(result(c, "city-2025:6.1").figure().plain()).isEqualTo("3000000.00");
        assertThat(c.excluded()).anySatisfy(x -> {
            assertThat(x.clause().ref()).isEqualTo("city-2025:6.2");
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.STACKED);
            assertThat(x.reason()).contains("本条计得 1,000,000元", "3,000,000元", "取较高者");
        });
    }

    @Test
    void anEarlierAwardUnderACappedClauseThatOmitsTheCapKeyStillLeavesNoMoreThanTheCap() {
        // 3.5分 already paid for the exhibition under art. 9, recorded by project only; the same exhibition again
        // (50,000 ÷ 2000 × 0.14 = 3.5分) may bring the exhibition to "单个项目最高不超过5分" at most: 5 − 3.5 = 1.5分
        Calculation c = calc(PACK, TONGZHOU_EXPORTER + """
                facts: [{type: overseas_exhibition, date: 2026-05-10, project: E1, exhibition: E1, booth_fee: 50000}]
                awarded: [{clause: "tongzhou-2026:9", date: 2026-04-01, figure: 3.5, project: E1}]
                """);
        assertThat(result(c, "tongzhou-2026:9").figure().plain()).isEqualTo("1.5000");
    }
}
