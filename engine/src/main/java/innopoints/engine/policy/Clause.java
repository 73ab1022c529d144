package innopoints.engine.policy;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.FactType;

import java.util.List;
import java.util.Set;

/**
 * One clause of a document: its article, its exact words, who reviews it, whom it rewards, the
 * matter it rewards (for stacking), the fact that triggers it, its conditions, award and caps.
 * A clause with no computable award ({@code computable == false}) is still part of the list.
 * {@code counted} are its limits on counted quantities summed across facts ({@link Counted});
 * {@code notContinued} is the pack's reading when the clause is an item new in its document,
 * not continued from an older policy (null: continued, see {@link Transition}). {@code formerly}
 * are ids of the same document this clause replaced (clauses once split that the pack now writes
 * as one), so that an earlier reference to them still finds it.
 */
public record Clause(String documentId, String id, String article, String section, String title, String text,
                     List<String> departments, Set<Beneficiary> beneficiaries, List<String> industries,
                     String matter, FactType fact, List<Condition> conditions, Award award, List<Cap> caps,
                     Aggregate aggregate, Funding funding, String reading, boolean computable, Loc loc,
                     List<Counted> counted, String notContinued, List<String> formerly) {
    public Clause {
        formerly = formerly == null ? List.of() : List.copyOf(formerly);
        counted = counted == null ? List.of() : List.copyOf(counted);
        departments = List.copyOf(departments);
        beneficiaries = Set.copyOf(beneficiaries);
        industries = List.copyOf(industries);
        conditions = List.copyOf(conditions);
        caps = List.copyOf(caps);
    }

    public Clause(String documentId, String id, String article, String section, String title, String text,
                  List<String> departments, Set<Beneficiary> beneficiaries, List<String> industries,
                  String matter, FactType fact, List<Condition> conditions, Award award, List<Cap> caps,
                  Aggregate aggregate, Funding funding, String reading, boolean computable, Loc loc) {
        this(documentId, id, article, section, title, text, departments, beneficiaries, industries, matter, fact, conditions,
                award, caps, aggregate, funding, reading, computable, loc, List.of(), null, List.of());
    }

    /** "city-2025:4.1" */
    public String ref() { return documentId + ":" + id; }

    /** "第4条" or the heading as printed. */
    public String citation() {
        return article.chars().allMatch(Character::isDigit) ? "第" + article + "条" : article;
    }
}
