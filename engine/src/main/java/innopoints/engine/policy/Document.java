package innopoints.engine.policy;

import innopoints.engine.money.Unit;

import java.time.LocalDate;
import java.util.List;

/** A policy document with its dates, status, unit, funding split, stacking rules and clauses. */
public record Document(String id, String title, String source, String issuer, LocalDate issued, Level level,
                       Status status, Window effective, Unit unit, PointNominal pointNominal, AppliesTo appliesTo,
                       Funding funding, List<StackingRule> stacking, List<Clause> clauses, String reading, String folder,
                       Loc loc) {
    public Document {
        stacking = List.copyOf(stacking);
        clauses = List.copyOf(clauses);
    }

    public Clause clause(String id) {
        for (Clause c : clauses) if (c.id().equals(id)) return c;
        return null;
    }
}
