/**
 * The ledger: double-entry, append-only, hash-chained, idempotent. Its public API is this
 * package ({@link innopoints.app.ledger.Ledger}, {@link innopoints.app.ledger.LedgerQueries} and
 * their records); the implementation lives in {@code ledger.internal}. Design:
 * docs/decisions/0006-claims-ledger-funds.md.
 */
package innopoints.app.ledger;
