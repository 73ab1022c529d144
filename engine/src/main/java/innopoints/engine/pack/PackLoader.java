package innopoints.engine.pack;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.FieldType;
import innopoints.engine.facts.Nearest;
import innopoints.engine.facts.Profile;
import innopoints.engine.facts.Vocabulary;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Aggregate;
import innopoints.engine.policy.AppliesTo;
import innopoints.engine.policy.Award;
import innopoints.engine.policy.Cap;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Condition;
import innopoints.engine.policy.Counted;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Expression;
import innopoints.engine.policy.Funding;
import innopoints.engine.policy.Kind;
import innopoints.engine.policy.Level;
import innopoints.engine.policy.Loc;
import innopoints.engine.policy.Matter;
import innopoints.engine.policy.Pack;
import innopoints.engine.policy.PointNominal;
import innopoints.engine.policy.StackingRule;
import innopoints.engine.policy.Status;
import innopoints.engine.policy.Transition;
import innopoints.engine.policy.Window;
import innopoints.engine.population.Places;
import innopoints.engine.facts.ProfileTerms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a pack folder: pack.yaml, the fact vocabulary, one document.yaml per document and the
 * worked cases beside them. Every problem is collected with file, line and field; a pack with
 * problems is still returned where it could be built, so that {@code check} reports them all.
 */
public final class PackLoader {
    private final Path root;
    private final Problems problems = new Problems();
    private final Map<String, FactType> types = new LinkedHashMap<>();

    private PackLoader(Path root) { this.root = root; }

    public static LoadedPack load(Path root) {
        return new PackLoader(root).run();
    }

    /** Loads a pack and throws {@link Problems.Invalid} if it has any problem. */
    public static Pack loadValid(Path root) {
        LoadedPack loaded = load(root);
        if (!loaded.ok()) throw new Problems.Invalid(loaded.problems());
        return loaded.pack();
    }

    /** The Nantong pack shipped on the class path (module innopoints-policies). */
    public static Path bundled() {
        URL url = PackLoader.class.getClassLoader().getResource("policies/nantong/pack.yaml");
        if (url == null) throw new IllegalStateException("the Nantong policy pack is not on the class path");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled pack: " + e.getMessage(), e);
        }
    }

    /** The name a message shows: relative to the working folder where possible. */
    private String shown(Path file) {
        if (root.getFileSystem() != FileSystems.getDefault()) return "policies/nantong/" + root.relativize(file);
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private LoadedPack run() {
        Path packFile = root.resolve("pack.yaml");
        if (!Files.isRegularFile(packFile)) {
            problems.add(root.toString(), 0, "", "not a policy pack: no pack.yaml in this folder");
            return new LoadedPack(null, List.of(), problems.list());
        }
        Node packNode = Node.read(packFile, shown(packFile), problems);
        Node.Fields pf = packNode == null ? null : packNode.fields();
        String name = pf == null ? "?" : pf.text("name", true);
        List<Node> folders = pf == null ? List.of() : pf.items("documents");
        if (pf != null) pf.done();

        readVocabulary();
        Vocabulary vocabulary = new Vocabulary(types);

        List<Document> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node folderNode : folders) {
            String folder = folderNode.text();
            if (folder == null) continue;
            Path docFile = root.resolve(folder).resolve("document.yaml");
            if (!Files.isRegularFile(docFile)) {
                folderNode.problem("no document.yaml in folder '" + folder + "'");
                continue;
            }
            Document d = readDocument(docFile, folder);
            if (d != null) {
                if (!ids.add(d.id())) problems.add(shown(docFile), d.loc().line(), "id", "document id '" + d.id() + "' is used twice");
                documents.add(d);
            }
        }
        Pack pack = readMatters(new Pack(name, vocabulary, documents, readTerms()));

        List<WorkedCase> cases = new ArrayList<>();
        for (Document d : documents) {
            for (Path f : list(root.resolve(d.folder()), "cases")) cases.addAll(readCases(f, pack));
        }
        Path shared = root.resolve("cases");
        if (Files.isDirectory(shared)) for (Path f : list(shared, "")) cases.addAll(readCases(f, pack));
        return new LoadedPack(pack, cases, problems.list());
    }

    private static List<Path> list(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- matters ----------------------------------------------------------------------------

    /**
     * The pack's matters (matters.yaml): every matter a clause names, with its words, and the
     * pairs of clauses one fact triggers that are nonetheless different matters. Without the
     * file, a matter's id stands for its words and nothing is declared distinct.
     */
    private Pack readMatters(Pack pack) {
        Path file = root.resolve("matters.yaml");
        if (!Files.isRegularFile(file)) return pack;
        Node n = Node.read(file, shown(file), problems);
        Node.Fields f = n == null ? null : n.fields();
        if (f == null) return pack;
        Map<String, Matter> matters = new LinkedHashMap<>();
        Node mn = f.req("matters");
        Node.Fields mf = mn == null ? null : mn.fields();
        if (mf != null) {
            for (String id : mf.keys()) {
                Node.Fields one = mf.opt(id).fields();
                if (one == null) continue;
                matters.put(id, new Matter(id, one.text("term", true), one.text("reading", false)));
                one.done();
            }
            mf.done();
        }
        List<Pack.Distinct> distinct = new ArrayList<>();
        for (Node d : f.items("distinct")) {
            Node.Fields df = d.fields();
            if (df == null) continue;
            List<String> refs = df.texts("clauses");
            String reading = df.text("reading", true);
            df.done();
            for (String ref : refs) if (pack.clause(ref) == null) d.problem("unknown clause '" + ref + "' (expected document-id:clause-id)");
            if (refs.size() != 2) d.problem("distinct names exactly two clauses, found " + refs.size());
            else if (reading != null) distinct.add(new Pack.Distinct(refs.get(0), refs.get(1), reading));
        }
        f.done();
        for (Clause c : pack.clauses()) {
            if (c.matter() != null && !matters.containsKey(c.matter())) {
                problems.add(c.loc().file(), c.loc().line(), "matter", "matter '" + c.matter() + "' of " + c.ref()
                        + " is not declared in matters.yaml" + near(c.matter(), matters.keySet()));
            }
        }
        return new Pack(pack.name(), pack.vocabulary(), pack.documents(), pack.terms(), matters, distinct);
    }

    private static String near(String given, Set<String> valid) {
        List<String> near = Nearest.to(given, valid, Nearest.FEW);
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    // ---- profile terms ----------------------------------------------------------------------

    /** Districts and parks from places.yaml, industries and qualifications from terms.yaml; open where a file is absent. */
    private ProfileTerms readTerms() {
        Map<String, List<String>> parks = new LinkedHashMap<>();
        if (Files.isRegularFile(root.resolve("places.yaml"))) {
            try {
                for (Places.Area a : Places.load(root).areas()) parks.put(a.name(), a.parks().stream().map(Places.Park::name).toList());
            } catch (Problems.Invalid e) {
                e.problems().forEach(problems::add);
            }
        }
        List<String> industries = List.of(), qualifications = List.of();
        Path file = root.resolve("terms.yaml");
        if (Files.isRegularFile(file)) {
            Node n = Node.read(file, shown(file), problems);
            Node.Fields f = n == null ? null : n.fields();
            if (f != null) {
                industries = f.texts("industries");
                qualifications = f.texts("qualifications");
                f.done();
                for (List<String> words : List.of(industries, qualifications)) {
                    Set<String> seen = new HashSet<>();
                    for (String w : words) if (!seen.add(w)) f.node().problem("'" + w + "' is listed twice");
                }
            }
        }
        return new ProfileTerms(parks, industries, qualifications);
    }

    // ---- vocabulary -------------------------------------------------------------------------

    private void readVocabulary() {
        Path dir = root.resolve("facts");
        if (!Files.isDirectory(dir)) {
            problems.add(shown(dir), 0, "", "the pack has no facts/ folder (the fact vocabulary)");
            return;
        }
        Map<String, String> definedIn = new LinkedHashMap<>();
        for (Path file : list(dir, "")) {
            Node n = Node.read(file, shown(file), problems);
            if (n == null) continue;
            Node.Fields f = n.fields();
            if (f == null) continue;
            for (String key : f.keys()) {
                Node t = f.opt(key);
                if (t == null) continue;
                if (!key.matches("[a-z][a-z0-9_]*")) t.problem("fact type key '" + key + "' must be lower_snake_case");
                if (definedIn.containsKey(key)) {
                    t.problem("fact type '" + key + "' is already defined in " + definedIn.get(key));
                    continue;
                }
                definedIn.put(key, shown(file) + ":" + t.line());
                FactType type = readFactType(key, t);
                if (type != null) types.put(key, type);
            }
        }
    }

    private FactType readFactType(String key, Node node) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String term = f.text("term", true);
        String description = f.text("description", false);
        List<FieldSpec> fields = new ArrayList<>();
        Node fieldsNode = f.opt("fields");
        if (fieldsNode != null) {
            Node.Fields ff = fieldsNode.fields();
            if (ff != null) {
                for (String name : ff.keys()) {
                    Node spec = ff.opt(name);
                    if (List.of("type", "date", "id").contains(name)) {
                        spec.problem("'" + name + "' is reserved: every fact has type, date and id");
                        continue;
                    }
                    FieldSpec fs = readField(name, spec);
                    if (fs != null) fields.add(fs);
                }
            }
        }
        f.done();
        return new FactType(key, term == null ? key : term, description, fields, types.size());
    }

    private FieldSpec readField(String name, Node node) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String typeKey = f.text("type", true);
        FieldType type = typeKey == null ? null : FieldType.fromKey(typeKey);
        if (typeKey != null && type == null) f.opt("type").problem("unknown field type '" + typeKey + "', expected yuan, number, integer, boolean, text, date or enum");
        List<String> values = f.texts("values");
        if (type == FieldType.ENUM && values.isEmpty()) f.node().problem("an enum field needs its values");
        String term = f.text("term", true);
        boolean required = f.bool("required", false);
        f.done();
        return type == null ? null : new FieldSpec(name, type, term == null ? name : term, required, values);
    }

    // ---- documents --------------------------------------------------------------------------

    private Document readDocument(Path file, String folder) {
        Node n = Node.read(file, shown(file), problems);
        if (n == null) return null;
        Node.Fields f = n.fields();
        if (f == null) return null;
        String id = f.text("id", true);
        String title = f.text("title", true);
        String source = f.text("source", false);
        String issuer = f.text("issuer", true);
        LocalDate issued = f.date("issued", false);
        Level level = enumOf(f, "level", Level::fromKey, "city or district");
        Status status = enumOf(f, "status", Status::fromKey, "in-force, draft or expired");
        Window window = window(f.req("effective"));
        String unitKey = f.text("unit", true);
        Unit unit = Unit.YUAN;
        if (unitKey != null) {
            try {
                unit = Unit.fromKey(unitKey);
            } catch (IllegalArgumentException e) {
                f.opt("unit").problem(e.getMessage());
            }
        }
        PointNominal nominal = null;
        Node pn = f.opt("pointNominal");
        if (pn != null) {
            Node.Fields pf = pn.fields();
            if (pf != null) {
                nominal = new PointNominal(pf.decimal("yuan", true), pf.text("quote", true));
                pf.done();
            }
        } else if (unit == Unit.POINTS) {
            f.node().problem("a points document needs pointNominal: the yuan a point stands for");
        }
        AppliesTo appliesTo = null;
        Node at = f.opt("appliesTo");
        if (at != null) {
            Node.Fields af = at.fields();
            if (af != null) {
                appliesTo = new AppliesTo(new LinkedHashSet<>(af.texts("districts")), af.text("quote", true));
                af.done();
            }
        }
        Funding funding = funding(f.req("funding"), true);
        List<StackingRule> stacking = new ArrayList<>();
        for (Node s : f.items("stacking")) {
            Node.Fields sf = s.fields();
            if (sf == null) continue;
            String rule = sf.text("rule", true), among = sf.text("among", true);
            StackingRule.Rule r = "highest".equals(rule) ? StackingRule.Rule.HIGHEST : "not-twice".equals(rule) ? StackingRule.Rule.NOT_TWICE : null;
            StackingRule.Among a = "city".equals(among) ? StackingRule.Among.CITY : "this-and-higher".equals(among) ? StackingRule.Among.THIS_AND_HIGHER : null;
            if (rule != null && r == null) sf.opt("rule").problem("expected highest or not-twice, found '" + rule + "'");
            if (among != null && a == null) sf.opt("among").problem("expected city or this-and-higher, found '" + among + "'");
            String quote = sf.text("quote", true);
            String tieKey = sf.text("tie", false);
            StackingRule.Tie tie = tieKey == null ? StackingRule.Tie.CHOICE : switch (tieKey) {
                case "newer" -> StackingRule.Tie.NEWER;
                case "older" -> StackingRule.Tie.OLDER;
                case "choice" -> StackingRule.Tie.CHOICE;
                default -> {
                    sf.opt("tie").problem("expected newer, older or choice, found '" + tieKey + "'");
                    yield null;
                }
            };
            String tieQuote = sf.text("tieQuote", tie == StackingRule.Tie.NEWER || tie == StackingRule.Tie.OLDER);
            sf.done();
            if (r != null && a != null && tie != null) stacking.add(new StackingRule(r, a, quote, tie, tieQuote));
        }
        String reading = f.text("reading", false);
        Transition transition = transition(f.opt("transition"), window);
        List<Clause> clauses = new ArrayList<>();
        Set<String> clauseIds = new HashSet<>();
        DocContext ctx = new DocContext(id == null ? "?" : id, unit, shown(file));
        for (Node c : f.items("clauses")) {
            Clause clause = readClause(c, ctx);
            if (clause == null) continue;
            if (!clauseIds.add(clause.id())) c.problem("clause id '" + clause.id() + "' is used twice in this document");
            for (String old : clause.formerly()) if (!clauseIds.add(old)) c.problem("clause id '" + old + "' (formerly) is used twice in this document");
            if (clause.notContinued() != null && transition == null) {
                c.problem("transition: {continued: false} marks an item new in a document with a transition provision; this document has none");
            }
            clauses.add(clause);
        }
        f.done();
        if (id == null || level == null || status == null || window == null || funding == null) return null;
        return new Document(id, title, source, issuer, issued, level, status, window, unit, nominal, appliesTo, funding,
                stacking, clauses, reading, folder, new Loc(shown(file), n.line()), transition);
    }

    /**
     * A document's transition provision: its words, the words for a notice already issued and for
     * one not issued (each part of the words), how far back it reaches and how the pack reads it.
     */
    private Transition transition(Node node, Window window) {
        if (node == null) return null;
        Node.Fields f = node.fields();
        if (f == null) return null;
        String quote = f.text("quote", true);
        String oldQuote = f.text("oldPolicyQuote", true);
        String currentQuote = f.text("currentPolicyQuote", true);
        LocalDate reachesBack = f.date("reachesBack", false);
        String reading = f.text("reading", true);
        f.done();
        for (String key : List.of("oldPolicyQuote", "currentPolicyQuote")) {
            String part = key.equals("oldPolicyQuote") ? oldQuote : currentQuote;
            if (quote != null && part != null && !QuoteCheck.squash(quote).contains(QuoteCheck.squash(part))) {
                f.opt(key).problem("the quote '" + part + "' is not part of the transition's quote");
            }
        }
        if (window != null && window.from() == null) node.problem("a transition provision needs the document's effective date (effective.from)");
        if (window != null && window.from() != null && reachesBack != null && !reachesBack.isBefore(window.from())) {
            f.opt("reachesBack").problem("reachesBack (" + reachesBack + ") must be before the effective date (" + window.from() + ")");
        }
        if (quote == null || oldQuote == null || currentQuote == null || reading == null) return null;
        return new Transition(quote, oldQuote, currentQuote, reachesBack, reading);
    }

    private record DocContext(String id, Unit unit, String file) {}

    private <T> T enumOf(Node.Fields f, String key, java.util.function.Function<String, T> parse, String expected) {
        String v = f.text(key, true);
        if (v == null) return null;
        T t = parse.apply(v);
        if (t == null) f.opt(key).problem("expected " + expected + ", found '" + v + "'");
        return t;
    }

    private Window window(Node node) {
        if (node == null) return null;
        Node.Fields f = node.fields();
        if (f == null) return null;
        LocalDate from = f.date("from", false), to = f.date("to", false);
        String quote = f.text("quote", false);
        f.done();
        if (from != null && to != null && to.isBefore(from)) node.problem("the window ends (" + to + ") before it starts (" + from + ")");
        return new Window(from, to, quote);
    }

    private Funding funding(Node node, boolean document) {
        if (node == null) return null;
        Node.Fields f = node.fields();
        if (f == null) return null;
        Map<String, BigDecimal> shares = shares(f.req("shares"));
        String quote = f.text("quote", false);
        String reading = f.text("reading", false);
        List<Funding.Cofunding> cofunding = new ArrayList<>();
        for (Node c : f.items("cofunding")) {
            Node.Fields cf = c.fields();
            if (cf == null) continue;
            cofunding.add(new Funding.Cofunding(cf.text("park", true), new LinkedHashSet<>(cf.texts("exceptArticles")),
                    shares(cf.req("split")), cf.text("cityDistrictShare", false), cf.text("quote", true)));
            cf.done();
        }
        if (!document && !cofunding.isEmpty()) node.problem("cofunding belongs to a document's funding, not a clause's");
        if (quote == null && reading == null) node.problem("funding needs the quote it comes from, or a reading saying why there is none");
        f.done();
        return shares == null ? null : new Funding(shares, quote, cofunding, reading);
    }

    private Map<String, BigDecimal> shares(Node node) {
        if (node == null) return null;
        Node.Fields f = node.fields();
        if (f == null) return null;
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String payer : f.keys()) {
            BigDecimal share = f.decimal(payer, true);
            if (share != null && share.signum() <= 0) f.opt(payer).problem("a share must be positive");
            else if (share != null) out.put(payer, share);
        }
        f.done();
        if (out.isEmpty()) node.problem("needs at least one payer and share");
        return out;
    }

    // ---- clauses ----------------------------------------------------------------------------

    private Clause readClause(Node node, DocContext doc) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String id = f.text("id", true);
        String article = f.text("article", true);
        String section = f.text("section", false);
        String title = f.text("title", false);
        String text = f.text("text", true);
        List<String> departments = f.texts("departments");
        Set<Beneficiary> beneficiaries = new LinkedHashSet<>();
        Node bn = f.opt("beneficiary");
        if (bn != null) {
            for (Node b : bn.items()) {
                String k = b.text();
                Beneficiary kind = k == null ? null : Beneficiary.fromKey(k);
                if (k != null && kind == null) b.problem("unknown beneficiary '" + k + "', expected one of: " + Beneficiary.keys());
                if (kind != null) beneficiaries.add(kind);
            }
        }
        if (beneficiaries.isEmpty()) beneficiaries.add(Beneficiary.ENTERPRISE);
        List<String> industries = f.texts("industries");
        boolean computable = f.bool("computable", true);
        String matter = f.text("matter", computable);
        String factKey = f.text("fact", computable);
        FactType fact = null;
        if (factKey != null) {
            fact = types.get(factKey);
            if (fact == null) f.opt("fact").problem("unknown fact type '" + factKey + "' (not in facts/*.yaml)");
        }
        String reading = f.text("reading", false);
        String ref = doc.id() + ":" + id;
        QuoteCheck quotes = new QuoteCheck(text);

        List<Condition> conditions = new ArrayList<>();
        for (Node c : f.items("conditions")) {
            Condition cond = condition(c, fact, quotes);
            if (cond != null) conditions.add(cond);
        }
        Award award = null;
        Node an = computable ? f.req("award") : f.opt("award");
        if (an != null) {
            if (!computable) an.problem("a clause with computable: false has no award");
            else if (fact != null) award = award(an, fact, quotes, doc);
        }
        List<Cap> caps = new ArrayList<>();
        for (Node c : f.items("caps")) {
            Cap cap = cap(c, fact, quotes, ref);
            if (cap != null) caps.add(cap);
        }
        Aggregate aggregate = null;
        Node ag = f.opt("aggregate");
        if (ag != null && fact != null) aggregate = aggregate(ag, fact, quotes, award);
        Funding funding = null;
        Node fn = f.opt("funding");
        if (fn != null) funding = funding(fn, false);
        List<Counted> counted = new ArrayList<>();
        for (Node c : f.items("counted")) {
            Counted limit = counted(c, fact, quotes, ref);
            if (limit != null) counted.add(limit);
        }
        if (!counted.isEmpty() && ag != null) f.opt("counted").problem("counted limits apply to a clause computed fact by fact, not to an aggregate (which sums its facts already)");
        String notContinued = notContinued(f.opt("transition"));
        // a reward to a district or park: the document's split would have it pay part of a reward to itself
        if (computable && funding == null && (beneficiaries.contains(Beneficiary.DISTRICT) || beneficiaries.contains(Beneficiary.PARK))) {
            node.problem("clause " + ref + " rewards a district or park (beneficiary " + String.join(", ", beneficiaries.stream().map(Beneficiary::key).toList())
                    + "): state its funding explicitly (shares, quote, reading), since the document's split may have the beneficiary pay part of its own reward");
        } else if (computable && funding != null && funding.reading() == null && (beneficiaries.contains(Beneficiary.DISTRICT) || beneficiaries.contains(Beneficiary.PARK))) {
            fn.problem("the funding of a clause that rewards a district or park needs a reading: how the text's split is read for a reward to the district or park itself");
        }
        List<String> formerly = f.texts("formerly");
        if (!formerly.isEmpty() && reading == null) f.opt("formerly").problem("a clause that replaces earlier clause ids needs a reading that says why they are one clause now");
        f.done();
        if (id == null || article == null || text == null) return null;
        if (computable && (fact == null || award == null)) return null;
        return new Clause(doc.id(), id, article, section, title, text, departments, beneficiaries, industries, matter, fact,
                conditions, award, caps, aggregate, funding, reading, computable, new Loc(doc.file(), node.line()), counted, notContinued, formerly);
    }

    /** A clause's {@code transition: {continued: false, reading}}: the reading, or null when the clause continues an older item. */
    private static String notContinued(Node node) {
        if (node == null) return null;
        Node.Fields f = node.fields();
        if (f == null) return null;
        boolean continued = f.bool("continued", true);
        String reading = f.text("reading", true);
        f.done();
        if (continued) {
            node.problem("a clause's transition says continued: false (an item new in this document); a continued item needs no key");
            return null;
        }
        return reading;
    }

    /** A limit on a counted quantity: {field, max, per, period, unit, quote, group}. */
    private Counted counted(Node node, FactType fact, QuoteCheck quotes, String ref) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String field = f.text("field", false);
        BigDecimal max = f.decimal("max", true);
        String per = orElse(f.text("per", false), "enterprise");
        String period = orElse(f.text("period", false), "all");
        String unit = f.text("unit", field == null ? false : true);
        String quote = quotes.check(f, "quote", true);
        String group = orElse(f.text("group", false), ref);
        f.done();
        int index = -1;
        if (field != null && fact != null) {
            index = fact.indexOf(field);
            if (index < 0) {
                f.opt("field").problem("'" + field + "' is not a field of fact type " + fact.key());
                return null;
            }
            if (!fact.field(index).type().numeric()) {
                f.opt("field").problem("'" + field + "' is not a number; a counted limit counts a number of the fact (months, persons...)");
                return null;
            }
        }
        if (!per.equals("project") && !per.equals("enterprise")) {
            f.opt("per").problem("per must be project or enterprise, found '" + per + "'");
            return null;
        }
        if (!period.equals("all") && !period.equals("year")) {
            f.opt("period").problem("period must be all or year, found '" + period + "'");
            return null;
        }
        if (max == null || quote == null) return null;
        if (max.signum() <= 0) {
            f.opt("max").problem("a counted limit must be positive");
            return null;
        }
        return new Counted(field, index, per, period.equals("year"), max, orElse(unit, "次"), quote, group);
    }

    /** Checks that a quote is part of the clause's words, white space aside. */
    private static final class QuoteCheck {
        private final String squashed;

        QuoteCheck(String text) { this.squashed = text == null ? null : squash(text); }

        String check(Node.Fields f, String key, boolean required) {
            String q = f.text(key, required);
            if (q != null && squashed != null && !squashed.contains(squash(q))) {
                f.opt(key).problem("the quote '" + q + "' is not part of the clause's text");
            }
            return q;
        }

        static String squash(String s) { return s.replaceAll("\\s+", ""); }
    }

    private Condition condition(Node node, FactType fact, QuoteCheck quotes) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        if (f.has("any") || f.has("all")) return joined(node, f, fact, quotes);
        String field = f.text("field", true);
        String quote = quotes.check(f, "quote", true);
        Condition.Test test = null;
        Node operandNode = null;
        for (Condition.Test t : Condition.Test.values()) {
            if (t.joins()) continue;
            Node o = f.opt(t.key());
            if (o != null) {
                if (test != null) o.problem("a condition has one test; found " + test.key() + " and " + t.key());
                test = t;
                operandNode = o;
            }
        }
        f.done();
        if (field == null) return null;
        if (test == null) {
            node.problem("a condition needs one test: is, equals, in, contains, atLeast, above, atMost or below (or joins others with any or all)");
            return null;
        }
        Condition.Other tested = fieldOf(node, field, fact);
        if (tested == null) return null;
        String profileField = tested.profileField();
        FieldSpec spec = tested.spec();
        Object operand;
        if (operandNode.isMap()) {
            operand = compared(operandNode, test, field, tested, fact);
        } else if (test.numeric()) {
            operand = operandNode.decimal();
            if (spec != null && !spec.type().numeric()) node.problem("'" + field + "' is not a number; " + test.key() + " needs one");
        } else if (test == Condition.Test.IS) {
            operand = operandNode.bool();
            if (spec != null && spec.type() != FieldType.BOOLEAN) node.problem("'" + field + "' is not a boolean; is needs one");
        } else if (test == Condition.Test.IN) {
            operand = operandNode.texts();
            if (spec != null && spec.type() == FieldType.ENUM) {
                for (Object v : (List<?>) operand) if (!spec.values().contains(v)) operandNode.problem("'" + v + "' is not a value of " + field);
            }
        } else {
            operand = operandNode.text();
            if (test == Condition.Test.EQUALS && spec != null && spec.type() == FieldType.ENUM && !spec.values().contains(operand)) {
                operandNode.problem("'" + operand + "' is not a value of " + field + " (" + String.join("、", spec.values()) + ")");
            }
        }
        if (operand == null) return null;
        return new Condition(profileField, tested.factField(), spec, test, operand, quote);
    }

    /** The field a condition names: "enterprise.district", or a field of the clause's fact ("fact." optional). */
    private static Condition.Other fieldOf(Node node, String field, FactType fact) {
        if (field.startsWith("enterprise.")) {
            String profileField = field.substring("enterprise.".length());
            if (!Profile.FIELDS.contains(profileField)) {
                node.problem("unknown profile field '" + profileField + "', expected one of " + String.join(", ", Profile.FIELDS));
                return null;
            }
            return new Condition.Other(profileField, -1, null);
        }
        String name = field.startsWith("fact.") ? field.substring(5) : field;
        if (fact == null) {
            node.problem("a condition on '" + name + "' needs the clause's fact type");
            return null;
        }
        int index = fact.indexOf(name);
        if (index < 0) {
            node.problem("'" + name + "' is not a field of fact type " + fact.key());
            return null;
        }
        return new Condition.Other(null, index, fact.field(index));
    }

    /** The other field of a comparison: "atMost: {field: regulated_fee}"; both sides numbers for a numeric test. */
    private static Condition.Other compared(Node operandNode, Condition.Test test, String field, Condition.Other tested, FactType fact) {
        Node.Fields of = operandNode.fields();
        String otherField = of.text("field", true);
        of.done();
        if (otherField == null) return null;
        if (!test.comparesFields()) {
            operandNode.problem(test.key() + " compares with a stated value; only equals, atLeast, above, atMost and below compare with another field");
            return null;
        }
        Condition.Other other = fieldOf(operandNode, otherField, fact);
        if (other == null) return null;
        if (test.numeric()) {
            if (tested.spec() == null || !tested.spec().type().numeric()) operandNode.problem("'" + field + "' is not a number; " + test.key() + " needs one");
            if (other.spec() == null || !other.spec().type().numeric()) operandNode.problem("'" + otherField + "' is not a number; " + test.key() + " compares two numbers");
        }
        if (otherField.equals(field)) operandNode.problem("'" + field + "' is compared with itself");
        return other;
    }

    /** "any: [...]" (one of the conditions holds) or "all: [...]" (each holds), with the words they came from. */
    private Condition joined(Node node, Node.Fields f, FactType fact, QuoteCheck quotes) {
        if (f.has("any") && f.has("all")) {
            node.problem("a condition joins others with any or all, not both; nest one inside the other");
            f.skip("any", "all", "quote");
            return null;
        }
        boolean all = f.has("all");
        String key = all ? "all" : "any";
        Node list = f.opt(key);
        String quote = quotes.check(f, "quote", true);
        f.done();
        if (!list.isList()) {
            list.problem(key + " is a list of conditions");
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        boolean complete = true;
        for (Node item : list.items()) {
            Condition c = condition(item, fact, quotes);
            if (c == null) complete = false;
            else parts.add(c);
        }
        if (list.items().size() < 2) list.problem(key + " joins at least two conditions, found " + list.items().size());
        if (!complete || parts.size() < 2 || quote == null) return null;
        return Condition.joined(all, parts, quote);
    }

    private Expression expression(Node.Fields f, String key, FactType fact, boolean required) {
        Node n = required ? f.req(key) : f.opt(key);
        if (n == null) return null;
        String src = n.text();
        if (src == null) return null;
        try {
            return Expression.parse(src, fact);
        } catch (Expression.Invalid e) {
            n.problem(e.getMessage());
            return null;
        }
    }

    private Award award(Node node, FactType fact, QuoteCheck quotes, DocContext doc) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String type = f.text("type", true);
        if (type == null) return null;
        String quote = quotes.check(f, "quote", true);
        List<Award.Limit> limits = new ArrayList<>();
        for (Node l : f.items("limits")) {
            Node.Fields lf = l.fields();
            if (lf == null) continue;
            Expression e = expression(lf, "expr", fact, true);
            String unitKey = lf.text("unit", false);
            Unit u = "yuan".equals(unitKey) ? Unit.YUAN : doc.unit();
            String lq = quotes.check(lf, "quote", true);
            lf.done();
            if (e != null) limits.add(new Award.Limit(e, u, lq));
        }
        Award award = switch (type) {
            case "fixed" -> new Award.Fixed(f.decimal("amount", true), quote, limits);
            case "up-to" -> new Award.UpTo(f.decimal("amount", true), quote, limits);
            case "rate" -> new Award.Rate(expression(f, "base", fact, true), f.decimal("percent", true), f.bool("notExceeding", false),
                    f.decimal("max", false), quotes.check(f, "maxQuote", f.has("max")), quote, limits);
            case "per-unit" -> new Award.PerUnit(expression(f, "base", fact, true), f.decimal("per", true), f.decimal("amount", true),
                    f.bool("full", false), orElse(f.text("unitLabel", false), ""), f.bool("notExceeding", false),
                    f.decimal("max", false), quotes.check(f, "maxQuote", f.has("max")), quote, limits);
            case "matching" -> matching(f, fact, quotes, quote, limits);
            case "by-level" -> byLevel(f, fact, quotes, doc, quote, limits);
            case "interest" -> new Award.Interest(expression(f, "loan", fact, true), f.decimal("percentagePoints", true),
                    expression(f, "years", fact, false), f.decimal("maxYears", false), f.decimal("perYearMax", false),
                    quotes.check(f, "perYearMaxQuote", false), f.bool("notExceeding", false), quote, limits);
            case "top-up" -> new Award.TopUp(expression(f, "loan", fact, true), f.decimal("targetPoints", true),
                    expression(f, "received", fact, true), expression(f, "years", fact, false), expression(f, "interest", fact, false),
                    expression(f, "receivedAmount", fact, false), quotes.check(f, "interestQuote", false), quote, limits);
            case "per-area-month" -> new Award.PerAreaMonth(expression(f, "area", fact, true), expression(f, "months", fact, true),
                    f.decimal("rate", true), f.decimal("maxMonths", false), f.bool("notExceeding", false), f.decimal("max", false),
                    quotes.check(f, "maxQuote", f.has("max")), quote, limits);
            case "case-by-case" -> new Award.CaseByCase(f.decimal("max", false), quotes.check(f, "maxQuote", false), quote, limits);
            case "unspecified" -> new Award.Unspecified(quote, limits);
            case "tiered" -> tiered(f, fact, quotes, quote, limits);
            default -> {
                f.opt("type").problem("unknown award type '" + type + "', expected fixed, up-to, rate, per-unit, matching, by-level, interest, top-up, per-area-month, case-by-case, unspecified or tiered");
                f.skip(f.keys().toArray(String[]::new));
                yield null;
            }
        };
        f.done();
        return award != null && complete(award) ? award : null;
    }

    /** False when a required part failed to read (its problem is already reported). */
    private static boolean complete(Award a) {
        return switch (a) {
            case Award.Fixed x -> x.amount() != null;
            case Award.UpTo x -> x.amount() != null;
            case Award.Rate x -> x.base() != null && x.percent() != null;
            case Award.PerUnit x -> x.base() != null && x.per() != null && x.amount() != null && x.per().signum() > 0;
            case Award.Matching x -> x.base() != null && x.left() != null;
            case Award.ByLevel x -> !x.levels().isEmpty();
            case Award.Interest x -> x.loan() != null && x.percentagePoints() != null;
            case Award.TopUp x -> x.loan() != null && x.targetPoints() != null && x.received() != null;
            case Award.PerAreaMonth x -> x.area() != null && x.months() != null && x.rate() != null;
            case Award.CaseByCase x -> true;
            case Award.Unspecified x -> true;
            case Award.Tiered x -> true;
        };
    }

    private Award matching(Node.Fields f, FactType fact, QuoteCheck quotes, String quote, List<Award.Limit> limits) {
        Expression base = expression(f, "base", fact, true);
        String ratio = f.text("ratio", true);
        BigDecimal left = null, right = null;
        if (ratio != null) {
            String[] parts = ratio.split("[:∶]");
            try {
                left = new BigDecimal(parts[0].trim());
                right = new BigDecimal(parts[1].trim());
                if (left.signum() <= 0) throw new NumberFormatException();
            } catch (RuntimeException e) {
                f.opt("ratio").problem("expected a ratio like \"1:2\", found '" + ratio + "'");
                left = null;
            }
        }
        return new Award.Matching(base, left, right, f.bool("upTo", false), f.decimal("max", false),
                quotes.check(f, "maxQuote", f.has("max")), quote, limits);
    }

    private Award byLevel(Node.Fields f, FactType fact, QuoteCheck quotes, DocContext doc, String quote, List<Award.Limit> limits) {
        String field = f.text("field", true);
        int index = field == null ? -1 : fact.indexOf(field);
        if (field != null && index < 0) f.opt("field").problem("'" + field + "' is not a field of fact type " + fact.key());
        Map<String, Award> levels = new LinkedHashMap<>();
        Node ln = f.req("levels");
        if (ln != null && index >= 0) {
            Node.Fields lf = ln.fields();
            if (lf != null) {
                FieldSpec spec = fact.field(index);
                for (String level : lf.keys()) {
                    Node a = lf.opt(level);
                    if (spec.type() == FieldType.ENUM && !spec.values().contains(level)) a.problem("'" + level + "' is not a value of " + field + " (" + String.join("、", spec.values()) + ")");
                    Award sub = award(a, fact, quotes, doc);
                    if (sub != null) levels.put(level, sub);
                }
                lf.done();
            }
        }
        return index < 0 ? null : new Award.ByLevel(index, field, fact.field(index).term(), levels, quote, limits);
    }

    private Award tiered(Node.Fields f, FactType fact, QuoteCheck quotes, String quote, List<Award.Limit> limits) {
        BigDecimal max = f.decimal("max", false);
        String maxQuote = quotes.check(f, "maxQuote", max != null);
        List<Award.Tier> tiers = new ArrayList<>();
        for (Node t : f.items("tiers")) {
            Node.Fields tf = t.fields();
            if (tf == null) continue;
            LocalDate from = tf.date("from", true);
            String basis = tf.text("basis", true);
            String field = tf.text("field", true);
            int index = field == null ? -1 : fact.indexOf(field);
            if (field != null && index < 0) tf.opt("field").problem("'" + field + "' is not a field of fact type " + fact.key());
            Map<String, BigDecimal> table = new LinkedHashMap<>();
            Node tn = tf.req("table");
            if (tn != null) {
                Node.Fields tt = tn.fields();
                if (tt != null) {
                    for (String k : tt.keys()) {
                        BigDecimal v = tt.decimal(k, true);
                        if (v != null) table.put(k, v);
                    }
                    tt.done();
                }
            }
            String kindKey = tf.text("kind", false);
            Kind kind = "definite".equals(kindKey) ? Kind.DEFINITE : Kind.CEILING;
            tf.done();
            if (from != null && basis != null && index >= 0) tiers.add(new Award.Tier(from, basis, index, field, table, kind));
        }
        return new Award.Tiered(max, maxQuote, tiers, quote, limits);
    }

    private Cap cap(Node node, FactType fact, QuoteCheck quotes, String ref) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String per = orElse(f.text("per", false), "enterprise");
        String period = orElse(f.text("period", false), "all");
        boolean byLevel = f.has("levels") || f.has("field");
        BigDecimal amount = byLevel ? null : f.decimal("amount", true);
        if (byLevel && f.has("amount")) f.opt("amount").problem("a cap has one amount or amounts per level (field and levels), not both");
        String levelField = byLevel ? f.text("field", true) : null;
        Map<String, BigDecimal> levels = new LinkedHashMap<>();
        int levelIndex = -1;
        if (levelField != null) {
            levelIndex = fact == null ? -1 : fact.indexOf(levelField);
            if (levelIndex < 0) f.opt("field").problem("'" + levelField + "' is not a field of fact type" + (fact == null ? " (the clause has none)" : " " + fact.key()));
        }
        Node ln = byLevel ? f.req("levels") : null;
        Node.Fields lf = ln == null ? null : ln.fields();
        if (lf != null) {
            FieldSpec spec = levelIndex < 0 ? null : fact.field(levelIndex);
            for (String level : lf.keys()) {
                BigDecimal v = lf.decimal(level, true);
                if (spec != null && spec.type() == FieldType.ENUM && !spec.values().contains(level)) {
                    lf.opt(level).problem("'" + level + "' is not a value of " + levelField + " (" + String.join("、", spec.values()) + ")");
                } else if (v != null && v.signum() < 0) {
                    lf.opt(level).problem("a cap cannot be negative");
                } else if (v != null) {
                    levels.put(level, v);
                }
            }
            lf.done();
            if (lf.keys().isEmpty()) ln.problem("levels needs the cap of at least one level");
        }
        String quote = quotes.check(f, "quote", true);
        String group = orElse(f.text("group", false), ref);
        f.done();
        int index = -1;
        if (!per.equals("enterprise")) {
            index = fact == null ? -1 : fact.indexOf(per);
            if (index < 0) {
                node.problem("a cap per '" + per + "' needs that field in the fact type" + (fact == null ? "" : " " + fact.key()));
                return null;
            }
        }
        if (!period.equals("all") && !period.equals("year")) {
            node.problem("period must be all or year, found '" + period + "'");
            return null;
        }
        if (byLevel) {
            if (levelIndex < 0 || levels.isEmpty()) return null;
            return new Cap(per, index, period.equals("year"), levels.values().stream().max(BigDecimal::compareTo).orElseThrow(), quote, group,
                    levelIndex, levelField, fact.field(levelIndex).term(), levels);
        }
        if (amount == null) return null;
        if (amount.signum() < 0) node.problem("a cap cannot be negative");
        return new Cap(per, index, period.equals("year"), amount, quote, group);
    }

    private Aggregate aggregate(Node node, FactType fact, QuoteCheck quotes, Award award) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String period = orElse(f.text("period", false), "all");
        Aggregate.Weights weights = null;
        Node wn = f.opt("weights");
        if (wn != null) {
            Node.Fields wf = wn.fields();
            if (wf != null) {
                String field = wf.text("field", true);
                int index = field == null ? -1 : fact.indexOf(field);
                if (field != null && index < 0) wf.opt("field").problem("'" + field + "' is not a field of fact type " + fact.key());
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                Node vn = wf.req("values");
                if (vn != null) {
                    Node.Fields vf = vn.fields();
                    if (vf != null) {
                        for (String k : vf.keys()) {
                            BigDecimal v = vf.decimal(k, true);
                            if (v != null) values.put(k, v);
                        }
                        vf.done();
                    }
                }
                boolean upTo = wf.bool("upTo", false);
                String q = quotes.check(wf, "quote", true);
                List<Condition> when = new ArrayList<>();
                Node whenNode = wf.opt("when");
                if (whenNode != null) {
                    if (!whenNode.isList()) whenNode.problem("when must be a list of conditions on the fact's fields");
                    else for (Node cn : whenNode.items()) {
                        Condition cond = condition(cn, fact, quotes);
                        if (cond != null && cond.leaves().stream().anyMatch(l -> l.profileField() != null || l.operand() instanceof Condition.Other o && o.profileField() != null)) {
                            cn.problem("a weight's condition tests fields of the fact, not of the enterprise");
                        } else if (cond != null) when.add(cond);
                    }
                }
                wf.done();
                if (index >= 0) weights = new Aggregate.Weights(index, field, values, upTo, q, when);
            }
        }
        BigDecimal atLeast = f.decimal("atLeast", false);
        String atLeastQuote = quotes.check(f, "atLeastQuote", atLeast != null);
        f.done();
        if (!period.equals("all") && !period.equals("year")) node.problem("period must be all or year, found '" + period + "'");
        if (award != null && !(award instanceof Award.Rate || award instanceof Award.PerUnit || award instanceof Award.Matching)) {
            node.problem("aggregate needs an award with a base (rate, per-unit or matching)");
        }
        return new Aggregate(period.equals("year"), weights, atLeast, atLeastQuote);
    }

    // ---- worked cases -----------------------------------------------------------------------

    private List<WorkedCase> readCases(Path file, Pack pack) {
        List<WorkedCase> out = new ArrayList<>();
        Node n = Node.read(file, shown(file), problems);
        if (n == null) return out;
        if (!n.isList()) {
            n.problem("a cases file is a list of cases");
            return out;
        }
        ScenarioReader reader = new ScenarioReader(pack);
        for (Node c : n.items()) {
            Node.Fields f = c.fields();
            if (f == null) continue;
            String name = f.text("name", true);
            var scenario = reader.read(f, Set.of("name", "expect", "alternatives", "undetermined", "excluded"));
            List<WorkedCase.Expected> expect = new ArrayList<>();
            Node en = f.opt("expect");
            if (en == null) c.problem("a case needs expect: the clauses that award (an empty list [] if none)");
            else for (Node e : en.items()) {
                WorkedCase.Expected x = expected(e, pack);
                if (x != null) expect.add(x);
            }
            List<List<WorkedCase.Expected>> alternatives = new ArrayList<>();
            for (Node group : f.items("alternatives")) {
                List<WorkedCase.Expected> options = new ArrayList<>();
                for (Node e : group.items()) {
                    WorkedCase.Expected x = expected(e, pack);
                    if (x != null) options.add(x);
                }
                if (group.items().size() < 2) group.problem("a choice lists at least two alternatives");
                alternatives.add(options);
            }
            List<String> undetermined = new ArrayList<>();
            for (Node u : f.items("undetermined")) {
                String ref = u.text();
                if (ref != null && pack.clause(ref) == null) u.problem("unknown clause '" + ref + "'");
                else if (ref != null) undetermined.add(ref);
            }
            List<WorkedCase.ExpectedExclusion> excluded = new ArrayList<>();
            for (Node x : f.items("excluded")) {
                Node.Fields xf = x.fields();
                if (xf == null) continue;
                String clause = clauseRef(xf, "clause", pack);
                String reason = xf.text("reason", false);
                xf.done();
                if (clause != null) excluded.add(new WorkedCase.ExpectedExclusion(clause, reason));
            }
            if (name != null && scenario != null) out.add(new WorkedCase(name, shown(file), c.line(), scenario, expect, alternatives, undetermined, excluded));
        }
        return out;
    }

    /** One expected figure: {clause, figure, kind, split}. */
    private static WorkedCase.Expected expected(Node e, Pack pack) {
        Node.Fields ef = e.fields();
        if (ef == null) return null;
        String clause = clauseRef(ef, "clause", pack);
        BigDecimal figure = ef.decimal("figure", true);
        String kindKey = ef.text("kind", true);
        Kind kind = kindKey == null ? null : switch (kindKey) {
            case "definite" -> Kind.DEFINITE;
            case "ceiling" -> Kind.CEILING;
            default -> {
                ef.opt("kind").problem("expected definite or ceiling, found '" + kindKey + "'");
                yield null;
            }
        };
        Map<String, BigDecimal> split = null;
        Node sn = ef.opt("split");
        if (sn != null) {
            Node.Fields sf = sn.fields();
            if (sf != null) {
                split = new LinkedHashMap<>();
                for (String payer : sf.keys()) split.put(payer, sf.decimal(payer, true));
                sf.done();
            }
        }
        ef.done();
        if (clause != null && figure != null && kind != null) return new WorkedCase.Expected(clause, figure, kind, split);
        return null;
    }

    private static String clauseRef(Node.Fields f, String key, Pack pack) {
        String ref = f.text(key, true);
        if (ref != null && pack.clause(ref) == null) {
            f.opt(key).problem("unknown clause '" + ref + "' (expected document-id:clause-id, e.g. city-2025:4.1)");
            return null;
        }
        return ref;
    }

    private static String orElse(String v, String d) { return v == null ? d : v; }
}
