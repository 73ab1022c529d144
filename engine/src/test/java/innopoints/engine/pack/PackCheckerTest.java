package innopoints.engine.pack;

import innopoints.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks beyond syntax: worked cases, coverage, stacking between documents. */
class PackCheckerTest {
    @TempDir
    Path dir;

    private Path copy() {
        return Fixtures.copyTree(Fixtures.fixtureDir(), dir);
    }

    private static String messages(PackChecker.Report r, Path root) {
        return String.join("\n", r.problems().stream().map(p -> p.toString().replace(root + "/", "")).toList());
    }

    @Test
    void namesEveryComputableClauseWithoutAWorkedCase() throws IOException {
        Path root = copy();
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), null);
        assertThat(messages(r, root)).contains("city/document.yaml:19: clause 4.1: has no worked case", "district/document.yaml:36: clause 9: has no worked case");
    }

    @Test
    void runsTheWorkedCasesAndReportsAWrongFigureWithItsLine() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("district/cases.yaml"), """
                - name: 展位费3000元得0.21分
                  asOf: 2026-06-01
                  enterprise: {district: 通州区}
                  facts: [{type: overseas_exhibition, date: 2026-04-01, booth_fee: 3000}]
                  expect: [{clause: "district:9", figure: 0.21, kind: definite, split: {通州区财政: 0.21}}]
                - name: a wrong figure
                  asOf: 2026-06-01
                  enterprise: {district: 通州区}
                  facts: [{type: overseas_exhibition, date: 2026-04-01, booth_fee: 3000}]
                  expect: [{clause: "district:9", figure: 0.3, kind: definite}]
                """);
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), null);
        assertThat(r.cases()).isEqualTo(2);
        assertThat(r.casesPassed()).isEqualTo(1);
        assertThat(messages(r, root)).contains("district/cases.yaml:6: case 'a wrong figure': district:9: expected figure 0.3, got 0.2100");
        assertThat(messages(r, root)).doesNotContain("clause 9: has no worked case");
    }

    @Test
    void findsAMatterTwoDocumentsRewardWithoutAStackingRule() throws IOException {
        Path root = copy();
        String doc = Files.readString(root.resolve("district/document.yaml"));
        Files.writeString(root.resolve("district/document.yaml"), doc.replace("stacking:\n  - {rule: not-twice, among: this-and-higher, quote: 除本政策特别注明外，上级和本级政策不重复享受。}\n", ""));
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), null);
        assertThat(messages(r, root)).contains("district/document.yaml:41: clause 17: matter 'fund-investment' is also rewarded by city:47, and no stacking rule of either document relates them");
    }

    @Test
    void findsAClauseThatDoesNotQuoteItsSourceVerbatim() throws IOException {
        Path root = copy();
        Path sources = Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(sources.resolve("000_c0aede4cc44a3ca6.txt"), "对集成电路设计企业开展的流片验证，按照不超过单款产品首轮流片费用的30%、\n给予最高200万元补助，同一企业每年累计最高1000万元。");
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), sources);
        assertThat(messages(r, root)).contains("city/document.yaml:33: clause 47.text: is not verbatim from 000_c0aede4cc44a3ca6.txt")
                .doesNotContain("clause 4.1.text");
    }

    @Test
    void findsAConditionOnAnIndustryNoProfileMayHold() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("terms.yaml"), "industries: [集成电路]\nqualifications: [高新技术企业]\n");
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), null);
        assertThat(messages(r, root)).contains("city/document.yaml:19: clause 4.1.conditions: enterprise.industries: 未知的产业“集成电路设计”，是否指“集成电路”？");
    }
}
