package innopoints.engine.calc;

import innopoints.engine.facts.Scenario;

import java.util.List;

/**
 * The answer to a scenario: the clauses that award (all of them can be enjoyed together), the
 * choices between figures that cannot be enjoyed together, those that apply with no figure, and
 * the rest with why.
 */
public record Calculation(Scenario scenario, List<Result> results, List<Choice> choices, List<Undetermined> undetermined,
                          List<Exclusion> excluded) {
    public Calculation {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public Calculation(Scenario scenario, List<Result> results, List<Undetermined> undetermined, List<Exclusion> excluded) {
        this(scenario, results, List.of(), undetermined, excluded);
    }
}
