package innopoints.engine.policy;

import innopoints.engine.facts.Fact;
import innopoints.engine.money.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an award rule may read while it computes: the fact, the as-of date, the document's unit. */
public interface Env {
    Fact fact();

    /** Evaluates an expression of the rule; an aggregate clause substitutes its summed base. */
    BigDecimal eval(Expression e);

    /** Describes an expression with its values, for the explanation. */
    String describe(Expression e);

    LocalDate asOf();

    /** The document's unit. */
    Unit unit();

    /** Turns a yuan figure into the document's unit (points at the document's nominal value). */
    BigDecimal toUnit(BigDecimal yuan, Trace trace);
}
