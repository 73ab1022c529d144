package innopoints.engine.calc;

import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;

import java.util.List;

/**
 * Figures the texts forbid enjoying together without saying which one wins ("上级和本级政策不重复
 * 享受"): the subject picks one when it claims. Totals never add them: they stay out of
 * {@link Calculation#results()}.
 *
 * @param matter  the matter they share (its words, from the pack's matters)
 * @param project what they are about (a fact's project key)
 * @param quote   the sentence that forbids enjoying both
 */
public record Choice(String matter, String project, String quote, List<Option> options) {
    public Choice {
        options = List.copyOf(options);
    }

    /** One alternative: a clause's figure for the facts it rests on, explained. */
    public record Option(Document document, Clause clause, Item item) {
        public String ref() { return clause.ref(); }

        /** This option as a clause's result, for the views that show results. */
        public Result asResult() { return Result.of(document, clause, List.of(item)); }
    }
}
