package innopoints.app.catalog;

import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import innopoints.engine.policy.Status;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Lucene side of the catalog. Each searched field is indexed twice: by SmartChineseAnalyzer
 * (words, for ranking) and as CJK bigrams (for recall: the segmenter cuts "首轮流片" as 首/轮流/片,
 * so only bigrams guarantee that a clause whose words contain "流片" is found).
 */
final class ClauseIndex implements AutoCloseable {
    static final String REF = "ref";
    static final String DOCUMENT = "document";
    static final String INDUSTRY = "industry";
    static final String BENEFICIARY = "beneficiary";
    static final String DEPARTMENT = "department";
    static final String STATUS = "status";
    private static final String POSITION = "position";
    private static final String TITLE_ORDER = "titleOrder";
    private static final String EXACT = ".exact";
    private static final float IN_FORCE_BOOST = 1.25f;

    /** The fields free text is matched against, and how much a match in each counts. */
    private enum Searched {
        TEXT("text", 2f), TITLE("title", 3f), RULE("rule", 1f), FACT("fact", 1.5f), DOCUMENT_TITLE("documentTitle", 0.5f);

        final String field;
        final float boost;

        Searched(String field, float boost) {
            this.field = field;
            this.boost = boost;
        }
    }

    /** The refs of one page of matches, best first, and how many matched in all. */
    record Found(List<String> refs, long total) {}

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder words;
    private final QueryBuilder bigrams;

    private ClauseIndex(Directory directory, Analyzer words, Analyzer bigrams) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.words = new QueryBuilder(words);
        this.bigrams = new QueryBuilder(bigrams);
    }

    static ClauseIndex build(Pack pack, Function<String, String> ruleOf) {
        Analyzer words = new SmartChineseAnalyzer();
        Directory dir = new ByteBuffersDirectory();
        try (Analyzer indexBigrams = bigrams(true)) {
            Map<String, Analyzer> exact = new HashMap<>();
            for (Searched s : Searched.values()) exact.put(s.field + EXACT, indexBigrams);
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PerFieldAnalyzerWrapper(words, exact)))) {
                Collator pinyin = Collator.getInstance(Locale.CHINA);
                int position = 0;
                for (Document d : pack.documents()) {
                    for (Clause c : d.clauses()) w.addDocument(document(d, c, ruleOf.apply(c.ref()), position++, pinyin));
                }
            }
            return new ClauseIndex(dir, words, bigrams(false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the index of the one list", e);
        }
    }

    private static org.apache.lucene.document.Document document(Document d, Clause c, String rule, int position, Collator pinyin) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(REF, c.ref(), Field.Store.YES));
        doc.add(new NumericDocValuesField(POSITION, position));
        doc.add(new SortedDocValuesField(TITLE_ORDER, new BytesRef(pinyin.getCollationKey(c.title()).toByteArray())));
        doc.add(new StringField(DOCUMENT, d.id(), Field.Store.YES));
        doc.add(new StringField(STATUS, d.status().key(), Field.Store.YES));
        c.industries().forEach(i -> doc.add(new StringField(INDUSTRY, i, Field.Store.YES)));
        c.beneficiaries().forEach(b -> doc.add(new StringField(BENEFICIARY, b.key(), Field.Store.YES)));
        c.departments().forEach(x -> doc.add(new StringField(DEPARTMENT, x, Field.Store.YES)));
        searched(doc, Searched.TEXT, c.text());
        searched(doc, Searched.TITLE, c.title());
        searched(doc, Searched.RULE, rule);
        searched(doc, Searched.FACT, c.fact() == null ? "" : c.fact().term());
        searched(doc, Searched.DOCUMENT_TITLE, d.title());
        return doc;
    }

    private static void searched(org.apache.lucene.document.Document doc, Searched s, String value) {
        doc.add(new TextField(s.field, value, Field.Store.NO));
        doc.add(new TextField(s.field + EXACT, value, Field.Store.NO));
    }

    /**
     * CJK bigrams. The index also keeps single characters, so a one-character search matches;
     * a search uses bigrams only, as a phrase, so it matches exactly where the words contain it.
     */
    private static Analyzer bigrams(boolean withUnigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new CJKBigramFilter(new LowerCaseFilter(source), CJKBigramFilter.HAN, withUnigrams));
            }
        };
    }

    /**
     * Free text: every whitespace-separated term must match, each either as the segmenter's words
     * in one field or as a run of characters the field contains. A clause in force ranks above a
     * draft's clause of like relevance. Text with no searchable characters (only punctuation)
     * matches nothing.
     */
    Query text(String q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String term : terms(q)) {
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            for (Searched s : Searched.values()) {
                should(one, words.createBooleanQuery(s.field, term, Occur.MUST), s.boost);
                should(one, bigrams.createPhraseQuery(s.field + EXACT, term), s.boost);
            }
            BooleanQuery built = one.build();
            if (built.clauses().isEmpty()) continue;
            all.add(built, Occur.MUST);
            any = true;
        }
        if (!any) return new MatchNoDocsQuery("no searchable characters");
        return FunctionScoreQuery.boostByQuery(all.build(), new TermQuery(new Term(STATUS, Status.IN_FORCE.key())), IN_FORCE_BOOST);
    }

    private static void should(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) b.add(new BoostQuery(q, boost), Occur.SHOULD);
    }

    /** What to mark in a clause's words: each term as typed, and the segmenter's words of two or more characters. */
    List<String> highlights(String q) {
        Set<String> out = new LinkedHashSet<>();
        for (String term : terms(q)) {
            out.add(term);
            for (String w : analyze(words.getAnalyzer(), term)) if (w.length() > 1) out.add(w);
        }
        return List.copyOf(out);
    }

    private static List<String> terms(String q) {
        return List.of(q.strip().split("[\\s\\u3000]+"));
    }

    private static List<String> analyze(Analyzer a, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(Searched.TEXT.field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    Found search(Query query, String sort, boolean reverse, int offset, int size) {
        try {
            int n = (int) Math.min((long) offset + size, Math.max(1, reader.maxDoc()));
            TopFieldDocs top = searcher.search(query, n, sort(sort, reverse), false);
            StoredFields stored = searcher.storedFields();
            List<String> refs = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < docs.length; i++) refs.add(stored.document(docs[i].doc).get(REF));
            return new Found(refs, searcher.count(query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each sort reversed as a whole; ties keep pack order. */
    private static Sort sort(String key, boolean reverse) {
        SortField position = new SortField(POSITION, SortField.Type.INT);
        return switch (key) {
            case CatalogSearch.RELEVANCE -> new Sort(new SortField(null, SortField.Type.SCORE, reverse), position);
            case CatalogSearch.TITLE -> new Sort(new SortField(TITLE_ORDER, SortField.Type.STRING, reverse), position);
            default -> new Sort(new SortField(POSITION, SortField.Type.INT, reverse));
        };
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        words.getAnalyzer().close();
        bigrams.getAnalyzer().close();
    }
}
