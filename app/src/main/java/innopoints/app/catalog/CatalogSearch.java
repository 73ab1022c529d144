package innopoints.app.catalog;

import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.PageQuery;
import innopoints.app.platform.Policies;
import innopoints.engine.facts.Beneficiary;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Plain;
import innopoints.engine.policy.Status;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one list, searchable: every clause of the pack in an in-memory Lucene index built at
 * start-up, found by free Chinese text and narrowed by document, industry, beneficiary,
 * department and status. User text never reaches a query parser, so no input can break a search.
 */
@Component
public class CatalogSearch implements AutoCloseable {
    public static final String RELEVANCE = "relevance";
    public static final String ORDER = "order";
    public static final String TITLE = "title";
    static final int MAX_TEXT = 64;

    /** A search: free text and filters, each optional (blank is absent), with the page and sort. */
    public record Query(String q, String document, String industry, String beneficiary, String department,
                        String status, PageQuery page) {
        public Query {
            q = blankToNull(q);
            document = blankToNull(document);
            industry = blankToNull(industry);
            beneficiary = blankToNull(beneficiary);
            department = blankToNull(department);
            status = blankToNull(status);
            if (page == null) page = PageQuery.of(null, null, null, null);
        }

        public static Query text(String q) { return new Query(q, null, null, null, null, null, null); }

        public boolean hasText() { return q != null; }

        private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
    }

    /** A clause found, with its document, its rule in plain Chinese and its words around the matches. */
    public record Hit(Clause clause, Document document, String rule, Snippet snippet) {}

    private final Policies policies;
    private final Facets facets;
    private final Map<String, String> rules = new HashMap<>();
    private final ClauseIndex index;

    public CatalogSearch(Policies policies) {
        this.policies = policies;
        this.facets = Facets.of(policies.pack());
        policies.pack().clauses().forEach(c -> rules.put(c.ref(), Plain.rule(c, policies.documentOf(c).unit())));
        this.index = ClauseIndex.build(policies.pack(), rules::get);
    }

    public Facets facets() { return facets; }

    /** One page of the clauses that match, in the sort asked for. */
    public PageQuery.Page<Hit> search(Query q) {
        check(q);
        String sort = sortOf(q);
        ClauseIndex.Found found = index.search(query(q), sort, q.page().descending(), q.page().offset(), q.page().size());
        return new PageQuery.Page<>(hits(found, q), q.page().page(), q.page().size(), found.total(), sort, q.page().descending());
    }

    /** Every clause that matches, in the sort asked for, for an export. */
    public List<Hit> all(Query q) {
        check(q);
        return hits(index.search(query(q), sortOf(q), q.page().descending(), 0, Integer.MAX_VALUE), q);
    }

    private org.apache.lucene.search.Query query(Query q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(q.hasText() ? index.text(q.q()) : new MatchAllDocsQuery(), Occur.MUST);
        filter(b, ClauseIndex.DOCUMENT, q.document());
        filter(b, ClauseIndex.INDUSTRY, q.industry());
        filter(b, ClauseIndex.BENEFICIARY, q.beneficiary());
        filter(b, ClauseIndex.DEPARTMENT, q.department());
        filter(b, ClauseIndex.STATUS, q.status());
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null) b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }

    private List<Hit> hits(ClauseIndex.Found found, Query q) {
        List<String> words = q.hasText() ? index.highlights(q.q()) : List.of();
        List<Hit> out = new ArrayList<>(found.refs().size());
        for (String ref : found.refs()) {
            Clause c = policies.clause(ref);
            out.add(new Hit(c, policies.documentOf(c), rules.get(ref), Snippet.of(c.text(), words)));
        }
        return out;
    }

    private String sortOf(Query q) {
        String sort = q.page().sort();
        if (sort == null || sort.isBlank()) return q.hasText() ? RELEVANCE : ORDER;
        return sort.equals(RELEVANCE) && !q.hasText() ? ORDER : sort;
    }

    /** Refuses a filter value the pack does not have, naming the field, so a typo is not read as "nothing found". */
    private void check(Query q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.q() != null && q.q().length() > MAX_TEXT) errors.add(new FieldError("q", "搜索词不能超过" + MAX_TEXT + "个字"));
        if (q.document() != null && policies.pack().document(q.document()) == null) {
            errors.add(new FieldError("document", "没有文件“" + q.document() + "”"));
        }
        if (q.industry() != null && !facets.industries().contains(q.industry())) {
            errors.add(new FieldError("industry", "没有产业领域“" + q.industry() + "”"));
        }
        if (q.beneficiary() != null && Beneficiary.fromKey(q.beneficiary()) == null) {
            errors.add(new FieldError("beneficiary", "没有支持对象“" + q.beneficiary() + "”，可选：" + Beneficiary.keys()));
        }
        if (q.department() != null && !facets.departments().contains(q.department())) {
            errors.add(new FieldError("department", "没有责任部门“" + q.department() + "”"));
        }
        if (q.status() != null && Status.fromKey(q.status()) == null) {
            errors.add(new FieldError("status", "没有状态“" + q.status() + "”，可选："
                    + String.join(", ", Arrays.stream(Status.values()).map(s -> s.key() + "（" + s.label() + "）").toList())));
        }
        String sort = q.page().sort();
        if (sort != null && !sort.isBlank() && !List.of(RELEVANCE, ORDER, TITLE).contains(sort)) {
            errors.add(new FieldError("sort", "不能按“" + sort + "”排序，可选：relevance（相关度）, order（文件和条款顺序）, title（标题）"));
        }
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
    }

    @Override
    public void close() throws IOException { index.close(); }
}
