package innopoints.engine.policy;

import java.math.BigDecimal;

/**
 * What an award rule gives for one fact: a figure in the document's unit and its kind, or no
 * figure (undetermined), or a reason why the rule does not apply after all (e.g. a level it
 * does not list).
 */
public record Outcome(BigDecimal value, Kind kind, String excluded) {
    public static Outcome of(BigDecimal value, Kind kind) { return new Outcome(value, kind, null); }

    public static Outcome undetermined() { return new Outcome(null, Kind.UNDETERMINED, null); }

    public static Outcome excluded(String reason) { return new Outcome(null, null, reason); }

    public boolean applies() { return excluded == null; }
}
