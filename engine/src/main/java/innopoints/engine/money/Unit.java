package innopoints.engine.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two units a policy awards in. The rounding rule of the whole product lives here and only
 * here: yuan are rounded half-up to the fen (0.01), points half-up to 0.0001.
 */
public enum Unit {
    YUAN("yuan", "元", 2),
    POINTS("points", "分", 4);

    private final String key;
    private final String label;
    private final int scale;

    Unit(String key, String label, int scale) {
        this.key = key;
        this.label = label;
        this.scale = scale;
    }

    public String key() { return key; }

    /** The unit's name in Chinese, as the documents write it. */
    public String label() { return label; }

    public int scale() { return scale; }

    public BigDecimal round(BigDecimal value) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    public Amount of(BigDecimal value) {
        return this == YUAN ? new Yuan(value) : new Points(value);
    }

    public Amount of(String value) { return of(new BigDecimal(value)); }

    public Amount zero() { return of(BigDecimal.ZERO); }

    public static Unit fromKey(String key) {
        for (Unit u : values()) if (u.key.equals(key)) return u;
        throw new IllegalArgumentException("unknown unit '" + key + "', expected yuan or points");
    }
}
