package innopoints.app.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One balanced entry to write: its lines sum to zero in each unit. {@code idempotencyKey} makes
 * the write once-only: posting the same key again with the same payload returns the first entry
 * ({@link Entry#replayed()}); with a different payload it is refused. {@code refs} are what the
 * entry is about (claim, clause, enterprise, project, fact ids, keys a cap may be per, award
 * date): the ledger stores them and {@link LedgerQueries#awards} reads them back. {@code limits}
 * are upper bounds checked on the balances after posting, inside the same transaction (a cap as
 * a limit on an account); floors of zero are the accounts' own ({@link AccountKey#floored()}).
 */
public record Posting(String idempotencyKey, String kind, String actor, String memo, Map<String, String> refs,
                      List<Line> lines, List<Limit> limits, Long reverses) {
    public Posting {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        memo = memo == null ? "" : memo;
        refs = refs == null ? Map.of() : Map.copyOf(refs);
        lines = List.copyOf(lines);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    public Posting(String idempotencyKey, String kind, String actor, String memo, Map<String, String> refs, List<Line> lines) {
        this(idempotencyKey, kind, actor, memo, refs, lines, List.of(), null);
    }

    /** One line: the amount added to the account's balance (negative takes away), in the account's unit. */
    public record Line(AccountKey account, BigDecimal amount) {
        public Line {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The account's balance after posting may not exceed {@code max}; {@code reason} is the refusal's words (e.g. the cap's quote). */
    public record Limit(AccountKey account, BigDecimal max, String reason) {}
}
