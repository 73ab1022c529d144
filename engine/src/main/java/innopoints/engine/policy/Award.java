package innopoints.engine.policy;

import innopoints.engine.money.Numbers;
import innopoints.engine.money.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The award vocabulary: every way the Nantong texts state an amount. Each type computes its
 * figure for one fact and explains each step with the words it came from. Figures are in the
 * document's unit; types that the text states in yuan (a rate of a cost, a matching ratio, an
 * interest subsidy) convert through {@link Env#toUnit}. The figure is rounded once, at the end.
 */
public sealed interface Award {

    /** The words of the rule. */
    String quote();

    /** Further ceilings the text adds ("且不超过…"). */
    List<Limit> limits();

    /** The rule's own computation, before limits and rounding. */
    Outcome compute(Env env, Trace t);

    /** The figure for one fact: the rule, then its limits, rounded in the document's unit. */
    default Outcome evaluate(Env env, Trace t) {
        Outcome o = compute(env, t);
        if (!o.applies() || o.value() == null) return o;
        BigDecimal v = o.value();
        for (Limit l : limits()) {
            BigDecimal raw = env.eval(l.expr());
            BigDecimal limit = l.unit() == Unit.YUAN ? env.toUnit(raw, Trace.OFF) : raw;
            if (t.on()) t.step(l.quote(), "另不超过 " + env.describe(l.expr()) + " = " + Numbers.show(limit) + env.unit().label()
                    + (v.compareTo(limit) > 0 ? "，取 " + Numbers.show(limit) : "，不受限"));
            v = v.min(limit);
        }
        return Outcome.of(env.unit().round(v.max(BigDecimal.ZERO)), o.kind());
    }

    /** A further ceiling stated as an expression, in yuan or in the document's unit. */
    record Limit(Expression expr, Unit unit, String quote) {}

    private static BigDecimal capAt(BigDecimal v, BigDecimal max, String maxQuote, Env env, Trace t) {
        if (max == null) return v;
        if (t.on()) {
            String u = env.unit().label();
            t.step(maxQuote, v.compareTo(max) > 0
                    ? "按上限：" + Numbers.show(env.unit().round(v)) + u + " 超过 " + Numbers.show(max) + u + "，取 " + Numbers.show(max) + u
                    : "上限 " + Numbers.show(max) + u + "，" + Numbers.show(env.unit().round(v)) + u + " 未超过");
        }
        return v.min(max);
    }

    /** A fixed amount: "给予1000万元资金资助". */
    record Fixed(BigDecimal amount, String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            if (t.on()) t.step(quote, "定额 " + Numbers.show(amount) + env.unit().label());
            return Outcome.of(amount, Kind.DEFINITE);
        }
    }

    /** A ceiling: "给予最高100万元奖励", "单个企业最高不超过10分". */
    record UpTo(BigDecimal amount, String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            if (t.on()) t.step(quote, "最高 " + Numbers.show(amount) + env.unit().label() + "，具体金额由责任部门在此以内核定");
            return Outcome.of(amount, Kind.CEILING);
        }
    }

    /** A rate of a base in yuan, perhaps "不超过" it, perhaps with a maximum. */
    record Rate(Expression base, BigDecimal percent, boolean notExceeding, BigDecimal max, String maxQuote,
                String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            BigDecimal b = env.eval(base);
            BigDecimal yuan = b.multiply(percent).divide(Numbers.HUNDRED, Numbers.MC);
            if (t.on()) t.step(quote, env.describe(base) + " × " + (notExceeding ? "不超过 " : "") + Numbers.plain(percent) + "% = "
                    + Numbers.show(Unit.YUAN.round(yuan)) + "元");
            BigDecimal v = capAt(env.toUnit(yuan, t), max, maxQuote, env, t);
            return Outcome.of(v, notExceeding ? Kind.CEILING : Kind.DEFINITE);
        }
    }

    /** An amount per unit of a base: per full unit ("每满5000万元") or pro rata ("每2000元得0.14分"). */
    record PerUnit(Expression base, BigDecimal per, BigDecimal amount, boolean full, String unitLabel,
                   boolean notExceeding, BigDecimal max, String maxQuote, String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            BigDecimal b = env.eval(base);
            BigDecimal units = full ? b.divide(per, 0, RoundingMode.FLOOR) : b.divide(per, Numbers.MC);
            BigDecimal v = units.multiply(amount);
            if (t.on()) {
                String u = env.unit().label();
                t.step(quote, full
                        ? env.describe(base) + " 含 " + Numbers.show(units) + " 个满 " + Numbers.show(per) + unitLabel + "，× "
                          + Numbers.show(amount) + u + " = " + Numbers.show(env.unit().round(v)) + u
                        : env.describe(base) + " ÷ " + Numbers.show(per) + unitLabel + " × " + Numbers.show(amount) + u
                          + " = " + Numbers.show(env.unit().round(v)) + u);
            }
            v = capAt(v, max, maxQuote, env, t);
            return Outcome.of(v, notExceeding ? Kind.CEILING : Kind.DEFINITE);
        }
    }

    /** A matching ratio of an award from above: "最高按国家奖励金额1∶2给予奖励". */
    record Matching(Expression base, BigDecimal left, BigDecimal right, boolean upTo, BigDecimal max, String maxQuote,
                    String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            BigDecimal b = env.eval(base);
            BigDecimal yuan = b.multiply(right).divide(left, Numbers.MC);
            if (t.on()) t.step(quote, "按 " + Numbers.plain(left) + "∶" + Numbers.plain(right) + (upTo ? "（最高）" : "") + " 配套："
                    + env.describe(base) + " × " + Numbers.plain(right.divide(left, Numbers.MC)) + " = " + Numbers.show(Unit.YUAN.round(yuan)) + "元");
            BigDecimal v = capAt(env.toUnit(yuan, t), max, maxQuote, env, t);
            return Outcome.of(v, upTo ? Kind.CEILING : Kind.DEFINITE);
        }
    }

    /** Amounts by level or category of the fact: "分别给予最高50万元、10万元". */
    record ByLevel(int field, String fieldName, String fieldTerm, Map<String, Award> levels, String quote,
                   List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            Object level = env.fact().value(field);
            Award award = level == null ? null : levels.get(level.toString());
            if (award == null) {
                return Outcome.excluded(fieldTerm + "为“" + (level == null ? "未填写" : level) + "”，本条只列 "
                        + String.join("、", levels.keySet()));
            }
            if (t.on()) t.step(quote, fieldTerm + "为“" + level + "”");
            return award.evaluate(env, t);
        }
    }

    /** An interest subsidy in percentage points a year, for a number of years. */
    record Interest(Expression loan, BigDecimal percentagePoints, Expression years, BigDecimal maxYears,
                    BigDecimal perYearMax, String perYearMaxQuote, boolean notExceeding, String quote,
                    List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            BigDecimal perYear = env.toUnit(env.eval(loan).multiply(percentagePoints).divide(Numbers.HUNDRED, Numbers.MC), Trace.OFF);
            BigDecimal n = years == null ? BigDecimal.ONE : env.eval(years).setScale(0, RoundingMode.FLOOR);
            if (maxYears != null && n.compareTo(maxYears) > 0) n = maxYears;
            String u = env.unit().label();
            if (t.on()) t.step(quote, "每年贴息 " + env.describe(loan) + " × " + (notExceeding ? "不超过 " : "")
                    + Numbers.plain(percentagePoints) + "个百分点 = " + Numbers.show(env.unit().round(perYear)) + u
                    + "；贴息年数 " + Numbers.show(n) + (maxYears != null ? "（不超过" + Numbers.show(maxYears) + "年）" : ""));
            if (perYearMax != null && perYear.compareTo(perYearMax) > 0) {
                if (t.on()) t.step(perYearMaxQuote, "单年最高 " + Numbers.show(perYearMax) + u + "，每年取 " + Numbers.show(perYearMax) + u);
                perYear = perYearMax;
            }
            BigDecimal v = perYear.multiply(n);
            if (t.on()) t.step(null, Numbers.show(env.unit().round(perYear)) + u + " × " + Numbers.show(n) + "年 = " + Numbers.show(env.unit().round(v)) + u);
            return Outcome.of(v, notExceeding ? Kind.CEILING : Kind.DEFINITE);
        }
    }

    /**
     * A top-up of a subsidised rate to a target: "不足3个百分点的…予以补足", never making all
     * subsidies of the loan exceed the interest actually paid.
     */
    record TopUp(Expression loan, BigDecimal targetPoints, Expression received, Expression years,
                 Expression interest, Expression receivedAmount, String interestQuote, String quote,
                 List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            BigDecimal got = env.eval(received);
            BigDecimal gap = targetPoints.subtract(got);
            if (gap.signum() <= 0) return Outcome.excluded("已获贴息 " + Numbers.show(got) + " 个百分点，不低于 " + Numbers.show(targetPoints) + " 个百分点，无需补足");
            BigDecimal n = years == null ? BigDecimal.ONE : env.eval(years);
            BigDecimal yuan = env.eval(loan).multiply(gap).divide(Numbers.HUNDRED, Numbers.MC).multiply(n);
            if (t.on()) t.step(quote, "补足至 " + Numbers.show(targetPoints) + " 个百分点：" + env.describe(loan) + " × ("
                    + Numbers.show(targetPoints) + " − " + Numbers.show(got) + ")% × " + Numbers.show(n) + "年 = " + Numbers.show(Unit.YUAN.round(yuan)) + "元");
            if (interest != null) {
                BigDecimal room = env.eval(interest).subtract(receivedAmount == null ? BigDecimal.ZERO : env.eval(receivedAmount));
                if (room.signum() < 0) room = BigDecimal.ZERO;
                if (t.on()) t.step(interestQuote, "各级贴息总额不超过实际支出利息：尚余 " + Numbers.show(Unit.YUAN.round(room)) + "元"
                        + (yuan.compareTo(room) > 0 ? "，取 " + Numbers.show(Unit.YUAN.round(room)) + "元" : ""));
                yuan = yuan.min(room);
            }
            return Outcome.of(env.toUnit(yuan, t), Kind.DEFINITE);
        }
    }

    /** A rent subsidy per m² and month, for a limited number of months. */
    record PerAreaMonth(Expression area, Expression months, BigDecimal rate, BigDecimal maxMonths, boolean notExceeding,
                        BigDecimal max, String maxQuote, String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            BigDecimal m = env.eval(months);
            if (maxMonths != null && m.compareTo(maxMonths) > 0) m = maxMonths;
            BigDecimal v = env.eval(area).multiply(m).multiply(rate);
            String u = env.unit().label();
            if (t.on()) t.step(quote, env.describe(area) + "平方米 × " + Numbers.show(m) + "个月"
                    + (maxMonths != null ? "（不超过" + Numbers.show(maxMonths) + "个月）" : "") + " × "
                    + (notExceeding ? "最高 " : "") + Numbers.plain(rate) + u + "/平方米·月 = " + Numbers.show(env.unit().round(v)) + u);
            v = capAt(v, max, maxQuote, env, t);
            return Outcome.of(v, notExceeding ? Kind.CEILING : Kind.DEFINITE);
        }
    }

    /** "一事一议": an amount set case by case, perhaps within a stated maximum. */
    record CaseByCase(BigDecimal max, String maxQuote, String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            if (max == null) {
                if (t.on()) t.step(quote, "一事一议：金额由决定确定，文本未给出上限");
                return Outcome.undetermined();
            }
            if (t.on()) t.step(quote, "一事一议，" + (maxQuote != null ? "“" + maxQuote + "”，" : "") + "上限 " + Numbers.show(max) + env.unit().label());
            return Outcome.of(max, Kind.CEILING);
        }
    }

    /** The text rewards but states no amount ("给予补助", "实施奖励"). */
    record Unspecified(String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            if (t.on()) t.step(quote, "文本未规定金额，由责任部门依实施细则确定");
            return Outcome.undetermined();
        }
    }

    /**
     * "分档奖励": tiers left to implementing rules. Until an administrator enters a dated table the
     * figure is the text's maximum, as a ceiling.
     */
    record Tiered(BigDecimal max, String maxQuote, List<Tier> tiers, String quote, List<Limit> limits) implements Award {
        public Outcome compute(Env env, Trace t) {
            Tier tier = null;
            for (Tier candidate : tiers) {
                if (!candidate.from().isAfter(env.asOf()) && (tier == null || candidate.from().isAfter(tier.from()))) tier = candidate;
            }
            String u = env.unit().label();
            if (tier == null) {
                if (t.on()) t.step(quote, "分档标准尚待实施细则确定（截至 " + env.asOf() + " 未录入），暂以上限 "
                        + (max == null ? "未定" : Numbers.show(max) + u) + " 计");
                return max == null ? Outcome.undetermined() : Outcome.of(max, Kind.CEILING);
            }
            Object key = env.fact().value(tier.field());
            BigDecimal amount = key == null ? null : tier.table().get(key.toString());
            if (amount == null) {
                return Outcome.excluded(tier.basis() + "（" + tier.from() + " 起）的分档中没有“" + (key == null ? "未填写" : key) + "”");
            }
            if (t.on()) t.step(quote, "按" + tier.basis() + "（" + tier.from() + " 起施行）分档：“" + key + "”档 " + Numbers.show(amount) + u);
            if (max != null && amount.compareTo(max) > 0) amount = max;
            return Outcome.of(amount, tier.kind());
        }
    }

    /** One dated tier table of a {@link Tiered} award. */
    record Tier(LocalDate from, String basis, int field, String fieldName, Map<String, BigDecimal> table, Kind kind) {}
}
