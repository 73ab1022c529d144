package innopoints.engine.policy;

import innopoints.engine.money.Unit;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy document with its dates, status, unit, funding split, stacking rules and clauses, and
 * its transition provision for items before it took effect (null where it states none).
 */
public record Document(String id, String title, String source, String issuer, LocalDate issued, Level level,
                       Status status, Window effective, Unit unit, PointNominal pointNominal, AppliesTo appliesTo,
                       Funding funding, List<StackingRule> stacking, List<Clause> clauses, String reading, String folder,
                       Loc loc, Transition transition) {
    public Document {
        stacking = List.copyOf(stacking);
        clauses = List.copyOf(clauses);
    }

    public Document(String id, String title, String source, String issuer, LocalDate issued, Level level,
                    Status status, Window effective, Unit unit, PointNominal pointNominal, AppliesTo appliesTo,
                    Funding funding, List<StackingRule> stacking, List<Clause> clauses, String reading, String folder, Loc loc) {
        this(id, title, source, issuer, issued, level, status, effective, unit, pointNominal, appliesTo, funding, stacking,
                clauses, reading, folder, loc, null);
    }

    /** Whether a fact of this date happened before the document took effect. */
    public boolean beforeEffect(LocalDate date) {
        return effective.from() != null && date.isBefore(effective.from());
    }

    public Clause clause(String id) {
        for (Clause c : clauses) if (c.id().equals(id)) return c;
        return null;
    }
}
