package innopoints.app.web;

import innopoints.engine.money.Numbers;
import innopoints.engine.money.Unit;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every page writes amounts, points and years, so that no template formats a number on its
 * own: in lists yuan in 万元 with two decimals ("12.35万元"), in details exact yuan
 * ("123,456.78元"); points always with the precision of the product's rounding rule
 * ({@link Unit#POINTS}, 0.0001分); years as plain digits ("2025", never "2,025").
 * Templates reach it as {@code ${@fmt}}.
 */
@Component("fmt")
public class Format {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** Exact yuan for a detail: "123,456.78元". */
    public String yuan(BigDecimal v) {
        return v == null ? "" : Unit.YUAN.of(v).display();
    }

    /** Exact yuan without the unit, for a column whose header names it. */
    public String yuanPlain(BigDecimal v) {
        return v == null ? "" : Numbers.group(Unit.YUAN.round(v));
    }

    /** Yuan for a list: "12.35万元". */
    public String wan(BigDecimal v) {
        return v == null ? "" : Numbers.group(v.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP)) + "万元";
    }

    /** Points as the rounding rule keeps them: "30.0000分". */
    public String points(BigDecimal v) {
        return v == null ? "" : Unit.POINTS.of(v).display();
    }

    /** A figure in a detail: exact yuan, or points. {@code unit} is "yuan" or "points". */
    public String detail(BigDecimal v, String unit) {
        return innopoints.app.screening.Figures.text(v, unit);
    }

    /** A figure in a list or tally: 万元, or points. */
    public String list(BigDecimal v, String unit) {
        if (v == null) return innopoints.app.screening.Figures.text(null, unit);
        return Unit.YUAN.key().equals(unit) ? wan(v) : points(v);
    }

    /** A year as digits, never grouped. */
    public String year(Number y) {
        return y == null ? "" : String.valueOf(y.longValue());
    }

    /** A count with thousands separators: "12,345". */
    public String count(Number n) {
        return n == null ? "" : Numbers.group(BigDecimal.valueOf(n.longValue()));
    }
}
