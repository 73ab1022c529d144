package innopoints.app.screening;

import innopoints.engine.money.Unit;

import java.math.BigDecimal;

/** Stored figures as people read them. */
public final class Figures {
    private Figures() {}

    public static String text(BigDecimal figure, String unit) {
        if (figure == null) return "金额由主管部门核定";
        Unit u = Unit.YUAN.key().equals(unit) ? Unit.YUAN : Unit.POINTS;
        return u.of(figure).display();
    }

    public static String kindLabel(String kind) {
        return switch (kind) {
            case "definite" -> "确定金额";
            case "ceiling" -> "最高可得";
            case "undetermined" -> "一事一议";
            default -> kind;
        };
    }
}
