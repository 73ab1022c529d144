package innopoints.engine.pack;

import innopoints.engine.facts.Scenario;
import innopoints.engine.policy.Kind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A worked case: a scenario derived by hand from a clause's words and the results it must give.
 * {@code expect} lists every clause that awards, no more and no less; {@code alternatives} every
 * choice between figures that cannot be enjoyed together, each with all its options.
 */
public record WorkedCase(String name, String file, int line, Scenario scenario, List<Expected> expect,
                         List<List<Expected>> alternatives, List<String> undetermined, List<ExpectedExclusion> excluded) {
    public WorkedCase {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public record Expected(String clause, BigDecimal figure, Kind kind, Map<String, BigDecimal> split) {}

    public record ExpectedExclusion(String clause, String reason) {}

    /** Every clause the case names. */
    public List<String> clauses() {
        List<String> out = new java.util.ArrayList<>();
        expect.forEach(e -> out.add(e.clause()));
        alternatives.forEach(group -> group.forEach(e -> out.add(e.clause())));
        out.addAll(undetermined);
        excluded.forEach(e -> out.add(e.clause()));
        return out;
    }
}
