package innopoints.app.catalog;

import innopoints.app.catalog.Snippet.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSnippetTest {

    @Test
    void marksEveryOccurrenceOfEachWordJoiningAdjacentOnes() {
        Snippet s = Snippet.of("对流片验证，按首轮流片费用", List.of("流片", "费用"));

        assertThat(s.segments()).containsExactly(new Segment("对", false), new Segment("流片", true), new Segment("验证，按首轮", false),
                new Segment("流片费用", true));
        assertThat(s.html()).isEqualTo("对<mark>流片</mark>验证，按首轮<mark>流片费用</mark>");
    }

    @Test
    void escapesTheWordsInHtml() {
        Snippet s = Snippet.of("<script>alert('流片')</script> & co", List.of("流片"));

        assertThat(s.html()).isEqualTo("&lt;script&gt;alert(&#39;<mark>流片</mark>&#39;)&lt;/script&gt; &amp; co");
    }

    @Test
    void matchesLatinLettersInAnyCase() {
        assertThat(Snippet.of("租用EDA设计工具", List.of("eda")).html()).isEqualTo("租用<mark>EDA</mark>设计工具");
    }

    @Test
    void cutsALongTextToAWindowAroundTheFirstMatch() {
        String text = "甲".repeat(200) + "流片" + "乙".repeat(200);

        Snippet s = Snippet.of(text, List.of("流片"));

        String shown = String.join("", s.segments().stream().map(Segment::text).toList());
        assertThat(shown).startsWith("…甲").endsWith("乙…").contains("流片").hasSize(Snippet.WIDTH + 2);
    }

    @Test
    void showsTheBeginningWhenNothingMatches() {
        Snippet s = Snippet.of("甲".repeat(200), List.of("流片"));

        assertThat(s.segments()).containsExactly(new Segment("甲".repeat(Snippet.WIDTH), false), new Segment("…", false));
    }
}
