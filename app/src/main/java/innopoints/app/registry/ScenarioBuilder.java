package innopoints.app.registry;

import innopoints.app.platform.Policies;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.Scenario;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns an enterprise of the registry and its stored facts into the engine's scenario. */
@Component
public class ScenarioBuilder {
    private final Policies policies;

    public ScenarioBuilder(Policies policies) { this.policies = policies; }

    public Scenario scenario(Enterprise e, List<FactRecord> facts, LocalDate asOf, Set<String> drafts) {
        return new Scenario(asOf, e.profile(), engineFacts(facts), List.of(), drafts);
    }

    /** Facts whose type the pack no longer knows are left out (the pack changed since they were entered). */
    public List<Fact> engineFacts(List<FactRecord> facts) {
        List<Fact> out = new ArrayList<>(facts.size());
        for (FactRecord r : facts) {
            FactType t = policies.pack().vocabulary().type(r.type());
            if (t != null) out.add(r.toFact(t));
        }
        return out;
    }
}
