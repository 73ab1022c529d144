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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's transition provision: "为保证新老政策的有效衔接，本文件实施前已经实施的奖励、补贴项目，业务主管部门已发布申报通知、组织申报审核的，
 * 按照原政策条款执行；业务主管部门未发布申报通知，且该项目在现行政策中继续延续的，按相关政策条款执行。"
 */
class TransitionTest {
    static final Pack NANTONG = PackLoader.loadValid(Fixtures.nantongDir());
    static final String QUOTE = "为保证新老政策的有效衔接，本文件实施前已经实施的奖励、补贴项目";

    static String greenFactory(String district, String date, String notice) {
        return """
                asOf: 2025-12-01
                enterprise: {kind: enterprise, district: %s}
                facts:
                  - {id: g, type: green_factory_recognition, date: %s, factory: 一号工厂, level: 国家级%s}
                """.formatted(district, date, notice == null ? "" : ", noticeIssued: " + notice);
    }

    private static Exclusion theExclusion(Calculation c) {
        return c.excluded().stream().filter(x -> x.clause().ref().equals("city-2025:38.1")).findFirst().orElseThrow();
    }

    @Test
    void computesAnItemFromBeforeThePolicyUnderTheCurrentClauseWhenNoNoticeWasIssued() {
        Calculation c = calc(NANTONG, greenFactory("崇川区", "2025-10-12", "false"));
        Result r = result(c, "city-2025:38.1");
        assertThat(r.figure().plain()).isEqualTo("200000.00");
        assertThat(r.explanation()).contains("按“业务主管部门未发布申报通知，且该项目在现行政策中继续延续的，按相关政策条款执行”：事实日期 2025-10-12 早于本文件施行日 2025-10-13");
    }

    @Test
    void leavesAnItemWhoseNoticeWasIssuedToTheOldPolicy() {
        Calculation c = calc(NANTONG, greenFactory("崇川区", "2025-10-12", "true"));
        assertThat(c.results()).isEmpty();
        Exclusion x = theExclusion(c);
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.OUTSIDE_WINDOW);
        assertThat(x.reason()).contains("按照原政策条款执行").contains("事实日期 2025-10-12 早于本文件施行日 2025-10-13");
    }

    @Test
    void asksWhetherTheNoticeWasIssuedWhenNobodySaid() {
        Exclusion x = theExclusion(calc(NANTONG, greenFactory("崇川区", "2025-10-12", null)));
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.MISSING_VALUE);
        assertThat(x.reason()).contains(QUOTE).contains("未填写是否已发布申报通知（noticeIssued），无法判断");
    }

    @Test
    void reachesBackOnlyAsFarAsThePackReadsIt() {
        Exclusion x = theExclusion(calc(NANTONG, greenFactory("崇川区", "2023-12-31", "false")));
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.OUTSIDE_WINDOW);
        assertThat(x.reason()).contains("早于过渡条款所及的 2024-01-01").contains(QUOTE);
        assertThat(result(calc(NANTONG, greenFactory("崇川区", "2024-01-01", "false")), "city-2025:38.1")).isNotNull();
    }

    @Test
    void anItemFromBeforeThePolicyExcludedForAnotherReasonStillCitesTheProvision() {
        Exclusion x = theExclusion(calc(NANTONG, greenFactory("海安市", "2025-10-12", "false")));
        assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.OUTSIDE_AREA);
        assertThat(x.reason()).contains("海安市").contains(QUOTE);
    }

    @Test
    void aNoticeDoesNotMatterForAnItemOnOrAfterTheEffectiveDate() {
        assertThat(result(calc(NANTONG, greenFactory("崇川区", "2025-10-13", "true")), "city-2025:38.1")).isNotNull();
    }

    @Test
    void aDocumentWithoutAProvisionStillLeavesOutWhatCameBeforeIt() {
        Calculation c = calc(NANTONG, """
                asOf: 2026-06-01
                enterprise: {kind: enterprise, district: 通州区}
                facts:
                  - {id: r, type: innovation_project_rent, date: 2025-12-01, project: 甲项目, mode: 认定, area: 500, months: 6, noticeIssued: false}
                """);
        assertThat(result(c, "tongzhou-2026:12.2")).isNull();
        assertThat(c.excluded()).filteredOn(x -> x.clause().ref().equals("tongzhou-2026:12.2")).singleElement()
                .satisfies(x -> assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.OUTSIDE_WINDOW));
    }

    @Test
    void anItemThePackMarksNewIsNotContinuedFromTheOldPolicy(@TempDir Path dir) throws IOException {
        Path root = Fixtures.copyTree(Fixtures.nantongDir(), dir);
        Path doc = root.resolve("000-city-fusion/document.yaml");
        String s = Files.readString(doc);
        String anchor = "    matter: green-factory\n";
        assertThat(s).contains(anchor);
        Files.writeString(doc, s.replace(anchor, anchor + "    transition: {continued: false, reading: 假定原政策无此项目}\n"));
        Pack marked = PackLoader.loadValid(root);
        Calculation c = calc(marked, greenFactory("崇川区", "2025-10-12", "false"));
        assertThat(c.results()).isEmpty();
        Exclusion x = c.excluded().stream().filter(e -> e.clause().ref().equals("city-2025:38.1")).findFirst().orElseThrow();
        assertThat(x.reason()).contains("本条为本文件新设项目（假定原政策无此项目）").contains("该项目在现行政策中继续延续");
    }
}
