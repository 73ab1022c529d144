package innopoints.engine.policy;

/**
 * How a document stacks with others on the same matter: "就高不重复" among city policies, or
 * "上级和本级政策不重复享受" with this and higher levels. {@code tie} says which figure stands when
 * two are equal under a "highest" rule, with the words that decide it ({@code tieQuote}); without
 * one, equal figures are offered as alternatives rather than settled by the order of the pack.
 */
public record StackingRule(Rule rule, Among among, String quote, Tie tie, String tieQuote) {
    public enum Rule { HIGHEST, NOT_TWICE }

    public enum Among { CITY, THIS_AND_HIGHER }

    /** Which of two equal figures stands: the later-issued document's, the earlier's, or the subject's choice. */
    public enum Tie { NEWER, OLDER, CHOICE }

    public StackingRule {
        if (tie == null) tie = Tie.CHOICE;
    }

    public StackingRule(Rule rule, Among among, String quote) { this(rule, among, quote, Tie.CHOICE, null); }

    /** Whether this rule, of a document at {@code ownLevel}, covers a document at {@code other}. */
    public boolean covers(Level ownLevel, Level other) {
        return switch (among) {
            case CITY -> other == Level.CITY;
            case THIS_AND_HIGHER -> other.rank() >= ownLevel.rank();
        };
    }
}
