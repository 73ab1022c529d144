package innopoints.engine.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question to the calculator: as of a date, for this subject, with these facts and these
 * earlier awards, what could it claim? {@code drafts} switches draft documents on for a what-if:
 * empty means none, the id of a document switches that one on, "*" switches all on.
 */
public record Scenario(LocalDate asOf, Profile subject, List<Fact> facts, List<PriorAward> awarded,
                       Set<String> drafts) {
    public Scenario {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(subject, "subject");
        facts = List.copyOf(facts);
        awarded = awarded == null ? List.of() : List.copyOf(awarded);
        drafts = drafts == null ? Set.of() : Set.copyOf(drafts);
    }

    public boolean draftOn(String documentId) {
        return drafts.contains("*") || drafts.contains(documentId);
    }
}
