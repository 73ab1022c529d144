package innopoints.app.funds;

import innopoints.app.ledger.Entry;
import innopoints.engine.money.Amount;

import java.util.List;

/** The award as posted: the ledger entry and each paying fund's share. */
public record AwardPosted(Entry entry, List<Share> shares) {

    /** One payer's part: the split's payer words (e.g. "市级财政"), the fund that pays it, the amount. */
    public record Share(String payer, long fundId, String fundName, Amount amount) {}
}
