package innopoints.app.funds;

/**
 * Posts approved awards and their corrections. Runs in the caller's transaction; the caller
 * (claims) has already taken {@code ledger.lockEnterprise} and checked the amount against what
 * the calculator allows now. Awarding splits the amount among the clause's payers (seed 000's
 * 4 : 6, seed 003's 南通高新区 rule; the split's rounding is stated once in its code), finds the
 * open fund of each payer (level, area, department, year), and posts one entry: yuan funds
 * commit the budget into a payable; points funds record the holder's points until the round
 * closes. A payer without a fund, or a fund that cannot pay, refuses the whole award.
 */
public interface Awarding {

    AwardPosted award(AwardRequest request);

    /** Reverses the award a claim received (a correction), e.g. "claim:42:reverse". Refused once paid or once its round closed. */
    AwardPosted reverse(String awardIdempotencyKey, String idempotencyKey, String actor, String reason);
}
