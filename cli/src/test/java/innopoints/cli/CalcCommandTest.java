package innopoints.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** calc's contract: results with figure, unit, kind, split and an explanation quoting the words; exclusions with reasons. */
class CalcCommandTest {
    static final Path EXAMPLES = Cli.ROOT.resolve("examples");

    @TempDir
    Path dir;

    static JsonNode calc(Path scenario, String... more) throws IOException {
        String[] args = new String[more.length + 3];
        args[0] = "calc";
        args[1] = "--json";
        System.arraycopy(more, 0, args, 2, more.length);
        args[args.length - 1] = scenario.toString();
        Cli r = Cli.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void explainsEveryResultOfEveryExampleWithTheClausesWords() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("fund-")).toList()) {
                JsonNode out = calc(f);
                assertThat(out.get("results")).as(f.toString()).isNotEmpty();
                for (JsonNode r : out.get("results")) {
                    assertThat(r.get("document").asText()).isNotBlank();
                    assertThat(r.get("article").asText()).isNotBlank();
                    BigDecimal figure = new BigDecimal(r.get("figure").asText());
                    assertThat(r.get("unit").asText()).isIn("yuan", "points");
                    assertThat(r.get("kind").asText()).isIn("definite", "ceiling");
                    BigDecimal sum = BigDecimal.ZERO;
                    for (JsonNode part : r.get("split")) sum = sum.add(new BigDecimal(part.asText()));
                    assertThat(sum).as("split of " + r.get("clause")).isEqualByComparingTo(figure);
                    assertThat(r.get("explanation").asText()).contains(r.get("text").asText());
                }
                for (JsonNode e : out.get("excluded")) assertThat(e.get("reason").asText()).isNotBlank();
            }
        }
    }

    @Test
    void printsATableAndTheExplanationsForPeople() {
        Cli r = Cli.run("calc", EXAMPLES.resolve("ic-design-enterprise.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("条款", "金额", "资金分担", "说明：", "按“");
    }

    @Test
    void awardsNothingAndSaysWhyForAFactOutsideEveryWindow() throws IOException {
        Path f = dir.resolve("old.json");
        Files.writeString(f, """
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区", "industries": ["集成电路设计"]},
                 "facts": [{"type": "ic_tape_out", "date": "2024-05-01", "product": "X", "first_round_cost": 5000000}]}
                """);
        JsonNode out = calc(f);
        assertThat(out.get("results")).isEmpty();
        assertThat(out.get("excluded")).isNotEmpty();
        for (JsonNode e : out.get("excluded")) assertThat(e.get("reason").asText()).isNotBlank();
    }

    @Test
    void refusesBadInputNamingTheFileLineAndFieldWithoutAStackTrace() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"asOf": "2026-03-01", "enterprise": {"district": "崇川区"},
                 "facts": [
                   {"type": "ic_tape_out", "date": "2026-02-30", "product": "X", "first_round_cost": -1},
                   {"type": "no_such_thing", "date": "2026-02-01"}
                 ]}
                """);
        Cli r = Cli.run("calc", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":3: facts[0].date: expected a date YYYY-MM-DD that exists, found '2026-02-30'",
                f + ":3: facts[0].first_round_cost: an amount cannot be negative, found -1",
                f + ":4: facts[1].type: unknown fact type 'no_such_thing'");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotThere() {
        Cli r = Cli.run("calc", dir.resolve("missing.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("missing.json: no such file");
    }
}
