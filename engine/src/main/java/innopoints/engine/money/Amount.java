package innopoints.engine.money;

import java.math.BigDecimal;

/** An exact amount of yuan or of points. Arithmetic refuses to mix the two. */
public sealed interface Amount extends Comparable<Amount> permits Yuan, Points {

    BigDecimal value();

    Unit unit();

    default Amount plus(Amount other) { return unit().of(value().add(same(other).value())); }

    default Amount minus(Amount other) { return unit().of(value().subtract(same(other).value())); }

    default Amount min(Amount other) { return compareTo(other) <= 0 ? this : other; }

    default Amount max(Amount other) { return compareTo(other) >= 0 ? this : other; }

    default boolean isPositive() { return value().signum() > 0; }

    default boolean isZero() { return value().signum() == 0; }

    @Override
    default int compareTo(Amount other) { return value().compareTo(same(other).value()); }

    /** The plain decimal string, e.g. "1500000.00", as the JSON output gives it. */
    default String plain() { return value().toPlainString(); }

    /** A readable figure with thousands separators and the unit, e.g. "1,500,000.00元". */
    default String display() { return Numbers.group(value()) + unit().label(); }

    private Amount same(Amount other) {
        if (other.unit() != unit()) {
            throw new IllegalArgumentException("cannot combine " + unit().key() + " with " + other.unit().key());
        }
        return other;
    }
}
