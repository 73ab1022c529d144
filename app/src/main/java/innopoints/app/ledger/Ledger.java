package innopoints.app.ledger;

import java.util.Collection;

/**
 * The append-only, double-entry ledger of yuan and points. Every method runs in the caller's
 * transaction (it must have one) so that the checks guarding a posting and the posting itself
 * commit or roll back together.
 *
 * <p>Lock order, the same everywhere, so that two approvals at once never deadlock: first the
 * enterprise ({@link #lockEnterprise}, ascending id when several), then accounts in
 * {@link AccountKey} order, then the chain head (taken by {@link #post} last, held to commit).
 */
public interface Ledger {

    /** Serialises everything that reads and then awards against one enterprise's caps. */
    void lockEnterprise(long enterpriseId);

    /** Creates any missing account and locks all of them, in key order. Call before reading balances to decide. */
    void lock(Collection<AccountKey> accounts);

    /**
     * Writes the entry: locks its accounts (in key order; those already locked by this
     * transaction are held), checks balance per unit, floors and limits, records each line's
     * balance before and after, links it to the chain. Refuses with {@link LedgerRefusal}.
     */
    Entry post(Posting posting);

    /** A reversing entry: every line of entry {@code seq} negated, linked to it; refused if it was reversed already. */
    Entry reverse(long seq, String idempotencyKey, String actor, String reason);
}
