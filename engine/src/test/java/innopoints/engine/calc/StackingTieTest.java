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
import static innopoints.engine.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Equal figures under "就高" are settled by the rule the pack states, never by the order of the pack. */
class StackingTieTest {
    private static final String TAPE_OUT = """
            asOf: 2026-06-01
            enterprise: {district: 崇川区, industries: [集成电路, 集成电路设计]}
            whatIf: {drafts: true, draftEffective: 2026-01-01}
            facts: [{type: ic_tape_out, date: 2026-02-10, product: X1, first_round_cost: 5000000}]
            """;

    @Test
    void equalFiguresWithoutAStatedTieRuleAreAChoice() {
        // city 4.1 and the draft's ic.1 both give 5,000,000 × 30% = 1,500,000
        Calculation c = calc(fixture(), TAPE_OUT);
        assertThat(c.results()).isEmpty();
        assertThat(c.choices()).singleElement().satisfies(ch -> {
            assertThat(ch.options()).extracting(Choice.Option::ref).containsExactlyInAnyOrder("city:4.1", "draft:ic.1");
            assertThat(ch.quote()).isEqualTo("同一事项涉及两个以上市级政策的，按照就高不重复原则予以落实。");
        });
    }

    @Test
    void equalFiguresGoToTheNewerDocumentWhenTheRuleSaysSo(@TempDir Path dir) throws IOException {
        Path pack = Fixtures.copyTree(Fixtures.fixtureDir(), dir.resolve("pack"));
        Path city = pack.resolve("city/document.yaml"), draft = pack.resolve("draft/document.yaml");
        Files.writeString(city, Files.readString(city).replace("quote: 同一事项涉及两个以上市级政策的，按照就高不重复原则予以落实。}",
                "quote: 同一事项涉及两个以上市级政策的，按照就高不重复原则予以落实。, tie: newer, tieQuote: 此前相关规定与本政策不一致的，以本政策为准。}"));
        Files.writeString(draft, Files.readString(draft).replace("level: city\n", "level: city\nissued: 2026-03-01\n"));
        Pack p = PackLoader.loadValid(pack);
        Calculation c = calc(p, TAPE_OUT);
        assertThat(c.choices()).isEmpty();
        assertThat(c.results()).extracting(r -> r.clause().ref()).containsExactly("draft:ic.1");
        assertThat(c.excluded()).anySatisfy(x -> {
            assertThat(x.clause().ref()).isEqualTo("city:4.1");
            assertThat(x.reasonKind()).isEqualTo(Exclusion.ReasonKind.STACKED);
            assertThat(x.reason()).contains("两者相等", "此前相关规定与本政策不一致的，以本政策为准。");
        });
    }
}
