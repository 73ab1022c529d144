package innopoints.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * calc with a scenario whose district is missing or misspelt, and calc --drafts in a year the
 * draft's text never mentions.
 */
class CalcProfileAndDraftTest {
    @TempDir
    Path dir;

    private Path scenario(String json) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aScenarioWithoutADistrictIsCalculatedAndSaysTheDistrictIsMissing() throws IOException {
        Path f = scenario("""
                {"asOf": "2026-03-01", "enterprise": {"industries": ["集成电路", "集成电路设计"]},
                 "facts": [{"type": "ic_tape_out", "date": "2026-02-10", "product": "X1", "first_round_cost": 5000000}]}
                """);
        Cli r = Cli.run("calc", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("city-2025:4.1（f1）：未填写所在地区（enterprise.district），无法判断是否适用");
    }

    @Test
    void aDistrictWithoutItsSuffixIsRefusedWithExitCode2NamingFileFieldAndTheDistrictMeant() throws IOException {
        Path f = scenario("""
                {"asOf": "2026-03-01", "enterprise": {"district": "通州"}, "facts": []}
                """);
        Cli r = Cli.run("calc", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + f + ":1: enterprise.district: 未知的地区“通州”，是否指“通州区”").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownParkIndustryAndListedValueAreEachRefusedByName() throws IOException {
        Path f = scenario("""
                {"asOf": "2026-03-01", "enterprise": {"district": "通州区", "park": "高新区", "industries": ["人工只能"]},
                 "facts": [{"type": "eda_tool", "date": "2026-02-01", "mode": "买", "cost": 1}]}
                """);
        Cli r = Cli.run("calc", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":1: enterprise.park: 未知的园区“高新区”，是否指“南通高新区”？",
                f + ":1: enterprise.industries[0]: 未知的产业“人工只能”，是否指“人工智能”？",
                f + ":2: facts[0].mode: 未知的“租用或购买”取值“买”，是否指“购买”？");
    }

    static final String COMPUTING_2027 = """
            {"asOf": "2027-03-01", "enterprise": {"district": "如皋市", "industries": ["人工智能"]},
             "facts": [{"type": "computing_power_use", "date": "2027-01-15", "paid": 1000000}]}
            """;

    @Test
    void draftsOnIn2027IncludeTheDraftClauseAndStateTheAssumedDateOfEffect() throws IOException {
        Cli r = Cli.run("calc", "--drafts", scenario(COMPUTING_2027).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("假设分析：开启征求意见稿，假定生效日期 2027-03-01（未指定，取计算日）", "future-draft:ai.2",
                "本条款出自征求意见稿，尚未施行；按假定生效日期2027-03-01计算");
    }

    @Test
    void draftEffectiveSetsTheDateTheExplanationStates() throws IOException {
        Cli r = Cli.run("calc", "--json", "--drafts", "--draft-effective", "2027-01-01", scenario(COMPUTING_2027).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"draftEffective\" : \"2027-01-01\"", "按假定生效日期2027-01-01计算");
    }

    @Test
    void draftsOffExcludeTheDraftClause() throws IOException {
        Cli r = Cli.run("calc", scenario(COMPUTING_2027).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("没有可享受的条款", "future-draft:ai.2（f1）：《关于加快培育发展未来产业的实施意见》为征求意见稿，尚未生效");
    }

    @Test
    void aDateOfEffectWithoutDraftsIsRefused() throws IOException {
        Cli r = Cli.run("calc", "--draft-effective", "2027-01-01", scenario(COMPUTING_2027).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--draft-effective");
    }
}
