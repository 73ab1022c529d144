package innopoints.engine.valuation;

import innopoints.engine.money.Numbers;
import innopoints.engine.money.Points;
import innopoints.engine.money.Yuan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The yuan value of a point for one fund: the fund's budget divided by the points approved
 * against it, never more than the document's ceiling (seed 003: "原则上1分不超过1万元"). The value
 * of a point and each holder's payment are rounded down to the fen, so the fund never pays more
 * than its budget; what is left is the unspent remainder.
 */
public final class PointValuation {
    private PointValuation() {}

    public record Holder(String name, Points points) {
        public Holder {
            Objects.requireNonNull(name, "name");
            if (points.value().signum() < 0) throw new IllegalArgumentException("points of " + name + " cannot be negative");
        }
    }

    public record Payment(String name, Points points, Yuan yuan) {}

    /**
     * @param capped whether the ceiling, not the budget, set the value (the fund is under-spent)
     */
    public record Valuation(String fund, Yuan budget, Yuan ceiling, Points approved, Yuan pointValue, boolean capped,
                            List<Payment> payments, Yuan paid, Yuan remainder) {
        public String explanation(String ceilingQuote) {
            StringBuilder sb = new StringBuilder();
            sb.append(fund).append("：预算 ").append(budget.display()).append("，核定积分合计 ").append(approved.display()).append("。");
            if (approved.isZero()) return sb.append("无核定积分，预算全部结余。").toString();
            sb.append("预算 ÷ 积分 = ").append(Numbers.show(budget.value().divide(approved.value(), 6, RoundingMode.DOWN))).append("元/分");
            if (capped) sb.append("，超过上限，按“").append(ceilingQuote).append("”取 ").append(ceiling.display()).append("/分");
            else sb.append("，向下取整到分（0.01元）为 ").append(pointValue.display()).append("/分");
            sb.append("；实际兑付 ").append(paid.display()).append("，结余 ").append(remainder.display()).append("。");
            return sb.toString();
        }
    }

    public static Valuation value(String fund, Yuan budget, Yuan ceiling, List<Holder> holders) {
        if (budget.value().signum() < 0) throw new IllegalArgumentException("a budget cannot be negative");
        BigDecimal total = BigDecimal.ZERO;
        for (Holder h : holders) total = total.add(h.points().value());
        Points approved = new Points(total);
        BigDecimal perPoint;
        boolean capped = false;
        if (total.signum() == 0) {
            perPoint = BigDecimal.ZERO;
        } else {
            perPoint = budget.value().divide(total, 2, RoundingMode.DOWN);
            if (perPoint.compareTo(ceiling.value()) > 0) {
                perPoint = ceiling.value();
                capped = true;
            }
        }
        List<Payment> payments = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        for (Holder h : holders) {
            BigDecimal y = h.points().value().multiply(perPoint).setScale(2, RoundingMode.DOWN);
            paid = paid.add(y);
            payments.add(new Payment(h.name(), h.points(), new Yuan(y)));
        }
        return new Valuation(fund, budget, ceiling, approved, new Yuan(perPoint), capped, payments, new Yuan(paid),
                new Yuan(budget.value().subtract(paid)));
    }
}
