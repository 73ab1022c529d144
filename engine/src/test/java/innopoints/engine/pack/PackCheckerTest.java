package innopoints.engine.pack;

import innopoints.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private static final String MATTERS = """
            matters:
              ic-tape-out: {term: 流片验证, reading: 两份市级文件补助同一次流片}
              cmmm: {term: 国家智能制造成熟度（CMMM）评估}
              overseas-exhibition: {term: 参加境外展会}
              fund-investment: {term: 股权投资基金管理机构累计投资, reading: 同一笔投资计入两者的累计额}
            """;

    private static List<Problem> overlaps(Path root) {
        LoadedPack loaded = PackLoader.load(root);
        assertThat(loaded.problems()).isEmpty();
        return PackChecker.overlaps(loaded.pack());
    }

    @Test
    void aPackWhoseSharedMattersAllHaveAStackingRuleHasNoOverlapProblem() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("matters.yaml"), MATTERS);
        assertThat(overlaps(root)).isEmpty();
        assertThat(messages(PackChecker.check(PackLoader.load(root), null), root)).doesNotContain("matters.yaml", "stacking rule");
    }

    @Test
    void findsAMatterTwoDocumentsRewardWithoutAStackingRule() throws IOException {
        Path root = copy();
        String doc = Files.readString(root.resolve("district/document.yaml"));
        Files.writeString(root.resolve("district/document.yaml"), doc.replace("stacking:\n  - {rule: not-twice, among: this-and-higher, quote: 除本政策特别注明外，上级和本级政策不重复享受。}\n", ""));
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), null);
        assertThat(messages(r, root)).contains("district/document.yaml:41: clause 17: matter 'fund-investment' of district:17 is also rewarded by city:47 (city/document.yaml:33), "
                + "and no stacking rule of either document relates them: no text says whether both can be enjoyed");
    }

    @Test
    void asksWhetherTwoClausesOneFactTriggersUnderAStackingRuleAreTheSameMatter() throws IOException {
        Path root = copy();
        String doc = Files.readString(root.resolve("district/document.yaml"));
        Files.writeString(root.resolve("district/document.yaml"), doc.replace("matter: fund-investment", "matter: early-investment"));
        Files.writeString(root.resolve("matters.yaml"), MATTERS + "  early-investment: {term: 投早投小投硬科技}\n");
        List<Problem> found = overlaps(root);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).toString().replace(root + "/", "")).isEqualTo("district/document.yaml:43: clause 17: district:17 (matter 'early-investment') and city:47 "
                + "(city/document.yaml:33, matter 'fund-investment') are triggered by the same fact type 'fund_investment' under a stacking rule; "
                + "say in matters.yaml whether they are the same matter (one matter id, or a distinct entry with its reading)");
    }

    @Test
    void aDistinctEntryAnswersTheQuestion() throws IOException {
        Path root = copy();
        String doc = Files.readString(root.resolve("district/document.yaml"));
        Files.writeString(root.resolve("district/document.yaml"), doc.replace("matter: fund-investment", "matter: early-investment"));
        Files.writeString(root.resolve("matters.yaml"), MATTERS + "  early-investment: {term: 投早投小投硬科技}\n"
                + "distinct:\n  - {clauses: [\"district:17\", \"city:47\"], reading: 区级只计种子期、初创期科技型企业}\n");
        assertThat(overlaps(root)).isEmpty();
    }

    @Test
    void findsAPairDeclaredDistinctThatNamesOneMatter() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("matters.yaml"), MATTERS + "distinct:\n  - {clauses: [\"city:47\", \"district:17\"], reading: 不同}\n");
        assertThat(overlaps(root)).extracting(p -> p.toString().replace(root + "/", ""))
                .containsExactly("district/document.yaml:43: clause 17: district:17 and city:47 are declared distinct in matters.yaml but name the same matter 'fund-investment'");
    }

    @Test
    void asksWhyAMatterSharedByTwoDocumentsIsOne() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("matters.yaml"), MATTERS.replace("{term: 股权投资基金管理机构累计投资, reading: 同一笔投资计入两者的累计额}", "{term: 股权投资基金管理机构累计投资}"));
        assertThat(overlaps(root)).extracting(p -> p.toString().replace(root + "/", ""))
                .containsExactly("city/document.yaml:33: clause 47: matter 'fund-investment' of city:47 is shared with district:17 of another document; "
                        + "say in its reading in matters.yaml why they reward the same thing");
    }

    @Test
    void documentsOfUnrelatedLevelsMayShareAFactTypeWithoutBeingAsked() throws IOException {
        Path root = copy();
        String doc = Files.readString(root.resolve("district/document.yaml"));
        Files.writeString(root.resolve("district/document.yaml"), doc
                .replace("stacking:\n  - {rule: not-twice, among: this-and-higher, quote: 除本政策特别注明外，上级和本级政策不重复享受。}\n", "")
                .replace("matter: fund-investment", "matter: early-investment"));
        Files.writeString(root.resolve("matters.yaml"), MATTERS + "  early-investment: {term: 投早投小投硬科技}\n");
        assertThat(overlaps(root)).isEmpty();
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

    @Test
    void findsAnIndustryNoProfileMayHoldInsideAnAnyOfConditions() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("terms.yaml"), "industries: [集成电路]\nqualifications: [高新技术企业]\n");
        Path city = root.resolve("city/document.yaml");
        Files.writeString(city, Files.readString(city).replace(
                "      - {field: enterprise.industries, contains: 集成电路设计, quote: 集成电路设计企业}",
                "      - any: [{field: enterprise.industries, contains: 集成电路, quote: 集成电路设计企业}, {field: enterprise.industries, contains: 芯片设计, quote: 集成电路设计企业}]\n        quote: 集成电路设计企业"));
        PackChecker.Report r = PackChecker.check(PackLoader.load(root), null);
        assertThat(messages(r, root)).contains("enterprise.industries: 未知的产业“芯片设计”");
    }
}
