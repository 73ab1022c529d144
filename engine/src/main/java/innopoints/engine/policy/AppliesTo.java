package innopoints.engine.policy;

import java.util.Set;

/** The districts where a document applies, and the words that say so. */
public record AppliesTo(Set<String> districts, String quote) {
    public AppliesTo {
        districts = Set.copyOf(districts);
    }
}
