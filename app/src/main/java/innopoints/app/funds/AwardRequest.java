package innopoints.app.funds;

import innopoints.app.ledger.Posting;
import innopoints.engine.money.Amount;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An approved award to post: the claim it settles, the enterprise, the clause, the facts and
 * project it rests on, the keys a cap may be per (field name to value, as
 * {@link innopoints.engine.facts.PriorAward#keys()}), the award's date (its year picks the funds
 * and the award account), and the approved amount in the clause's unit. {@code idempotencyKey}
 * is the claim's approval key, e.g. "claim:42:approve". {@code limits} are caps the caller states
 * as upper bounds on the award accounts (checked by the ledger after posting, in the same
 * transaction); the enterprise's award account for the clause and year is
 * {@link innopoints.app.ledger.AccountKey#award}.
 */
public record AwardRequest(String idempotencyKey, long claimId, long enterpriseId, String clauseRef, List<Long> factIds,
                           String project, Map<String, String> keys, LocalDate awardDate, Amount approved, String actor,
                           List<Posting.Limit> limits) {
    public AwardRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(clauseRef, "clauseRef");
        Objects.requireNonNull(awardDate, "awardDate");
        Objects.requireNonNull(approved, "approved");
        factIds = factIds == null ? List.of() : List.copyOf(factIds);
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }
}
