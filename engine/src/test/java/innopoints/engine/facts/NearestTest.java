package innopoints.engine.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The valid values offered for an unknown one: containment first, then small edit distance, a few at most. */
class NearestTest {
    static final List<String> DISTRICTS = List.of("海安市", "如皋市", "如东县", "启东市", "海门区", "通州区", "崇川区",
            "南通经济技术开发区", "苏锡通科技产业园区", "通州湾示范区", "南通创新区");

    @Test
    void offersTheValueThatStartsWithWhatWasWrittenFirst() {
        assertThat(Nearest.to("通州", DISTRICTS, 3)).containsExactly("通州区", "通州湾示范区");
    }

    @Test
    void offersAValueWithinASmallEditDistanceWhenNoneContainsIt() {
        assertThat(Nearest.to("种子其", List.of("种子期", "初创期", "成长期"), 3)).containsExactly("种子期");
    }

    @Test
    void offersNothingForAValueFarFromEveryValidOne() {
        assertThat(Nearest.to("北京市", DISTRICTS, 3)).isEmpty();
    }

    @Test
    void offersAtMostTheFewAskedFor() {
        assertThat(Nearest.to("南通", DISTRICTS, 2)).hasSize(2);
    }

    @Test
    void theMessageNamesTheValueTheGuessAndTheChoices() {
        assertThat(Nearest.unknown("地区", "通州", DISTRICTS))
                .startsWith("未知的地区“通州”，是否指“通州区”或“通州湾示范区”？可选：海安市、如皋市")
                .contains("南通创新区");
    }
}
