package innopoints.engine.pack;

import innopoints.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** check names file, line and field for a broken any/all, comparison or cap per level. */
class ConditionAndCapFormatTest {
    @TempDir
    Path dir;

    private Path copy() {
        try {
            return Fixtures.copyTree(Path.of(getClass().getResource("/conditions/pack.yaml").toURI()).getParent(), dir);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path broken(String from, String to) throws IOException {
        Path root = copy();
        Path file = root.resolve("city/document.yaml");
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
        return root;
    }

    private List<String> problems(Path root) {
        return PackLoader.load(root).problems().stream().map(p -> p.toString().replace(root + "/", "")).toList();
    }

    @Test
    void loadsTheConditionsPackWithoutProblems() {
        assertThat(problems(copy())).isEmpty();
    }

    @Test
    void anyNeedsAtLeastTwoConditions() throws IOException {
        Path root = broken("""
                          - all:
                              - {field: category, equals: 现代物流, quote: 现代物流}
                              - {field: investment, atLeast: 20000000, quote: （现代物流2000万元及以上）}
                            quote: （现代物流2000万元及以上）
                """, "");
        assertThat(problems(root)).containsExactly("city/document.yaml:20: clauses[0].conditions[0].any: any joins at least two conditions, found 1");
    }

    @Test
    void aConditionJoinsWithAnyOrAllNotBoth() throws IOException {
        Path root = broken("        quote: 实际完成投资1000万元及以上（现代物流2000万元及以上）\n",
                "        all: [{field: category, equals: 现代物流, quote: 现代物流}]\n        quote: 实际完成投资1000万元及以上（现代物流2000万元及以上）\n");
        assertThat(problems(root)).containsExactly("city/document.yaml:19: clauses[0].conditions[0]: a condition joins others with any or all, not both; nest one inside the other");
    }

    @Test
    void aJoinedConditionNeedsItsQuote() throws IOException {
        Path root = broken("        quote: 实际完成投资1000万元及以上（现代物流2000万元及以上）\n", "");
        assertThat(problems(root)).containsExactly("city/document.yaml:19: clauses[0].conditions[0].quote: is required");
    }

    @Test
    void aNestedConditionsQuoteMustBePartOfTheText() throws IOException {
        Path root = broken("quote: 科技服务、软信服务}", "quote: 科技服务和软信服务}");
        assertThat(problems(root)).containsExactly("city/document.yaml:21: clauses[0].conditions[0].any[0].all[0].quote: the quote '科技服务和软信服务' is not part of the clause's text");
    }

    @Test
    void aNestedConditionOnAFieldTheFactLacksIsReportedWhereItStands() throws IOException {
        Path root = broken("{field: investment, atLeast: 20000000,", "{field: invest, atLeast: 20000000,");
        assertThat(problems(root)).containsExactly("city/document.yaml:26: clauses[0].conditions[0].any[1].all[1]: 'invest' is not a field of fact type service_project_investment");
    }

    @Test
    void aComparisonNamesAFieldOfTheFact() throws IOException {
        Path root = broken("below: {field: regulated_fee}", "below: {field: regulated_charge}");
        assertThat(problems(root)).containsExactly("city/document.yaml:60: clauses[3].conditions[0].below: 'regulated_charge' is not a field of fact type bridge_loan_service");
    }

    @Test
    void aNumericComparisonNeedsTwoNumbers() throws IOException {
        Path root = broken("below: {field: regulated_fee}", "below: {field: client}");
        assertThat(problems(root)).containsExactly("city/document.yaml:60: clauses[3].conditions[0].below: 'client' is not a number; below compares two numbers");
    }

    @Test
    void onlyEqualsAndTheNumericTestsCompareWithAnotherField() throws IOException {
        Path root = broken("below: {field: regulated_fee}", "in: {field: regulated_fee}");
        assertThat(problems(root)).containsExactly("city/document.yaml:60: clauses[3].conditions[0].in: in compares with a stated value; only equals, atLeast, above, atMost and below compare with another field");
    }

    @Test
    void aCapLevelMustBeAValueOfItsField() throws IOException {
        Path root = broken("levels: {注册专家: 5, 委员: 3}", "levels: {注册专家: 5, 评委: 3}");
        assertThat(problems(root)).containsExactly("city/document.yaml:72: clauses[4].caps[0].levels.评委: '评委' is not a value of role (注册专家、委员、其他专家)");
    }

    @Test
    void aCapHasOneAmountOrAmountsPerLevelNotBoth() throws IOException {
        Path root = broken("        field: role\n", "        field: role\n        amount: 5\n");
        assertThat(problems(root)).containsExactly("city/document.yaml:72: clauses[4].caps[0].amount: a cap has one amount or amounts per level (field and levels), not both");
    }

    @Test
    void aCapPerLevelNamesAFieldOfTheFact() throws IOException {
        Path root = broken("        field: role\n", "        field: rank\n");
        assertThat(problems(root)).containsExactly("city/document.yaml:71: clauses[4].caps[0].field: 'rank' is not a field of fact type standardization_expert");
    }

    @Test
    void aCapPerLevelNeedsItsField() throws IOException {
        Path root = broken("        field: role\n", "");
        assertThat(problems(root)).containsExactly("city/document.yaml:70: clauses[4].caps[0].field: is required");
    }
}
