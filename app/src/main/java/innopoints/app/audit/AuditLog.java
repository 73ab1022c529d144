package innopoints.app.audit;

/**
 * The audit log of every write by every user: the request-level record (who, when, which
 * operation, on what, with which outcome) is written for every write automatically; a module
 * adds what changed with {@link #record}, in the caller's transaction.
 */
public interface AuditLog {

    /**
     * @param actor    the username, or "system" for scheduled work
     * @param action   a short dotted name, e.g. "claim.accept", "fund.create"
     * @param target   what it acted on, e.g. "claim:42"
     * @param before   what it was (JSON text), or null
     * @param after    what it became (JSON text), or null
     */
    void record(String actor, String action, String target, String before, String after);
}
