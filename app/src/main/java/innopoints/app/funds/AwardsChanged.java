package innopoints.app.funds;

/** Published after an award or its reversal is posted, so that the push and anything caching caps for the enterprise update. */
public record AwardsChanged(long enterpriseId, String clauseRef) {}
