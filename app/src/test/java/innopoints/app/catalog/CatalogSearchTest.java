package innopoints.app.catalog;

import innopoints.app.catalog.CatalogSearch.Hit;
import innopoints.app.catalog.CatalogSearch.Query;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.app.support.ServiceTest;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.text.Collator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ServiceTest
class CatalogSearchTest {
    static final String TAPE_OUT = "city-2025:4.1";
    static final String DRAFT_TAPE_OUT = "future-draft:ic.1";

    @Autowired CatalogSearch search;
    @Autowired Policies policies;

    @Test
    void findsTheTapeOutClauseFirstForTapeOut() {
        PageQuery.Page<Hit> page = search.search(Query.text("流片"));

        assertThat(refs(page.items())).containsExactly(TAPE_OUT, DRAFT_TAPE_OUT);
        assertThat(page.sort()).isEqualTo(CatalogSearch.RELEVANCE);
    }

    @Test
    void aTitleMatchOutranksAMentionInPassingEarlierInThePack() {
        List<String> hits = refs(search.all(Query.text("知识产权")));
        Clause first = policies.clause(hits.getFirst());

        assertThat(first.title()).contains("知识产权");
        assertThat(policies.clause("city-2025:31.1").title()).doesNotContain("知识产权");
        assertThat(hits).contains("city-2025:31.1");
        assertThat(hits.getFirst()).isNotEqualTo("city-2025:31.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"流片", "首轮流片", "高新技术企业", "研发", "算力", "知识产权", "补助", "EDA"})
    void findsEveryClauseWhoseWordsContainTheTerm(String term) {
        List<String> containing = clauses().stream().filter(c -> c.text().contains(term)).map(Clause::ref).toList();

        assertThat(containing).isNotEmpty();
        assertThat(refs(search.all(Query.text(term)))).containsAll(containing);
    }

    @Test
    void anEmptyQueryListsEveryClauseInPackOrder() {
        List<Hit> all = search.all(Query.text("  "));

        assertThat(refs(all)).containsExactlyElementsOf(clauses().stream().map(Clause::ref).toList());
        assertThat(all).hasSize(clauses().size());
    }

    @Test
    void aDepartmentFilterKeepsOnlyClausesThatDepartmentIsResponsibleFor() {
        List<Hit> hits = search.all(new Query(null, null, null, null, "区科技局", null, null));

        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.clause().departments()).contains("区科技局"));
        assertThat(hits).hasSize((int) clauses().stream().filter(c -> c.departments().contains("区科技局")).count());
    }

    @Test
    void aStatusFilterKeepsOnlyTheDraftsClauses() {
        List<Hit> drafts = search.all(new Query(null, null, null, null, null, "draft", null));

        assertThat(drafts).isNotEmpty().allSatisfy(h -> assertThat(h.document().status()).isEqualTo(Status.DRAFT));
        assertThat(drafts).hasSize(policies.pack().document("future-draft").clauses().size());
        assertThat(refs(search.all(new Query("流片", null, null, null, null, "in-force", null)))).containsExactly(TAPE_OUT);
    }

    @Test
    void filtersCombine() {
        List<Hit> hits = search.all(new Query(null, "city-2025", "集成电路", "enterprise", "市工信局", "in-force", null));

        assertThat(hits).isNotEmpty().allSatisfy(h -> {
            assertThat(h.document().id()).isEqualTo("city-2025");
            assertThat(h.clause().industries()).contains("集成电路");
            assertThat(h.clause().departments()).contains("市工信局");
        });
        assertThat(refs(hits)).contains(TAPE_OUT);
    }

    @Test
    void pagesCutThePackOrderAndCountEverything() {
        List<String> order = clauses().stream().map(Clause::ref).toList();

        PageQuery.Page<Hit> second = search.search(new Query(null, null, null, null, null, null, new PageQuery(2, 20, null, false)));
        PageQuery.Page<Hit> last = search.search(new Query(null, null, null, null, null, null, new PageQuery(10, 20, null, false)));
        PageQuery.Page<Hit> beyond = search.search(new Query(null, null, null, null, null, null, new PageQuery(11, 20, null, false)));

        assertThat(refs(second.items())).containsExactlyElementsOf(order.subList(20, 40));
        assertThat(second.total()).isEqualTo(order.size());
        assertThat(second.pages()).isEqualTo(10);
        assertThat(refs(last.items())).containsExactlyElementsOf(order.subList(180, order.size()));
        assertThat(beyond.items()).isEmpty();
    }

    @Test
    void sortsByTitleInPinyinOrderAndReversesOnDescending() {
        Collator pinyin = Collator.getInstance(Locale.CHINA);

        List<String> up = search.all(new Query(null, null, null, null, null, null, new PageQuery(1, 20, "title", false)))
                .stream().map(h -> h.clause().title()).toList();
        List<String> down = search.all(new Query(null, null, null, null, null, null, new PageQuery(1, 20, "title", true)))
                .stream().map(h -> h.clause().title()).toList();

        assertThat(up).hasSize(clauses().size()).isSortedAccordingTo(pinyin::compare);
        assertThat(down).isSortedAccordingTo((a, b) -> pinyin.compare(b, a));
    }

    @Test
    void sortsByPackOrderDescending() {
        List<String> order = clauses().stream().map(Clause::ref).toList();

        PageQuery.Page<Hit> first = search.search(new Query(null, null, null, null, null, null, new PageQuery(1, 3, "order", true)));

        assertThat(refs(first.items())).containsExactlyElementsOf(order.reversed().subList(0, 3));
    }

    @Test
    void relevanceWithoutTextFallsBackToPackOrder() {
        PageQuery.Page<Hit> page = search.search(new Query(null, null, null, null, null, null, new PageQuery(1, 5, "relevance", false)));

        assertThat(page.sort()).isEqualTo(CatalogSearch.ORDER);
        assertThat(refs(page.items())).containsExactlyElementsOf(clauses().stream().map(Clause::ref).limit(5).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"(\" AND [", "title:流片", "流片~2", "*", "?", "\\", "a OR b)", "{流片}", "+-!^&&||", "：（【"})
    void queriesWithLuceneSyntaxAreJustText(String q) {
        PageQuery.Page<Hit> page = search.search(Query.text(q));

        assertThat(page.total()).isEqualTo(page.items().size());
    }

    @Test
    void quotesAroundATermStillFindIt() {
        assertThat(refs(search.all(Query.text("\"流片\"")))).first().isEqualTo(TAPE_OUT);
        assertThat(refs(search.all(Query.text("(流片)")))).first().isEqualTo(TAPE_OUT);
    }

    @Test
    void everyTermOfSeveralMustMatch() {
        assertThat(refs(search.all(Query.text("流片 征求意见稿")))).isEmpty();
        assertThat(refs(search.all(Query.text("流片　芯片")))).containsExactly(DRAFT_TAPE_OUT);
    }

    @Test
    void theSnippetMarksTheMatchedWords() {
        Hit first = search.search(Query.text("流片")).items().getFirst();

        assertThat(first.snippet().segments()).filteredOn(Snippet.Segment::matched)
                .extracting(Snippet.Segment::text).containsExactly("流片", "流片");
        assertThat(String.join("", first.snippet().segments().stream().map(Snippet.Segment::text).toList()))
                .isEqualTo(first.clause().text());
    }

    @Test
    void unknownFilterValuesAreRefusedNamingEachField() {
        assertThatThrownBy(() -> search.search(new Query(null, "nope", "不存在的产业", "alien", "外星局", "gone", new PageQuery(1, 20, "price", false))))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("没有文件“nope”");
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("document", "industry", "beneficiary", "department", "status", "sort");
                });
    }

    @Test
    void anOverlongQueryIsRefused() {
        assertThatThrownBy(() -> search.search(Query.text("流片".repeat(40))))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("q"));
    }

    @Test
    void facetsOfferWhatThePackHas() {
        Facets facets = search.facets();

        assertThat(facets.documents()).extracting(Facets.Option::key).containsExactly("city-2025", "tongzhou-2026", "future-draft");
        assertThat(facets.departments()).contains("区科技局", "市工信局").doesNotHaveDuplicates();
        assertThat(facets.industries()).contains("集成电路");
        assertThat(facets.beneficiaries()).extracting(Facets.Option::key).contains("enterprise", "district");
        assertThat(facets.statuses()).extracting(Facets.Option::key).containsExactly("in-force", "draft");
    }

    private List<Clause> clauses() {
        return StreamSupport.stream(policies.pack().clauses().spliterator(), false).toList();
    }

    private static List<String> refs(List<Hit> hits) {
        return hits.stream().map(h -> h.clause().ref()).toList();
    }
}
