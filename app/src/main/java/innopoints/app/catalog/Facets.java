package innopoints.app.catalog;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import innopoints.engine.policy.Status;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values the one list can be filtered by, as they occur in the pack: documents in pack order,
 * industries and departments in pinyin order, beneficiaries and statuses in their declared order.
 */
public record Facets(List<Option> documents, List<String> industries, List<Option> beneficiaries,
                     List<String> departments, List<Option> statuses) {

    /** A filter value: the key a request carries and the label a person reads. */
    public record Option(String key, String label) {
        static Option of(Beneficiary b) { return new Option(b.key(), b.label()); }

        static Option of(Status s) { return new Option(s.key(), s.label()); }
    }

    public Facets {
        documents = List.copyOf(documents);
        industries = List.copyOf(industries);
        beneficiaries = List.copyOf(beneficiaries);
        departments = List.copyOf(departments);
        statuses = List.copyOf(statuses);
    }

    static Facets of(Pack pack) {
        Comparator<String> pinyin = Collator.getInstance(Locale.CHINA)::compare;
        List<Option> documents = new ArrayList<>();
        Set<String> industries = new TreeSet<>(pinyin);
        Set<Beneficiary> beneficiaries = EnumSet.noneOf(Beneficiary.class);
        Set<String> departments = new TreeSet<>(pinyin);
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (Document d : pack.documents()) {
            documents.add(new Option(d.id(), d.title()));
            statuses.add(d.status());
            for (Clause c : d.clauses()) {
                industries.addAll(c.industries());
                beneficiaries.addAll(c.beneficiaries());
                departments.addAll(c.departments());
            }
        }
        return new Facets(documents, List.copyOf(industries), beneficiaries.stream().map(Option::of).toList(),
                List.copyOf(departments), statuses.stream().map(Option::of).toList());
    }

    /** A clause's beneficiaries in their declared order. */
    public static List<Option> beneficiariesOf(Clause c) {
        return c.beneficiaries().stream().sorted().map(Option::of).toList();
    }
}
