package innopoints.engine.money;

import java.math.BigDecimal;
import java.util.Objects;

/** Yuan (元), exact to the fen. */
public record Yuan(BigDecimal value) implements Amount {
    public Yuan {
        value = Unit.YUAN.round(Objects.requireNonNull(value, "value"));
    }

    public static Yuan of(String value) { return new Yuan(new BigDecimal(value)); }

    public static Yuan of(long value) { return new Yuan(BigDecimal.valueOf(value)); }

    @Override public Unit unit() { return Unit.YUAN; }

    @Override public String toString() { return display(); }
}
