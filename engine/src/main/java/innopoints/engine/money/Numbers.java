package innopoints.engine.money;

import java.math.BigDecimal;
import java.math.MathContext;

/** Decimal helpers shared by rules and explanations. */
public final class Numbers {
    /** Intermediate precision: 34 significant digits, far beyond any amount in a policy. */
    public static final MathContext MC = MathContext.DECIMAL128;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {}

    /** "1500000.00" → "1,500,000.00"; trailing zeros of a fraction are kept as the scale says. */
    public static String group(BigDecimal v) {
        String plain = v.toPlainString();
        boolean negative = plain.startsWith("-");
        if (negative) plain = plain.substring(1);
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(',');
            sb.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + sb + frac;
    }

    /** A number without needless trailing zeros: 30.00 → "30", 0.140 → "0.14". */
    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0);
        return s.toPlainString();
    }

    /** A number for a sentence: grouped, without trailing zeros. */
    public static String show(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0);
        return group(s);
    }
}
