package innopoints.engine.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question to the calculator: as of a date, for this subject, with these facts and these
 * earlier awards, what could it claim? {@code drafts} switches draft documents on for a what-if:
 * empty means none, the id of a document switches that one on, "*" switches all on.
 * {@code draftEffective} is the date the what-if assumes a draft switched on takes effect; null
 * means the as-of date (a draft states no date of its own, see docs/decisions/0002-readings.md).
 */
public record Scenario(LocalDate asOf, Profile subject, List<Fact> facts, List<PriorAward> awarded,
                       Set<String> drafts, LocalDate draftEffective) {
    public Scenario {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(subject, "subject");
        facts = List.copyOf(facts);
        awarded = awarded == null ? List.of() : List.copyOf(awarded);
        drafts = drafts == null ? Set.of() : Set.copyOf(drafts);
    }

    public Scenario(LocalDate asOf, Profile subject, List<Fact> facts, List<PriorAward> awarded, Set<String> drafts) {
        this(asOf, subject, facts, awarded, drafts, null);
    }

    public boolean draftOn(String documentId) {
        return drafts.contains("*") || drafts.contains(documentId);
    }

    /** The date a switched-on draft is assumed to take effect: the one given, else the as-of date. */
    public LocalDate draftEffectiveDate() {
        return draftEffective != null ? draftEffective : asOf;
    }

    /** This scenario with drafts switched on as given, assumed to take effect on {@code effective} (null: the as-of date). */
    public Scenario withDrafts(Set<String> drafts, LocalDate effective) {
        return new Scenario(asOf, subject, facts, awarded, drafts, effective);
    }
}
