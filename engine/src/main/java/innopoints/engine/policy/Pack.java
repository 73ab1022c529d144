package innopoints.engine.policy;

import innopoints.engine.facts.ProfileTerms;
import innopoints.engine.facts.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loaded policy pack: its vocabulary and documents, with clauses indexed by fact type. */
public final class Pack {
    private final String name;
    private final Vocabulary vocabulary;
    private final List<Document> documents;
    private final Map<String, Document> byId = new LinkedHashMap<>();
    private final Map<String, Clause> byRef = new LinkedHashMap<>();
    private final Map<String, Clause> formerly = new LinkedHashMap<>();
    private final Clause[][] byFactType;
    private final ProfileTerms terms;
    private final Map<String, Matter> matters;
    private final List<Distinct> distinct;

    /**
     * Two clauses of different documents that one fact can trigger but that reward different
     * things, so that they stack: declared in matters.yaml with the reading that tells them apart.
     */
    public record Distinct(String first, String second, String reading) {
        public boolean names(String a, String b) { return first.equals(a) && second.equals(b) || first.equals(b) && second.equals(a); }
    }

    public Pack(String name, Vocabulary vocabulary, List<Document> documents) {
        this(name, vocabulary, documents, ProfileTerms.OPEN);
    }

    public Pack(String name, Vocabulary vocabulary, List<Document> documents, ProfileTerms terms) {
        this(name, vocabulary, documents, terms, Map.of(), List.of());
    }

    public Pack(String name, Vocabulary vocabulary, List<Document> documents, ProfileTerms terms,
                Map<String, Matter> matters, List<Distinct> distinct) {
        this.name = name;
        this.terms = terms;
        this.matters = Map.copyOf(matters);
        this.distinct = List.copyOf(distinct);
        this.vocabulary = vocabulary;
        this.documents = List.copyOf(documents);
        List<List<Clause>> index = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) index.add(new ArrayList<>());
        for (Document d : documents) {
            byId.put(d.id(), d);
            for (Clause c : d.clauses()) {
                byRef.put(c.ref(), c);
                for (String old : c.formerly()) formerly.put(d.id() + ":" + old, c);
                if (c.fact() != null) index.get(c.fact().ordinal()).add(c);
            }
        }
        byFactType = new Clause[index.size()][];
        for (int i = 0; i < index.size(); i++) byFactType[i] = index.get(i).toArray(Clause[]::new);
    }

    public String name() { return name; }

    /** The matter of this id, as matters.yaml names it (its id as its words where the pack declares none). */
    public Matter matter(String id) {
        Matter m = matters.get(id);
        return m != null ? m : new Matter(id, id, null);
    }

    /** The matters the pack declares (matters.yaml), by id. */
    public Map<String, Matter> matters() { return matters; }

    /** Pairs of clauses one fact triggers that the pack declares to be different matters. */
    public List<Distinct> distinct() { return distinct; }

    public boolean declaredDistinct(String refA, String refB) {
        for (Distinct d : distinct) if (d.names(refA, refB)) return true;
        return false;
    }

    public Vocabulary vocabulary() { return vocabulary; }

    /** The values a subject's profile may take (districts, parks, industries, qualifications). */
    public ProfileTerms terms() { return terms; }

    public List<Document> documents() { return documents; }

    public Document document(String id) { return byId.get(id); }

    /** A clause by its reference, "city-2025:4.1", or by a reference it replaced ("city-2025:29.3" → 29.1). */
    public Clause clause(String ref) {
        Clause c = byRef.get(ref);
        return c != null ? c : formerly.get(ref);
    }

    public Iterable<Clause> clauses() { return byRef.values(); }

    /** The clauses a fact of this type triggers, in pack order. */
    public Clause[] clausesFor(int factTypeOrdinal) { return byFactType[factTypeOrdinal]; }
}
