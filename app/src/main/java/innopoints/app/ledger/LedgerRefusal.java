package innopoints.app.ledger;

import innopoints.app.platform.Failures;

/** Why the ledger refused a posting: unbalanced, a floor or limit crossed, an idempotency key reused with another payload. */
public final class LedgerRefusal extends Failures.Conflict {
    public enum Reason { UNBALANCED, MIXED_UNITS, FLOOR, LIMIT, KEY_REUSED, ALREADY_REVERSED, UNKNOWN_ENTRY }

    private final Reason reason;

    public LedgerRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
