package innopoints.app.ledger;

import innopoints.engine.facts.PriorAward;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the ledger holds, read without locks. */
public interface LedgerQueries {

    BigDecimal balance(AccountKey account);

    Optional<Entry> entry(long seq);

    Optional<Entry> byIdempotencyKey(String key);

    /** Entries touching any account whose key starts with {@code prefix} (e.g. "payable:7:"), newest first, paged. */
    List<Entry> entries(String accountPrefix, int offset, int limit);

    /**
     * Everything the enterprise was awarded through the ledger (entries of kind "award" net of
     * their reversals), as earlier awards the calculator reads for caps and for 不重复: clause,
     * project, keys and date from the entry's refs, figure from its award line.
     */
    List<PriorAward> awards(long enterpriseId);
}
