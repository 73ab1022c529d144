package innopoints.engine.pack;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.Bound;
import innopoints.engine.facts.CreditCode;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.FieldType;
import innopoints.engine.facts.Nearest;
import innopoints.engine.facts.ProfileTerms;
import innopoints.engine.facts.PriorAward;
import innopoints.engine.facts.Profile;
import innopoints.engine.facts.Scenario;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Level;
import innopoints.engine.policy.Pack;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario (JSON or YAML) against a pack's vocabulary: every unknown fact key, wrong type,
 * negative amount or impossible date becomes a problem naming the file, line and field.
 */
public final class ScenarioReader {
    private final Pack pack;

    public ScenarioReader(Pack pack) { this.pack = pack; }

    /** Reads a scenario file; throws {@link Problems.Invalid} with every problem found. */
    public Scenario read(Path file) {
        Problems problems = new Problems();
        Node root = Node.read(file, file.toString(), problems);
        problems.throwIfAny();
        Node.Fields f = root.fields();
        problems.throwIfAny();
        Scenario s = read(f, Set.of());
        problems.throwIfAny();
        return s;
    }

    /** Reads the scenario fields of a mapping; {@code extra} are keys the caller reads itself. */
    public Scenario read(Node.Fields f, Set<String> extra) { return read(f, extra, null); }

    /** As {@link #read(Node.Fields, Set)}, with an as-of date to use where the input gives none. */
    public Scenario read(Node.Fields f, Set<String> extra, LocalDate defaultAsOf) {
        f.skip(extra.toArray(String[]::new));
        LocalDate asOf = bounded(f, "asOf", f.date("asOf", defaultAsOf == null));
        if (asOf == null) asOf = defaultAsOf;
        Profile subject = profile(f.opt("enterprise"), f);
        List<Fact> facts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (Node item : f.items("facts")) {
            Fact fact = fact(item, ++n);
            if (fact != null) {
                if (!ids.add(fact.id())) item.problem("fact id '" + fact.id() + "' is used twice");
                facts.add(fact);
            }
        }
        List<PriorAward> awarded = new ArrayList<>();
        for (Node item : f.items("awarded")) {
            PriorAward a = prior(item);
            if (a != null) awarded.add(a);
        }
        Node whatIf = f.opt("whatIf");
        Set<String> drafts = new LinkedHashSet<>();
        LocalDate draftEffective = whatIf(whatIf, drafts);
        f.done();
        if (asOf == null || subject == null) return null;
        return new Scenario(asOf, subject, facts, awarded, drafts, draftEffective);
    }

    private Profile profile(Node node, Node.Fields parent) {
        if (node == null) {
            parent.node().problems().add(parent.node().file(), parent.line(), "enterprise", "is required: who the scenario is about (kind, district, park, industries, qualifications)");
            return null;
        }
        Node.Fields f = node.fields();
        if (f == null) return null;
        String kindKey = f.text("kind", false);
        Beneficiary kind = Beneficiary.ENTERPRISE;
        if (kindKey != null) {
            kind = Beneficiary.fromKey(kindKey);
            if (kind == null) {
                f.opt("kind").problem(ProfileTerms.kindProblem(kindKey));
                kind = Beneficiary.ENTERPRISE;
            }
        }
        String code = f.text("creditCode", false);
        if (code != null && !CreditCode.isValid(code)) f.opt("creditCode").problem(CreditCode.problem(code));
        String size = f.text("size", false);
        Profile p = new Profile(f.text("name", false), code, kind, f.text("district", false), f.text("park", false),
                f.texts("industries"), f.texts("qualifications"), size);
        for (ProfileTerms.FieldProblem fp : pack.terms().check(p)) at(f, fp.field()).problem(fp.message());
        f.done();
        return p;
    }

    /** The node of a profile field named as "district" or "industries[1]". */
    private static Node at(Node.Fields f, String field) {
        int bracket = field.indexOf('[');
        if (bracket < 0) return f.opt(field);
        List<Node> items = f.items(field.substring(0, bracket));
        int i = Integer.parseInt(field.substring(bracket + 1, field.length() - 1));
        return i < items.size() ? items.get(i) : f.node();
    }

    private Fact fact(Node node, int n) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String typeKey = f.text("type", true);
        LocalDate date = bounded(f, "date", f.date("date", true));
        String id = f.text("id", false);
        String project = f.text("project", false);
        if (project != null && project.length() > Bound.SHORT_TEXT_CHARS) {
            f.opt("project").problem("text of at most " + Bound.SHORT_TEXT_CHARS + " characters expected, found " + project.length());
            project = null;
        }
        // before a document took effect: whether an application notice had been issued under the older policy (absent: not known)
        Node notice = f.opt("noticeIssued");
        Boolean noticeIssued = notice == null ? null : notice.bool();
        if (typeKey == null) return null;
        FactType type = pack.vocabulary().type(typeKey);
        if (type == null) {
            f.opt("type").problem("unknown fact type '" + typeKey + "'" + suggestion(typeKey) + " (see docs/facts.md)");
            return null;
        }
        Object[] values = new Object[type.fields().size()];
        for (int i = 0; i < values.length; i++) {
            FieldSpec spec = type.field(i);
            Node v = spec.required() ? f.req(spec.name()) : f.opt(spec.name());
            if (v != null) values[i] = value(v, spec);
        }
        for (String key : f.keys()) {
            if (!key.equals("type") && !key.equals("date") && !key.equals("id") && !key.equals("project") && !key.equals("noticeIssued") && type.indexOf(key) < 0) {
                f.skip(key);
                f.opt(key).problem("unknown field '" + key + "' for fact type " + typeKey + "; its fields are: "
                        + String.join(", ", type.fields().stream().map(FieldSpec::name).toList()));
            }
        }
        f.done();
        if (date == null) return null;
        return new Fact(id == null ? "f" + n : id, type, date, values, project, noticeIssued);
    }

    static Object value(Node v, FieldSpec spec) {
        switch (spec.type()) {
            case YUAN, NUMBER, INTEGER -> {
                Bound bound = Bound.of(spec);
                String t = v.text();
                if (t == null) return null;
                String clean = t.trim().replace("_", "");
                if (clean.length() > Bound.MAX_NUMBER_CHARS) {
                    v.problem("a number of at most " + Bound.MAX_NUMBER_CHARS + " characters expected, found " + clean.length());
                    return null;
                }
                BigDecimal d = v.decimal();
                if (d == null) return null;
                try {
                    return bound.check(d, clean);
                } catch (Bound.Refused e) {
                    v.problem(d.signum() < 0 ? (spec.type() == FieldType.YUAN ? "an amount" : "a number") + " cannot be negative, found " + clean
                            : bound.scale() == 0 && d.stripTrailingZeros().scale() > 0 ? "expected a whole number, found " + clean
                            : "out of bounds (" + bound.rule() + "), found " + clean);
                    return null;
                }
            }
            default -> { // TEXT
                String t = v.text();
                if (t != null && t.length() > Bound.SHORT_TEXT_CHARS) {
                    v.problem("text of at most " + Bound.SHORT_TEXT_CHARS + " characters expected, found " + t.length());
                    return null;
                }
                return t;
            }
            case BOOLEAN -> { return v.bool(); }
            case DATE -> {
                LocalDate d = v.date();
                if (d != null && (d.isBefore(Bound.FIRST_DATE) || d.isAfter(Bound.LAST_DATE))) {
                    v.problem("a date from " + Bound.FIRST_DATE + " to " + Bound.LAST_DATE + " expected, found " + d);
                    return null;
                }
                return d;
            }
            case ENUM -> {
                String t = v.text();
                if (t != null && !spec.values().contains(t)) {
                    v.problem(Nearest.unknown("“" + spec.term() + "”取值", t, spec.values()));
                    return null;
                }
                return t;
            }
        }
    }

    /**
     * An earlier award: under a clause of the pack ({clause, date, figure}), or under a policy
     * outside it ({matter, level, unit, date, figure}); with the project it was for and any keys a
     * cap is per (product, ship...).
     */
    private PriorAward prior(Node node) {
        Node.Fields f = node.fields();
        if (f == null) return null;
        String clause = f.text("clause", false);
        String matter = f.text("matter", false);
        String project = f.text("project", false);
        String levelKey = f.text("level", false), unitKey = f.text("unit", false);
        LocalDate date = bounded(f, "date", f.date("date", true));
        BigDecimal figure = f.decimal("figure", true);
        Level level = null;
        Unit unit = null;
        Clause c = clause == null ? null : pack.clause(clause);
        if (clause != null && c == null) f.opt("clause").problem("unknown clause '" + clause + "' (expected document-id:clause-id, e.g. city-2025:4.1)");
        if (clause == null && matter == null) f.node().problem("an earlier award names its clause (document-id:clause-id), or its matter, level and unit when it was made under a policy outside the pack");
        if (clause != null && (matter != null || levelKey != null || unitKey != null)) {
            f.node().problem("an earlier award under a clause of the pack takes its matter, level and unit from the clause; give either clause or matter, level and unit");
        }
        if (clause == null && matter != null) {
            if (!pack.matters().isEmpty() && !pack.matters().containsKey(matter)) f.opt("matter").problem(Nearest.unknown("事项", matter, pack.matters().keySet()));
            level = levelKey == null ? null : Level.fromKey(levelKey);
            if (levelKey == null) f.node().problem("an earlier award named by matter needs its level (nation, province, city or district)");
            else if (level == null) f.opt("level").problem("expected nation, province, city or district, found '" + levelKey + "'");
            unit = unitKey == null ? null : Unit.fromKey(unitKey);
            if (unitKey == null) f.node().problem("an earlier award named by matter needs its unit (yuan or points)");
            else if (unit == null) f.opt("unit").problem("expected yuan or points, found '" + unitKey + "'");
        }
        if (figure != null && figure.signum() < 0) f.opt("figure").problem("an award cannot be negative");
        else if (figure != null && outOfBounds(figure)) {
            f.opt("figure").problem("out of bounds (0 to " + Bound.YUAN.max().toPlainString() + " with at most " + Bound.POINTS.scale() + " decimals)");
            figure = null;
        }
        String source = f.text("source", false);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : f.keys()) {
            if (!List.of("clause", "matter", "level", "unit", "date", "figure", "source").contains(key)) {
                String t = f.text(key, false);
                if (t != null) keys.put(key, t);
            }
        }
        f.done();
        if (date == null || figure == null || c == null && (matter == null || level == null || unit == null)) return null;
        return new PriorAward(clause, c != null ? c.matter() : matter, project, c != null ? pack.document(c.documentId()).level() : level,
                c != null ? pack.document(c.documentId()).unit() : unit, date, figure, keys, source);
    }

    /** A date within the date bound, or null with a problem. */
    private static LocalDate bounded(Node.Fields f, String key, LocalDate d) {
        if (d == null || !d.isBefore(Bound.FIRST_DATE) && !d.isAfter(Bound.LAST_DATE)) return d;
        f.opt(key).problem("a date from " + Bound.FIRST_DATE + " to " + Bound.LAST_DATE + " expected, found " + d);
        return null;
    }

    /** An award is in yuan or in points: the magnitude of yuan, the decimals of points; read without expanding an exponent. */
    private static boolean outOfBounds(BigDecimal d) {
        long wholeDigits = (long) d.precision() - d.scale();
        if (d.signum() != 0 && wholeDigits > Bound.YUAN.max().precision()) return true;
        if (d.scale() > Bound.POINTS.scale() && d.stripTrailingZeros().scale() > Bound.POINTS.scale()) return true;
        return d.compareTo(Bound.YUAN.max()) > 0;
    }

    /** Reads whatIf: the drafts switched on into {@code out}; returns the assumed effective date of the drafts, or null. */
    private LocalDate whatIf(Node node, Set<String> out) {
        if (node == null) return null;
        Node.Fields f = node.fields();
        if (f == null) return null;
        LocalDate draftEffective = f.date("draftEffective", false);
        Node d = f.opt("drafts");
        if (d != null) {
            if (d.isList()) {
                for (Node item : d.items()) {
                    String id = item.text();
                    if (id == null) continue;
                    if (pack.document(id) == null) item.problem("unknown document '" + id + "'");
                    out.add(id);
                }
            } else {
                Boolean on = d.bool();
                if (Boolean.TRUE.equals(on)) out.add("*");
            }
        }
        if (draftEffective != null && out.isEmpty()) f.opt("draftEffective").problem("只有开启征求意见稿（whatIf.drafts）时才有假定生效日期");
        f.done();
        return draftEffective;
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (FactType t : pack.vocabulary().types()) {
            int d = distance(key, t.key());
            if (d < bestDistance) {
                bestDistance = d;
                best = t.key();
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? "; did you mean '" + best + "'?" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
