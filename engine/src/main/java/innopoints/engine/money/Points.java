package innopoints.engine.money;

import java.math.BigDecimal;
import java.util.Objects;

/** Points (分), the unit of Tongzhou's rewards, exact to 0.0001. */
public record Points(BigDecimal value) implements Amount {
    public Points {
        value = Unit.POINTS.round(Objects.requireNonNull(value, "value"));
    }

    public static Points of(String value) { return new Points(new BigDecimal(value)); }

    @Override public Unit unit() { return Unit.POINTS; }

    @Override public String toString() { return display(); }
}
