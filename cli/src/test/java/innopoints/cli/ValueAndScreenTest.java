package innopoints.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValueAndScreenTest {
    @TempDir
    Path dir;

    @Test
    void valuesTheExampleFundsPointsAndKeepsTheRemainder() throws IOException {
        Cli r = Cli.run("value", "--json", Cli.ROOT.resolve("examples/fund-tongzhou-science.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(r.out());
        assertThat(v.get("document").asText()).isEqualTo(ListCommandTest.TONGZHOU);
        assertThat(new java.math.BigDecimal(v.get("pointValue").asText())).isLessThanOrEqualTo(new java.math.BigDecimal("10000"));
        java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
        for (JsonNode p : v.get("payments")) paid = paid.add(new java.math.BigDecimal(p.get("yuan").asText()));
        assertThat(paid.add(new java.math.BigDecimal(v.get("remainder").asText()))).isEqualByComparingTo(v.get("budget").asText());
    }

    @Test
    void refusesAFundWithNegativePoints() throws IOException {
        Path f = dir.resolve("fund.json");
        Files.writeString(f, "{\"fund\": \"x\", \"document\": \"tongzhou-2026\", \"budget\": 100,\n \"holders\": [{\"name\": \"甲\", \"points\": -1}]}");
        Cli r = Cli.run("value", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":2: holders[0].points: points cannot be negative");
    }

    @Test
    void generatesAPopulationFileThatScreensLikeTheInMemoryOne() throws IOException {
        Path pop = dir.resolve("pop.jsonl");
        Cli g = Cli.run("generate", "--count", "300", "--seed", "5", "--out", pop.toString());
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(Files.readAllLines(pop)).hasSize(300);
        Cli fromFile = Cli.run("screen", "--population", pop.toString(), "--as-of", "2026-11-23", "--json");
        Cli inMemory = Cli.run("screen", "--generate", "300", "--seed", "5", "--as-of", "2026-11-23", "--json");
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(inMemory.code()).as(inMemory.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(fromFile.out()), b = m.readTree(inMemory.out());
        assertThat(a.get("clauses")).isEqualTo(b.get("clauses"));
        assertThat(a.get("withAward").asLong()).isPositive();
    }
}
