package innopoints.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one list's contract: every article of every document, with its exact words. */
class ListCommandTest {
    static final String CITY = "关于加快推动科技创新和产业创新融合发展的若干政策措施";
    static final String TONGZHOU = "通州区加快培育新质生产力推动产创深度融合发展的若干政策措施";
    static final String FUTURE = "关于加快培育发展未来产业的实施意见";

    static JsonNode list(String... args) throws IOException {
        String[] all = new String[args.length + 2];
        all[0] = "list";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        Cli r = Cli.run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static Set<String> articles(JsonNode rows, String document) {
        Set<String> out = new TreeSet<>();
        for (JsonNode r : rows) if (r.get("document").asText().equals(document)) out.add(r.get("article").asText());
        return out;
    }

    @Test
    void listsAllFiftyArticlesOfTheCityPolicy() throws IOException {
        Set<String> articles = articles(list(), CITY);
        for (int i = 1; i <= 50; i++) assertThat(articles).as("article " + i).contains(String.valueOf(i));
    }

    @Test
    void listsAllTwentyOneArticlesOfTongzhouInPointsWithItsGeneralProvisions() throws IOException {
        JsonNode rows = list();
        Set<String> articles = articles(rows, TONGZHOU);
        for (int i = 1; i <= 21; i++) assertThat(articles).as("article " + i).contains(String.valueOf(i));
        assertThat(articles).contains("七.1", "七.2", "七.3");
        for (JsonNode r : rows) if (r.get("document").asText().equals(TONGZHOU)) assertThat(r.get("unit").asText()).isEqualTo("points");
    }

    @Test
    void listsTheFutureIndustriesMoneyClausesAsADraft() throws IOException {
        JsonNode rows = list("--status", "draft");
        assertThat(rows).isNotEmpty();
        int computable = 0;
        for (JsonNode r : rows) {
            assertThat(r.get("document").asText()).isEqualTo(FUTURE);
            if (r.get("computable").asBoolean()) computable++;
        }
        assertThat(computable).isGreaterThanOrEqualTo(20);
    }

    @Test
    void givesEveryClauseTheFieldsOfTheContract() throws IOException {
        for (JsonNode r : list()) {
            assertThat(r.get("document").isTextual()).isTrue();
            assertThat(r.get("article").isTextual()).isTrue();
            assertThat(r.get("status").asText()).isIn("in-force", "draft", "expired");
            assertThat(r.get("unit").asText()).isIn("yuan", "points");
            assertThat(r.get("computable").isBoolean()).isTrue();
            assertThat(r.get("departments").isArray()).isTrue();
            assertThat(r.get("text").asText()).isNotBlank();
        }
    }

    @Test
    void quotesEveryClauseVerbatimFromItsSource() throws IOException {
        // The source texts live beside the repository (../shared/seeds), not in it: without them there is nothing to compare.
        org.junit.jupiter.api.Assumptions.assumeTrue(Cli.haveSeeds(), "no source texts at " + Cli.SEEDS);
        StringBuilder corpus = new StringBuilder();
        try (Stream<Path> files = Files.list(Cli.SEEDS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                corpus.append(Files.readString(f, StandardCharsets.UTF_8).replaceAll("\\s+", ""));
            }
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode r : list()) {
            String text = r.get("text").asText().replaceAll("\\s+", "");
            if (corpus.indexOf(text) < 0) missing.add(r.get("clause").asText());
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void filtersByDocumentDepartmentBeneficiaryAndIndustry() throws IOException {
        for (JsonNode r : list("--department", "市工信局")) {
            List<String> d = new ArrayList<>();
            r.get("departments").forEach(x -> d.add(x.asText()));
            assertThat(d).anyMatch(x -> x.contains("市工信局"));
        }
        assertThat(list("--document", "tongzhou-2026")).allSatisfy(r -> assertThat(r.get("document").asText()).isEqualTo(TONGZHOU));
        assertThat(list("--beneficiary", "fund-manager")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("beneficiaries").toString()).contains("fund-manager"));
        assertThat(list("--industry", "集成电路")).isNotEmpty();
    }

    @Test
    void printsCsvWithAHeaderAndOneRowPerClause() throws IOException {
        int clauses = list().size();
        Cli r = Cli.run("list", "--csv");
        String[] lines = r.out().split("\r\n");
        assertThat(lines[0]).contains("document,documentId,article,clause");
        assertThat(lines).hasSize(clauses + 1);
    }

    @Test
    void refusesAnUnknownStatusWithAMessage() {
        Cli r = Cli.run("list", "--status", "active");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--status must be in-force, draft or expired");
    }
}
