package innopoints.engine.calc;

import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;

import java.util.List;

/**
 * A clause considered and not awarded, for one fact: why, in words that name the rule or the
 * condition, and the steps taken before it fell (for caps and stacking).
 *
 * @param reasonKind what kind of reason, so that a screen can tell a near miss from a closed door
 */
public record Exclusion(Document document, Clause clause, String factId, ReasonKind reasonKind, String reason, List<Step> steps) {
    public enum ReasonKind { DRAFT, NOT_PUBLISHED, OUTSIDE_WINDOW, OUTSIDE_AREA, BENEFICIARY, CONDITION, MISSING_VALUE, NOT_LISTED, CAP_USED, NO_BASE, STACKED, ALREADY_AWARDED }
}
