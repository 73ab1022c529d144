package innopoints.app.registry;

import innopoints.app.platform.Policies;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.PriorAward;
import innopoints.engine.facts.Scenario;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an enterprise of the registry, its stored facts and its standing earlier awards into the
 * engine's scenario (voided awards are never passed: the caller gives the standing ones).
 */
@Component
public class ScenarioBuilder {
    private final Policies policies;

    public ScenarioBuilder(Policies policies) { this.policies = policies; }

    public Scenario scenario(Enterprise e, List<FactRecord> facts, List<AwardRecord> awards, LocalDate asOf, Set<String> drafts) {
        return new Scenario(asOf, e.profile(), engineFacts(facts), engineAwards(awards), drafts);
    }

    /** Standing awards as the engine's; voided ones and those whose clause the pack no longer has are left out. */
    public List<PriorAward> engineAwards(List<AwardRecord> awards) {
        List<PriorAward> out = new ArrayList<>(awards.size());
        for (AwardRecord a : awards) {
            if (a.voided()) continue;
            PriorAward p = a.toPrior(policies.pack());
            if (p != null) out.add(p);
        }
        return out;
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
