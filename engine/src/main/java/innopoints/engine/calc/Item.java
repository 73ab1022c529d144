package innopoints.engine.calc;

import innopoints.engine.money.Amount;
import innopoints.engine.policy.Kind;

import java.util.List;
import java.util.Map;

/**
 * The award of a clause for one fact (or for a period's total, for a cumulative clause): its
 * figure, kind, split between payers and the steps that led there.
 */
public record Item(String factId, String factTerm, java.time.LocalDate date, Amount figure, Kind kind,
                   Map<String, Amount> split, List<Step> steps) {}
