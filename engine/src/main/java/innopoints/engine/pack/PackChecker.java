package innopoints.engine.pack;

import innopoints.engine.calc.Calculator;
import innopoints.engine.facts.ProfileTerms;
import innopoints.engine.policy.Award;
import innopoints.engine.policy.Condition;
import innopoints.engine.policy.Funding;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import innopoints.engine.policy.StackingRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a loaded pack beyond its syntax: every worked case passes, every computable clause
 * has a worked case, no matter overlaps between documents without a stacking rule, and (given
 * the source texts) every clause quotes its document verbatim.
 */
public final class PackChecker {

    public record Report(List<Problem> problems, int documents, int clauses, int cases, int casesPassed) {
        public boolean ok() { return problems.isEmpty(); }
    }

    public static Report check(LoadedPack loaded, Path sources) {
        List<Problem> problems = new ArrayList<>(loaded.problems());
        Pack pack = loaded.pack();
        if (pack == null) return new Report(problems, 0, 0, 0, 0);
        int clauses = 0;
        for (Document d : pack.documents()) clauses += d.clauses().size();

        CaseRunner runner = new CaseRunner(new Calculator(pack));
        int passed = 0;
        Set<String> covered = new HashSet<>();
        for (WorkedCase c : loaded.cases()) {
            covered.addAll(c.clauses());
            List<String> diffs = runner.differences(c);
            if (diffs.isEmpty()) passed++;
            for (String d : diffs) problems.add(new Problem(c.file(), c.line(), "case '" + c.name() + "'", d));
        }
        for (Document d : pack.documents()) {
            for (Clause c : d.clauses()) {
                if (c.computable() && !(c.award() instanceof Award.Unspecified) && !covered.contains(c.ref())) {
                    problems.add(new Problem(c.loc().file(), c.loc().line(), "clause " + c.id(), "has no worked case (add one to a cases*.yaml beside the document)"));
                }
            }
        }
        problems.addAll(overlaps(pack));
        problems.addAll(terms(pack));
        if (sources != null) problems.addAll(verbatim(pack, sources));
        return new Report(problems, pack.documents().size(), clauses, loaded.cases().size(), passed);
    }

    /**
     * Clauses of different documents that may reward the same thing without the pack saying how:
     * (a) one fact type triggers both, a stacking rule relates their documents, yet they name
     * different matters and matters.yaml does not declare them distinct, so whether they are paid
     * once or both is the pack's silence, not the texts' words; (b) they name one matter but no
     * stacking rule of either document relates them, so no text says whether both can be enjoyed.
     * Each problem is reported once per pair, at the later clause, naming both. A matter that
     * clauses of different documents share needs a reading in matters.yaml saying why.
     */
    static List<Problem> overlaps(Pack pack) {
        List<Problem> out = new ArrayList<>();
        List<Document> docs = pack.documents();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                Document a = docs.get(i), b = docs.get(j);
                boolean related = covers(a, b) || covers(b, a);
                for (Clause ca : a.clauses()) {
                    if (ca.matter() == null) continue;
                    for (Clause cb : b.clauses()) {
                        if (cb.matter() == null) continue;
                        boolean sameMatter = ca.matter().equals(cb.matter());
                        if (sameMatter && !related) {
                            out.add(new Problem(cb.loc().file(), cb.loc().line(), "clause " + cb.id(), "matter '" + cb.matter() + "' of " + cb.ref()
                                    + " is also rewarded by " + ca.ref() + " (" + ca.loc().file() + ":" + ca.loc().line()
                                    + "), and no stacking rule of either document relates them: no text says whether both can be enjoyed"));
                        } else if (!sameMatter && related && ca.fact() != null && ca.fact() == cb.fact()
                                && !pack.declaredDistinct(ca.ref(), cb.ref())) {
                            out.add(new Problem(cb.loc().file(), cb.loc().line(), "clause " + cb.id(), cb.ref() + " (matter '" + cb.matter() + "') and "
                                    + ca.ref() + " (" + ca.loc().file() + ":" + ca.loc().line() + ", matter '" + ca.matter()
                                    + "') are triggered by the same fact type '" + ca.fact().key() + "' under a stacking rule; "
                                    + "say in matters.yaml whether they are the same matter (one matter id, or a distinct entry with its reading)"));
                        }
                    }
                }
            }
        }
        Set<String> unread = new HashSet<>();
        for (Clause c : pack.clauses()) {
            if (c.matter() == null || !pack.matters().containsKey(c.matter()) || pack.matter(c.matter()).reading() != null) continue;
            for (Clause other : pack.clauses()) {
                if (other.documentId().equals(c.documentId()) || !c.matter().equals(other.matter())) continue;
                if (unread.add(c.matter())) {
                    out.add(new Problem(c.loc().file(), c.loc().line(), "clause " + c.id(), "matter '" + c.matter() + "' of " + c.ref() + " is shared with "
                            + other.ref() + " of another document; say in its reading in matters.yaml why they reward the same thing"));
                }
                break;
            }
        }
        for (Pack.Distinct d : pack.distinct()) {
            Clause x = pack.clause(d.first()), y = pack.clause(d.second());
            if (x != null && y != null && x.matter() != null && x.matter().equals(y.matter())) {
                out.add(new Problem(y.loc().file(), y.loc().line(), "clause " + y.id(), y.ref() + " and " + x.ref()
                        + " are declared distinct in matters.yaml but name the same matter '" + x.matter() + "'"));
            }
        }
        return out;
    }

    /**
     * Districts, parks, industries and qualifications the pack tests that no profile may hold
     * (places.yaml, terms.yaml): such a condition could never hold, and a scenario could not say it.
     */
    static List<Problem> terms(Pack pack) {
        ProfileTerms t = pack.terms();
        List<Problem> out = new ArrayList<>();
        for (Document d : pack.documents()) {
            if (d.appliesTo() != null) {
                for (String district : d.appliesTo().districts()) {
                    String why = t.districtProblem(district);
                    if (why != null) out.add(new Problem(d.loc().file(), d.loc().line(), "appliesTo.districts", why + " (places.yaml)"));
                }
            }
            if (d.funding() != null) {
                for (Funding.Cofunding cf : d.funding().cofunding()) {
                    String why = t.parkProblem(null, cf.park());
                    if (why != null) out.add(new Problem(d.loc().file(), d.loc().line(), "funding.cofunding.park", why + " (places.yaml)"));
                }
            }
            for (Clause c : d.clauses()) {
                List<Condition> all = new java.util.ArrayList<>();
                for (Condition top : c.conditions()) all.addAll(top.leaves());
                if (c.aggregate() != null && c.aggregate().weights() != null) for (Condition top : c.aggregate().weights().when()) all.addAll(top.leaves());
                for (Condition cond : all) {
                    // a profile value within any/all, or a multiplier's condition, is checked like one on its own; a comparison with another field names no value
                    if (cond.profileField() == null || !(cond.operand() instanceof String || cond.operand() instanceof Collection<?>)) continue;
                    Collection<?> values = cond.operand() instanceof Collection<?> many ? many : List.of(cond.operand());
                    for (Object v : values) {
                        String why = switch (cond.profileField()) {
                            case "district" -> t.districtProblem(v.toString());
                            case "park" -> t.parkProblem(null, v.toString());
                            case "industries" -> t.industryProblem(v.toString());
                            case "qualifications" -> t.qualificationProblem(v.toString());
                            case "size" -> ProfileTerms.sizeProblem(v.toString());
                            case "kind" -> ProfileTerms.kindProblem(v.toString());
                            default -> null;
                        };
                        if (why != null) out.add(new Problem(c.loc().file(), c.loc().line(), "clause " + c.id() + ".conditions",
                                "enterprise." + cond.profileField() + ": " + why + " (places.yaml, terms.yaml)"));
                    }
                }
            }
        }
        return out;
    }

    private static boolean covers(Document a, Document b) {
        for (StackingRule r : a.stacking()) if (r.covers(a.level(), b.level())) return true;
        return false;
    }

    /** Clauses whose text is not found, white space aside, in their source document. */
    static List<Problem> verbatim(Pack pack, Path sources) {
        List<Problem> out = new ArrayList<>();
        for (Document d : pack.documents()) {
            if (d.source() == null) continue;
            Path file = sources.resolve(d.source());
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\s+", "");
            } catch (IOException e) {
                out.add(new Problem(d.loc().file(), d.loc().line(), "source", "cannot read the source text " + file));
                continue;
            }
            for (Clause c : d.clauses()) {
                if (!text.contains(c.text().replaceAll("\\s+", ""))) {
                    out.add(new Problem(c.loc().file(), c.loc().line(), "clause " + c.id() + ".text", "is not verbatim from " + d.source()));
                }
            }
        }
        return out;
    }
}
