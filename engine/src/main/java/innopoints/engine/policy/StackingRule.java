package innopoints.engine.policy;

/**
 * How a document stacks with others on the same matter: "就高不重复" among city policies, or
 * "上级和本级政策不重复享受" with this and higher levels.
 */
public record StackingRule(Rule rule, Among among, String quote) {
    public enum Rule { HIGHEST, NOT_TWICE }

    public enum Among { CITY, THIS_AND_HIGHER }

    /** Whether this rule, of a document at {@code ownLevel}, covers a document at {@code other}. */
    public boolean covers(Level ownLevel, Level other) {
        return switch (among) {
            case CITY -> other == Level.CITY;
            case THIS_AND_HIGHER -> other.rank() >= ownLevel.rank();
        };
    }
}
