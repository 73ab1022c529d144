package innopoints.engine.policy;

import innopoints.engine.money.Numbers;
import innopoints.engine.money.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A clause's rule in plain Chinese, for lists and clause pages: "首轮流片费用的30%（不超过），最高200万元". */
public final class Plain {
    private Plain() {}

    public static String rule(Clause c, Unit unit) {
        if (!c.computable()) return "不涉及金额（定性条款）";
        List<String> parts = new ArrayList<>();
        parts.add(award(c.award(), unit));
        if (c.aggregate() != null) parts.add(c.aggregate().yearly() ? "按年度累计计算" : "按累计计算");
        for (Cap cap : c.caps()) {
            String per = cap.perField() < 0 ? "每个主体" : "每个" + c.fact().field(cap.perField()).term();
            if (!cap.byLevel()) {
                parts.add(per + (cap.yearly() ? "每年" : "累计") + "不超过" + money(cap.amount(), unit));
                continue;
            }
            List<String> levels = new ArrayList<>();
            cap.levels().forEach((level, amount) -> levels.add(level + money(amount, unit)));
            parts.add(per + (cap.yearly() ? "每年" : "累计") + "按" + cap.levelTerm() + "分别不超过" + String.join("、", levels));
        }
        return String.join("；", parts);
    }

    public static String award(Award a, Unit unit) {
        return switch (a) {
            case Award.Fixed x -> "定额" + money(x.amount(), unit);
            case Award.UpTo x -> "最高" + money(x.amount(), unit);
            case Award.Rate x -> x.base().words() + "的" + (x.notExceeding() ? "不超过" : "") + Numbers.plain(x.percent()) + "%"
                    + (unit == Unit.POINTS ? "（按1分=1万元折算）" : "") + (x.max() == null ? "" : "，最高" + money(x.max(), unit));
            case Award.PerUnit x -> (x.full() ? "每满" : "每") + Numbers.show(x.per()) + x.unitLabel() + "计" + money(x.amount(), unit)
                    + (x.max() == null ? "" : "，最高" + money(x.max(), unit));
            case Award.Matching x -> (x.upTo() ? "最高" : "") + "按" + x.base().words() + "的" + Numbers.plain(x.left()) + "∶" + Numbers.plain(x.right()) + "配套"
                    + (x.max() == null ? "" : "，最高" + money(x.max(), unit));
            case Award.ByLevel x -> {
                List<String> l = new ArrayList<>();
                for (Map.Entry<String, Award> e : x.levels().entrySet()) l.add(e.getKey() + "：" + award(e.getValue(), unit));
                yield "按" + x.fieldTerm() + "：" + String.join("；", l);
            }
            case Award.Interest x -> "按贷款额每年" + (x.notExceeding() ? "不超过" : "") + Numbers.plain(x.percentagePoints()) + "个百分点贴息"
                    + (x.maxYears() == null ? "" : "，不超过" + Numbers.show(x.maxYears()) + "年") + (x.perYearMax() == null ? "" : "，单年最高" + money(x.perYearMax(), unit));
            case Award.TopUp x -> "将已获贴息补足至" + Numbers.plain(x.targetPoints()) + "个百分点，各级贴息总额不超过实际支出利息";
            case Award.PerAreaMonth x -> (x.notExceeding() ? "最高" : "") + Numbers.plain(x.rate()) + unit.label() + "/平方米·月"
                    + (x.maxMonths() == null ? "" : "，不超过" + Numbers.show(x.maxMonths()) + "个月") + (x.max() == null ? "" : "，最高" + money(x.max(), unit));
            case Award.CaseByCase x -> "一事一议" + (x.max() == null ? "" : "，最高" + money(x.max(), unit));
            case Award.Unspecified x -> "给予支持，金额未规定（由实施细则或部门确定）";
            case Award.Tiered x -> "分档奖励" + (x.max() == null ? "" : "，最高" + money(x.max(), unit)) + (x.tiers().isEmpty() ? "（分档标准待实施细则确定）" : "");
        };
    }

    /** 2000000 yuan → "200万元"; 30 points → "30分". */
    public static String money(java.math.BigDecimal v, Unit unit) {
        if (unit == Unit.YUAN && v.compareTo(java.math.BigDecimal.valueOf(10000)) >= 0
                && v.remainder(java.math.BigDecimal.valueOf(100)).signum() == 0) {
            java.math.BigDecimal wan = v.divide(java.math.BigDecimal.valueOf(10000));
            if (wan.compareTo(java.math.BigDecimal.valueOf(10000)) >= 0 && wan.remainder(java.math.BigDecimal.valueOf(10000)).signum() == 0) {
                return Numbers.plain(wan.divide(java.math.BigDecimal.valueOf(10000))) + "亿元";
            }
            return Numbers.plain(wan) + "万元";
        }
        return Numbers.show(v) + unit.label();
    }
}
