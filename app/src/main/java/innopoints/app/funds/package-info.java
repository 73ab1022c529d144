/**
 * Special funds and budgets per department, level and year; the split of awards into payables;
 * closing a points round (the point value); payment batches and bank confirmations. Public API:
 * this package; implementation in {@code funds.internal}. Design: docs/decisions/0006-claims-ledger-funds.md.
 */
package innopoints.app.funds;
