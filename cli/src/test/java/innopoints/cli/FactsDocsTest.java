package innopoints.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/facts.md and docs/scenario.schema.json are generated from the vocabulary and stay in step with it. */
class FactsDocsTest {
    @Test
    void keepsDocsFactsMdInStepWithTheVocabulary() throws IOException {
        Cli r = Cli.run("facts");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(Cli.ROOT.resolve("docs/facts.md")))
                .as("docs/facts.md is stale: run ./innopoints facts > docs/facts.md").isEqualTo(r.out());
    }

    @Test
    void keepsTheSchemaInStepAndEveryExampleValidAgainstIt() throws IOException {
        Cli r = Cli.run("facts", "--schema");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(Cli.ROOT.resolve("docs/scenario.schema.json")))
                .as("docs/scenario.schema.json is stale: run ./innopoints facts --schema > docs/scenario.schema.json").isEqualTo(r.out());
        ObjectMapper m = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(m.readTree(r.out()));
        try (var files = Files.list(Cli.ROOT.resolve("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("fund-")).toList()) {
                Set<ValidationMessage> errors = schema.validate(m.readTree(f.toFile()));
                assertThat(errors).as(f.toString()).isEmpty();
            }
        }
        JsonNode bad = m.readTree("{\"asOf\": \"2026-01-01\", \"enterprise\": {}, \"facts\": [{\"type\": \"ic_tape_out\", \"date\": \"2026-01-01\", \"product\": \"X\"}]}");
        assertThat(schema.validate(bad)).isNotEmpty();
    }
}
