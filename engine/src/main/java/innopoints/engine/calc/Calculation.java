package innopoints.engine.calc;

import innopoints.engine.facts.Scenario;

import java.util.List;

/** The answer to a scenario: the clauses that award, those that apply with no figure, and the rest with why. */
public record Calculation(Scenario scenario, List<Result> results, List<Undetermined> undetermined, List<Exclusion> excluded) {}
