package innopoints.engine.pack;

import innopoints.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** check fails, with file and line, on broken copies of a pack. */
class PackLoaderTest {
    @TempDir
    Path dir;

    private Path copy() {
        return Fixtures.copyTree(Fixtures.fixtureDir(), dir);
    }

    private void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    private List<String> problems(Path root) {
        return PackLoader.load(root).problems().stream().map(p -> p.toString().replace(root + "/", "")).toList();
    }

    @Test
    void loadsTheFixtureWithoutProblems() {
        assertThat(PackLoader.load(Fixtures.fixtureDir()).problems()).isEmpty();
    }

    @Test
    void reportsAYamlSyntaxErrorWithItsLine() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    departments: [市工信局]", "    departments: [市工信局");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).startsWith("city/document.yaml:2").contains("not valid YAML/JSON"));
    }

    @Test
    void reportsAnUnknownFactKeyWithItsLine() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    fact: ic_tape_out", "    fact: ic_tapeout");
        assertThat(problems(root)).contains("city/document.yaml:26: clauses[0].fact: unknown fact type 'ic_tapeout' (not in facts/*.yaml)");
    }

    @Test
    void reportsAFieldTheFactTypeLacks() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "base: first_round_cost", "base: first_round_fee");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).startsWith("city/document.yaml:29: clauses[0].award.base: 'first_round_fee' is not a field of fact type ic_tape_out"));
    }

    @Test
    void reportsAMisspeltFieldOfTheFormat() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    departments: [市工信局]", "    departements: [市工信局]");
        assertThat(problems(root)).contains("city/document.yaml:23: clauses[0].departements: unknown field 'departements'");
    }

    @Test
    void reportsAQuoteThatIsNotTheClausesWords() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "maxQuote: 给予最高200万元补助}", "maxQuote: 给予最高300万元补助}");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).contains("maxQuote: the quote '给予最高300万元补助' is not part of the clause's text"));
    }

    @Test
    void reportsWrongTypesAndUnknownEnumValues() throws IOException {
        Path root = copy();
        replace(root.resolve("district/document.yaml"), "per: 2000, amount: 0.14", "per: 两千, amount: 0.14");
        replace(root.resolve("district/document.yaml"), "status: in-force", "status: active");
        assertThat(problems(root)).contains(
                "district/document.yaml:6: status: expected in-force, draft or expired, found 'active'",
                "district/document.yaml:42: clauses[1].award.per: expected a number, found '两千'");
    }

    @Test
    void reportsAFactTypeDefinedTwice() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("facts/more.yaml"), "ic_tape_out:\n  term: 流片\n");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).startsWith("facts/more.yaml:2: ic_tape_out: fact type 'ic_tape_out' is already defined in"));
    }
    @Test
    void refusesARewardToADistrictWithoutItsOwnFunding() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    beneficiary: fund-manager", "    beneficiary: district");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).startsWith("city/document.yaml:")
                .contains("clause city:47 rewards a district or park (beneficiary district): state its funding explicitly"));
    }

    @Test
    void acceptsARewardToAParkWithItsOwnFundingAndReading() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    beneficiary: fund-manager",
                "    beneficiary: park\n    funding: {shares: {市级财政: 1}, quote: 给予基金管理机构50万元奖励, reading: 奖励对象为园区本身，由市级财政全额承担}");
        assertThat(problems(root)).isEmpty();
    }

    @Test
    void refusesTheFundingOfADistrictRewardWithoutAReading() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    beneficiary: fund-manager",
                "    beneficiary: district\n    funding: {shares: {市级财政: 1}, quote: 给予基金管理机构50万元奖励}");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).contains("clauses[1].funding: the funding of a clause that rewards a district or park needs a reading"));
    }

    @Test
    void refusesACountedLimitOnAFieldThatIsNotANumber() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "      - {per: product, amount: 2000000, quote: 单款产品首轮流片费用}",
                "      - {per: product, amount: 2000000, quote: 单款产品首轮流片费用}\n    counted:\n      - {field: product, max: 3, per: project, unit: 个, quote: 单款产品首轮流片费用}");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).contains("counted[0].field: 'product' is not a number"));
    }

    @Test
    void refusesACountedLimitWhoseQuoteIsNotTheClausesWords() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "      - {per: product, amount: 2000000, quote: 单款产品首轮流片费用}",
                "      - {per: product, amount: 2000000, quote: 单款产品首轮流片费用}\n    counted:\n      - {max: 3, per: enterprise, period: year, quote: 最多3次}");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).contains("counted[0].quote: the quote '最多3次' is not part of the clause's text"));
    }

    @Test
    void refusesATransitionWhosePartsAreNotItsWords() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "clauses:\n", """
                transition:
                  quote: 业务主管部门已发布申报通知、组织申报审核的，按照原政策条款执行；业务主管部门未发布申报通知，且该项目在现行政策中继续延续的，按相关政策条款执行。
                  oldPolicyQuote: 按照原政策条款执行
                  currentPolicyQuote: 按新政策执行
                  reachesBack: 2026-01-01
                  reading: 测试
                clauses:
                """);
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).contains("transition.currentPolicyQuote: the quote '按新政策执行' is not part of the transition's quote"))
                .anySatisfy(p -> assertThat(p).contains("transition.reachesBack: reachesBack (2026-01-01) must be before the effective date (2025-10-13)"));
    }

    @Test
    void refusesAClauseMarkedNewInADocumentWithoutATransition() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "    matter: ic-tape-out\n", "    matter: ic-tape-out\n    transition: {continued: false, reading: 新设}\n");
        assertThat(problems(root)).anySatisfy(p -> assertThat(p).contains("marks an item new in a document with a transition provision; this document has none"));
    }

    @Test
    void aClauseIdTheNantongPackReplacedStillFindsTheClauseThatReplacedIt() {
        innopoints.engine.policy.Pack nantong = PackLoader.loadValid(Fixtures.nantongDir());
        assertThat(nantong.clause("city-2025:29.3").ref()).isEqualTo("city-2025:29.1");
        assertThat(nantong.clause("city-2025:26.3").ref()).isEqualTo("city-2025:26.2");
        assertThat(nantong.clause("tongzhou-2026:11.4").ref()).isEqualTo("tongzhou-2026:11.3");
        assertThat(java.util.stream.StreamSupport.stream(nantong.clauses().spliterator(), false).map(c -> c.ref()))
                .doesNotContain("city-2025:29.3");
    }

    @Test
    void aReplacedIdUsedAgainInTheDocumentIsReported() throws IOException {
        Path root = copy();
        replace(root.resolve("city/document.yaml"), "  - id: \"4.1\"\n", "  - id: \"4.1\"\n    formerly: [\"47\"]\n    reading: 两条并为一条\n");
        assertThat(problems(root)).anyMatch(p -> p.contains("clause id '47'"));
    }
}
