package innopoints.app.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A posted entry: its place in the chain ({@code seq}, gapless from 1), the hash of the entry
 * before it and its own, and each line with the account's balance before and after.
 * {@code replayed} says the call found the entry its idempotency key had already written.
 */
public record Entry(long seq, String idempotencyKey, String kind, String actor, String memo, Map<String, String> refs,
                    Instant at, Long reverses, List<PostedLine> lines, String prevHash, String hash, boolean replayed) {

    public record PostedLine(AccountKey account, BigDecimal amount, BigDecimal before, BigDecimal after) {}
}
