package innopoints.engine.calc;

import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FieldType;
import innopoints.engine.facts.PriorAward;
import innopoints.engine.facts.Profile;
import innopoints.engine.facts.Scenario;
import innopoints.engine.money.Amount;
import innopoints.engine.money.Numbers;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Aggregate;
import innopoints.engine.policy.Cap;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Condition;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Env;
import innopoints.engine.policy.Expression;
import innopoints.engine.policy.Funding;
import innopoints.engine.policy.Kind;
import innopoints.engine.policy.Level;
import innopoints.engine.policy.Outcome;
import innopoints.engine.policy.Pack;
import innopoints.engine.policy.StackingRule;
import innopoints.engine.policy.Status;
import innopoints.engine.policy.Trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calculator: for a scenario, every clause its facts trigger is matched (document status,
 * dates, area, beneficiary, conditions), computed, capped (caps already used count), stacked
 * (the same matter under policies that forbid double benefit keeps the highest), split between
 * payers and explained. Facts are taken in date order, so caps fill up in the order things
 * happened. Thread-safe: one calculator may serve many threads.
 */
public final class Calculator {
    private final Pack pack;

    public Calculator(Pack pack) { this.pack = pack; }

    public Pack pack() { return pack; }

    /** Calculates with explanations. */
    public Calculation calculate(Scenario scenario) { return new Run(scenario, true).run(); }

    /** Calculates the same figures without explanations or exclusions, for screening many subjects. */
    public Calculation screen(Scenario scenario) { return new Run(scenario, false).run(); }

    private final class Run {
        final Scenario s;
        final boolean explain;
        final Map<String, BigDecimal> capUsed = new HashMap<>();
        final Map<String, List<Item>> items = new LinkedHashMap<>();
        final List<Undetermined> undetermined = new ArrayList<>();
        final List<Exclusion> excluded = new ArrayList<>();
        final Map<String, List<Fact>> aggregates = new LinkedHashMap<>();

        Run(Scenario s, boolean explain) {
            this.s = s;
            this.explain = explain;
        }

        Calculation run() {
            for (PriorAward a : s.awarded()) {
                Clause c = pack.clause(a.clause());
                if (c == null) continue;
                for (Cap cap : c.caps()) capUsed.merge(capKey(cap, a.keys().get(cap.per()), a.date().getYear()), a.figure(), BigDecimal::add);
            }
            List<Fact> facts = s.facts();
            if (facts.size() > 1) {
                facts = new ArrayList<>(facts);
                facts.sort(Comparator.comparing(Fact::date));
            }
            for (Fact f : facts) {
                List<Candidate> candidates = null;
                for (Clause c : pack.clausesFor(f.type().ordinal())) {
                    Document d = pack.document(c.documentId());
                    if (!gate(d, c, f)) continue;
                    if (c.aggregate() != null) {
                        String key = c.ref() + "|" + (c.aggregate().yearly() ? f.date().getYear() : "all");
                        aggregates.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                        continue;
                    }
                    Candidate cand = evaluate(d, c, f, null, null);
                    if (cand != null) {
                        if (candidates == null) candidates = new ArrayList<>(4);
                        candidates.add(cand);
                    }
                }
                if (candidates != null) settle(candidates);
            }
            List<Candidate> aggregated = new ArrayList<>();
            for (Map.Entry<String, List<Fact>> e : aggregates.entrySet()) {
                Clause c = pack.clause(e.getKey().substring(0, e.getKey().indexOf('|')));
                Candidate cand = aggregate(pack.document(c.documentId()), c, e.getValue());
                if (cand != null) aggregated.add(cand);
            }
            if (!aggregated.isEmpty()) settle(aggregated);

            List<Result> results = new ArrayList<>(items.size());
            for (Map.Entry<String, List<Item>> e : items.entrySet()) {
                Clause c = pack.clause(e.getKey());
                results.add(Result.of(pack.document(c.documentId()), c, e.getValue()));
            }
            return new Calculation(s, results, undetermined, excluded);
        }

        // ---- matching -------------------------------------------------------------------------

        boolean gate(Document d, Clause c, Fact f) {
            if (d.status() == Status.DRAFT && !s.draftOn(d.id())) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.DRAFT, "《" + d.title() + "》为征求意见稿，尚未生效；仅在假设分析中开启征求意见稿时计算");
                return false;
            }
            if (d.status() == Status.DRAFT && s.asOf().isBefore(s.draftEffectiveDate())) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.NOT_PUBLISHED, "计算日 " + s.asOf() + " 早于假定生效日期 " + s.draftEffectiveDate()
                        + "：按此假设，征求意见稿《" + d.title() + "》在计算日尚未施行");
                return false;
            }
            if (d.status() == Status.EXPIRED) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.OUTSIDE_WINDOW, "《" + d.title() + "》已失效");
                return false;
            }
            if (d.issued() != null && s.asOf().isBefore(d.issued()) && d.status() != Status.DRAFT) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.NOT_PUBLISHED, "计算日 " + s.asOf() + " 早于文件印发日 " + d.issued());
                return false;
            }
            if (!d.effective().contains(f.date()) && !(d.transition() != null && d.beforeEffect(f.date()))) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.OUTSIDE_WINDOW, "事实日期 " + f.date() + " 不在文件有效期 " + d.effective().words() + " 内"
                        + (d.effective().quote() != null ? "（“" + d.effective().quote() + "”）" : ""));
                return false;
            }
            Profile p = s.subject();
            if (d.appliesTo() != null && p.district() == null) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "未填写所在地区（enterprise.district），无法判断是否适用（本文件“" + d.appliesTo().quote() + "”）");
                return false;
            }
            if (d.appliesTo() != null && !d.appliesTo().districts().contains(p.district())) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.OUTSIDE_AREA, "所在地区“" + p.district() + "”不在本文件适用范围（“" + d.appliesTo().quote() + "”）");
                return false;
            }
            if (!c.beneficiaries().contains(p.kind())) {
                if (explain) exclude(d, c, f, Exclusion.ReasonKind.BENEFICIARY, "本条受益对象为" + String.join("、", c.beneficiaries().stream().map(b -> b.label()).toList())
                        + "，本主体为" + p.kind().label());
                return false;
            }
            for (Condition cond : c.conditions()) {
                Object actual = cond.actual(p, f);
                if (actual == null && cond.profileField() != null) {
                    if (explain) exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "未填写" + cond.fieldWords() + "（enterprise." + cond.profileField()
                            + "），无法判断是否适用（“" + cond.quote() + "”）");
                    return false;
                }
                if (!cond.holds(actual)) {
                    if (explain) exclude(d, c, f, Exclusion.ReasonKind.CONDITION, "不满足“" + cond.quote() + "”：" + cond.fieldWords() + "为 "
                            + cond.shown(actual) + "，要求" + cond.requirement());
                    return false;
                }
            }
            // asked last, so that the notice is asked for only where it would decide
            if (d.transition() != null && d.beforeEffect(f.date())) return transitionAdmits(d, c, f);
            return true;
        }

        /**
         * A fact dated before the document took effect, under its transition provision: computed
         * under the clause only when the department had issued no application notice under the
         * older policy and the clause continues an older item; every other case is excluded citing
         * the provision (an unknown notice as a missing value, which the department can settle).
         */
        boolean transitionAdmits(Document d, Clause c, Fact f) {
            innopoints.engine.policy.Transition tr = d.transition();
            String before = "事实日期 " + f.date() + " 早于本文件施行日 " + d.effective().from();
            if (tr.reachesBack() != null && f.date().isBefore(tr.reachesBack())) {
                exclude(d, c, f, Exclusion.ReasonKind.OUTSIDE_WINDOW, before + "，且早于过渡条款所及的 " + tr.reachesBack()
                        + "（本清单解读：“" + tr.quote() + "”只及于" + tr.reachesBack() + "以后的事项），不按本文件计算");
                return false;
            }
            if (c.notContinued() != null) {
                exclude(d, c, f, Exclusion.ReasonKind.OUTSIDE_WINDOW, before + "；本条为本文件新设项目（" + c.notContinued() + "），不属于“"
                        + tr.currentPolicyQuote() + "”所说的延续项目，施行前的事项不按本条计算");
                return false;
            }
            if (f.noticeIssued() == null) {
                exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, before + "。按“" + tr.quote() + "”：业务主管部门已就该事项按原政策发布申报通知的，按原政策条款执行；"
                        + "未发布的，按本条计算。未填写是否已发布申报通知（noticeIssued），无法判断");
                return false;
            }
            if (f.noticeIssued()) {
                exclude(d, c, f, Exclusion.ReasonKind.OUTSIDE_WINDOW, before + "，业务主管部门已发布申报通知：“" + tr.oldPolicyQuote() + "”，不按本文件计算");
                return false;
            }
            return true;
        }

        void exclude(Document d, Clause c, Fact f, Exclusion.ReasonKind kind, String reason) {
            if (!explain) return;
            if (f != null && d.transition() != null && d.beforeEffect(f.date()) && !reason.contains(d.transition().quote())
                    && !reason.contains(d.transition().oldPolicyQuote()) && !reason.contains(d.transition().currentPolicyQuote())) {
                // every excluded item from before the document took effect cites the transition provision
                reason = reason + "（该事项早于本文件施行日 " + d.effective().from() + "，另适用“" + d.transition().quote() + "”）";
            }
            excluded.add(new Exclusion(d, c, f == null ? null : f.id(), kind, reason, List.of()));
        }

        // ---- computing ------------------------------------------------------------------------

        /** A clause's figure for one fact (or a period's total), before stacking. */
        final class Candidate {
            final Document d;
            final Clause c;
            final Fact f;
            final int year;
            final Steps steps;
            BigDecimal value;
            Kind kind;

            Candidate(Document d, Clause c, Fact f, Steps steps) {
                this.d = d;
                this.c = c;
                this.f = f;
                this.year = f.date().getYear();
                this.steps = steps;
            }

            BigDecimal yuanValue() {
                return d.unit() == Unit.POINTS && d.pointNominal() != null ? value.multiply(d.pointNominal().yuan()) : value;
            }

            String factId() { return c.aggregate() != null ? null : f.id(); }
        }

        Candidate evaluate(Document d, Clause c, Fact f, Expression override, BigDecimal overrideValue) {
            Steps steps = explain ? new Steps() : null;
            Trace t = explain ? steps : Trace.OFF;
            if (explain) {
                if (d.status() == Status.DRAFT) steps.step(null, "本条款出自征求意见稿，尚未施行；按假定生效日期" + s.draftEffectiveDate() + "计算");
                for (Condition cond : c.conditions()) {
                    steps.step(cond.quote(), cond.fieldWords() + "为 " + cond.shown(cond.actual(s.subject(), f)) + "，符合（要求" + cond.requirement() + "）");
                }
                if (c.reading() != null) steps.step(null, "解读：" + c.reading());
                if (d.transition() != null && d.beforeEffect(f.date()) && override == null) {
                    steps.step(d.transition().currentPolicyQuote(), "事实日期 " + f.date() + " 早于本文件施行日 " + d.effective().from()
                            + "；业务主管部门未发布申报通知，本条项目在现行政策中继续延续，按本条计算");
                }
            }
            Counting counting = override == null && !c.counted().isEmpty() ? count(d, c, f, steps) : null;
            if (counting != null && counting.refused) return null;
            FactEnv env = new FactEnv(counting != null ? counting.fact : f, d, override, overrideValue);
            Outcome o;
            try {
                o = c.award().evaluate(env, t);
            } catch (Expression.MissingValue e) {
                exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "缺少“" + e.field().term() + "”（" + e.field().name() + "），无法计算");
                return null;
            }
            if (counting != null && o.applies()) counting.commit();
            if (!o.applies()) {
                exclude(d, c, f, Exclusion.ReasonKind.NOT_LISTED, o.excluded());
                return null;
            }
            if (o.value() == null) {
                undetermined.add(new Undetermined(d, c, f.id(), explain ? steps.copy() : List.of()));
                return null;
            }
            Candidate cand = new Candidate(d, c, f, steps);
            cand.value = o.value();
            cand.kind = o.kind();
            return cand;
        }

        // ---- counted quantities (months, persons, times) summed across facts ----------------------

        /** What each counted allowance has used, by {@link #countKey}; earlier awards first (built on first use). */
        Map<String, BigDecimal> countUsed;

        Map<String, BigDecimal> countedUsed() {
            if (countUsed != null) return countUsed;
            Map<String, BigDecimal> counted = new HashMap<>();
            countUsed = counted;
            for (PriorAward a : s.awarded()) {
                Clause c = a.clause() == null ? null : pack.clause(a.clause());
                if (c == null) continue;
                for (innopoints.engine.policy.Counted limit : c.counted()) {
                    if (limit.perProject() && a.project() == null) continue; // an award naming no project cannot be placed
                    String key = countKey(limit, a.project(), a.date().getYear());
                    BigDecimal q = BigDecimal.ONE;
                    if (limit.field() != null) {
                        String given = a.keys().get(limit.field());
                        try {
                            q = given == null ? null : new BigDecimal(given.trim());
                        } catch (NumberFormatException e) {
                            q = null;
                        }
                    }
                    if (q != null && q.signum() >= 0) counted.merge(key, q, BigDecimal::add);
                    else uncounted.putIfAbsent(key, a); // what it used is not known: never guess it was nothing
                }
            }
            return counted;
        }

        /** Earlier awards under a counted clause that do not say how much they counted, by {@link #countKey}. */
        final Map<String, PriorAward> uncounted = new HashMap<>();

        String countKey(innopoints.engine.policy.Counted limit, String project, int year) {
            return limit.group() + "|" + (limit.perProject() ? project : "") + "|" + (limit.yearly() ? year : 0);
        }

        /** A fact's share of its clause's counted allowances: the fact its award is computed on, and what it uses. */
        final class Counting {
            Fact fact;
            boolean refused;
            final List<String> keys = new ArrayList<>(1);
            final List<BigDecimal> takes = new ArrayList<>(1);

            void commit() {
                for (int i = 0; i < keys.size(); i++) countedUsed().merge(keys.get(i), takes.get(i), BigDecimal::add);
            }
        }

        /**
         * Applies the clause's counted limits to one fact, in date order: the fact counts only what
         * is left of each allowance ("给予不超过12个月": 8 months counted already leave 4), and its
         * award is computed on that; nothing left refuses the fact, naming what was counted.
         */
        Counting count(Document d, Clause c, Fact f, Steps steps) {
            Counting out = new Counting();
            out.fact = f;
            for (innopoints.engine.policy.Counted limit : c.counted()) {
                BigDecimal asked = limit.field() == null ? BigDecimal.ONE : out.fact.decimal(limit.fieldIndex());
                String term = limit.field() == null ? "次数" : f.type().field(limit.fieldIndex()).term();
                if (asked == null) {
                    exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "缺少“" + term + "”（" + limit.field() + "），无法按“" + limit.quote() + "”计数");
                    out.refused = true;
                    return out;
                }
                String key = countKey(limit, f.projectKey(), f.date().getYear());
                BigDecimal used = countedUsed().getOrDefault(key, BigDecimal.ZERO);
                PriorAward unknown = uncounted.get(key);
                if (unknown != null) {
                    exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "此前已按本条获得奖励（" + unknown.date() + "，" + Numbers.show(unknown.figure())
                            + d.unit().label() + "），但未填写当时计入的" + term + "（awarded 的 " + (limit.field() == null ? "次数" : limit.field())
                            + "），无法按“" + limit.quote() + "”判断尚余多少");
                    out.refused = true;
                    return out;
                }
                BigDecimal room = limit.max().subtract(used).max(BigDecimal.ZERO);
                BigDecimal take = asked.min(room);
                String u = limit.unit();
                String scope = limit.scopeWords(f.projectKey(), f.date().getYear());
                String thisTime = "本次" + (limit.field() == null ? "" : term) + " " + Numbers.show(asked) + u;
                if (room.signum() <= 0 && asked.signum() > 0) {
                    if (explain) excluded.add(new Exclusion(d, c, f.id(), Exclusion.ReasonKind.CAP_USED, "“" + limit.quote() + "”：" + scope + "已计 "
                            + Numbers.show(used) + u + "，已达上限 " + Numbers.show(limit.max()) + u + "，" + thisTime + "不再计入",
                            steps == null ? List.of() : steps.copy()));
                    out.refused = true;
                    return out;
                }
                if (steps != null) steps.step(limit.quote(), scope + term + "上限 " + Numbers.show(limit.max()) + u + "，已计 " + Numbers.show(used) + u
                        + "，尚余 " + Numbers.show(room) + u + "；" + thisTime
                        + (take.compareTo(asked) < 0 ? "，计 " + Numbers.show(take) + u : "，全部计入"));
                if (limit.field() != null && take.compareTo(asked) < 0) {
                    Object[] values = f.values().clone();
                    for (int i = 0; i < values.length; i++) values[i] = out.fact.value(i);
                    values[limit.fieldIndex()] = take;
                    out.fact = new Fact(f.id(), f.type(), f.date(), values, f.project(), f.noticeIssued());
                }
                out.keys.add(key);
                out.takes.add(take);
            }
            return out;
        }

        Candidate aggregate(Document d, Clause c, List<Fact> group) {
            Aggregate ag = c.aggregate();
            Expression base = baseOf(c);
            BigDecimal sum = BigDecimal.ZERO;
            Steps pre = explain ? new Steps() : null;
            Fact last = group.get(group.size() - 1);
            for (Fact f : group) {
                BigDecimal v;
                try {
                    v = base.eval(f);
                } catch (Expression.MissingValue e) {
                    exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "缺少“" + e.field().term() + "”（" + e.field().name() + "），未计入累计");
                    continue;
                }
                BigDecimal w = BigDecimal.ONE;
                if (ag.weights() != null) {
                    Object key = f.value(ag.weights().field());
                    BigDecimal weight = key == null ? null : ag.weights().values().get(key.toString());
                    // a multiplier whose words need several things ("种子期、初创期科技型企业") applies only when all hold
                    Condition unmet = weight == null ? null : ag.weights().when().stream().filter(cond -> !cond.holds(s.subject(), f)).findFirst().orElse(null);
                    if (unmet != null) {
                        if (explain) pre.step(unmet.quote(), f.id() + "：" + unmet.fieldWords() + "为 " + unmet.shown(unmet.actual(s.subject(), f))
                                + "（要求" + unmet.requirement() + "），不按“" + ag.weights().quote() + "”加倍计入，按1倍计入");
                        weight = null;
                    }
                    if (weight != null) w = weight;
                }
                sum = sum.add(v.multiply(w));
                if (explain && d.transition() != null && d.beforeEffect(f.date())) {
                    pre.step(d.transition().currentPolicyQuote(), f.id() + "：事实日期 " + f.date() + " 早于本文件施行日 " + d.effective().from()
                            + "，业务主管部门未发布申报通知，本条项目延续，计入");
                }
                if (explain) pre.step(w.compareTo(BigDecimal.ONE) != 0 ? ag.weights().quote() : null,
                        f.date() + " " + f.id() + "：" + base.words() + " " + Numbers.show(v) + (w.compareTo(BigDecimal.ONE) != 0 ? " × " + Numbers.plain(w) + (ag.weights().upTo() ? "（最高）" : "") + " = " + Numbers.show(v.multiply(w)) : "") + " 计入");
            }
            if (explain) pre.step(null, (ag.yearly() ? last.date().getYear() + "年度" : "") + "累计 " + base.words() + " " + Numbers.show(sum));
            if (ag.atLeast() != null && sum.compareTo(ag.atLeast()) < 0) {
                if (explain) excluded.add(new Exclusion(d, c, null, Exclusion.ReasonKind.CONDITION, "不满足“" + ag.atLeastQuote() + "”："
                        + (ag.yearly() ? last.date().getYear() + "年度" : "") + "累计 " + base.words() + " " + Numbers.show(sum) + "，要求 ≥ " + Numbers.show(ag.atLeast()), pre.copy()));
                return null;
            }
            Candidate cand = evaluate(d, c, last, base, sum);
            if (cand == null) return null;
            if (explain) cand.steps.list.addAll(0, pre.list);
            BigDecimal before = BigDecimal.ZERO;
            for (PriorAward a : s.awarded()) {
                if (a.clause().equals(c.ref()) && (!ag.yearly() || a.date().getYear() == last.date().getYear())) before = before.add(a.figure());
            }
            if (before.signum() > 0) {
                BigDecimal rest = cand.value.subtract(before).max(BigDecimal.ZERO);
                if (explain) cand.steps.step(null, "本条" + (ag.yearly() ? "本年度" : "") + "已获 " + Numbers.show(before) + d.unit().label()
                        + "，本次新增 " + Numbers.show(cand.value) + " − " + Numbers.show(before) + " = " + Numbers.show(rest) + d.unit().label());
                cand.value = rest;
                if (rest.signum() == 0) {
                    if (explain) excluded.add(new Exclusion(d, c, null, Exclusion.ReasonKind.ALREADY_AWARDED, "按累计计算的奖励已全部获得（已获 "
                            + Numbers.show(before) + d.unit().label() + "）", explain ? cand.steps.copy() : List.of()));
                    return null;
                }
            }
            return cand;
        }

        Expression baseOf(Clause c) {
            return switch (c.award()) {
                case innopoints.engine.policy.Award.Rate r -> r.base();
                case innopoints.engine.policy.Award.PerUnit p -> p.base();
                case innopoints.engine.policy.Award.Matching m -> m.base();
                default -> throw new IllegalStateException("aggregate without a base: " + c.ref());
            };
        }

        // ---- caps, stacking, split ------------------------------------------------------------

        String capKey(Cap cap, String keyValue, int year) {
            return cap.group() + "|" + (cap.perField() < 0 ? "" : keyValue) + "|" + (cap.yearly() ? year : 0);
        }

        String capKey(Cap cap, Candidate cand) {
            String keyValue = null;
            if (cap.perField() >= 0) {
                Object v = cand.f.value(cap.perField());
                keyValue = v == null ? cand.f.id() : v.toString();
            }
            return capKey(cap, keyValue, cand.year);
        }

        /** Applies caps to a candidate's value without using them; returns false if nothing is left. */
        boolean applyCaps(Candidate cand) {
            if (cand.value.signum() <= 0) {
                // nothing to pay before any cap is looked at (a difference of zero or less, seed 000 art. 46): say so, not "上限已用尽"
                if (explain) excluded.add(new Exclusion(cand.d, cand.c, cand.factId(), Exclusion.ReasonKind.NO_BASE, "按“" + cand.c.award().quote()
                        + "”计算所得为" + Numbers.show(cand.value) + cand.d.unit().label() + "，无可给予的金额（计算基数或差额为零或负数，或未达到计量标准）",
                        cand.steps.copy()));
                return false;
            }
            for (Cap cap : cand.c.caps()) {
                BigDecimal used = capUsed.getOrDefault(capKey(cap, cand), BigDecimal.ZERO);
                BigDecimal room = cap.amount().subtract(used).max(BigDecimal.ZERO);
                if (explain) {
                    String term = cap.perField() < 0 ? null : cand.f.type().field(cap.perField()).term();
                    String u = cand.d.unit().label();
                    cand.steps.step(cap.quote(), cap.scopeWords(term) + (cap.yearly() ? "（" + cand.year + "年）" : "") + "上限 " + Numbers.show(cap.amount()) + u
                            + "，已用 " + Numbers.show(used) + u + "，尚余 " + Numbers.show(room) + u
                            + (cand.value.compareTo(room) > 0 ? "，取 " + Numbers.show(room) + u : ""));
                }
                if (cand.value.compareTo(room) > 0) cand.value = room;
            }
            if (cand.value.signum() <= 0) {
                if (explain) excluded.add(new Exclusion(cand.d, cand.c, cand.factId(), Exclusion.ReasonKind.CAP_USED, "上限已用尽："
                        + String.join("；", cand.c.caps().stream().map(cp -> "“" + cp.quote() + "”").toList()), explain ? cand.steps.copy() : List.of()));
                return false;
            }
            return true;
        }

        void settle(List<Candidate> candidates) {
            List<Candidate> live = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) if (applyCaps(c)) live.add(c);
            if (live.size() > 1) live.sort((a, b) -> b.yuanValue().compareTo(a.yuanValue()));
            List<Candidate> accepted = new ArrayList<>(live.size());
            for (Candidate c : live) {
                Candidate winner = null;
                StackingRule rule = null;
                for (Candidate a : accepted) {
                    rule = conflict(a, c);
                    if (rule != null) {
                        winner = a;
                        break;
                    }
                }
                if (winner != null) {
                    if (!explain) continue;
                    String why = "与《" + winner.d.title() + "》" + winner.c.citation() + "为同一事项（" + c.c.matter() + "），"
                            + (rule.quote() != null ? "按“" + rule.quote() + "”" : "不重复享受") + "，取较高者（"
                            + Numbers.show(winner.value) + winner.d.unit().label() + (winner.d.unit() != c.d.unit() ? "，按1分=" + Numbers.show(nominal(winner.d, c.d)) + "元比较" : "") + "）";
                    excluded.add(new Exclusion(c.d, c.c, c.factId(), Exclusion.ReasonKind.STACKED, why, explain ? c.steps.copy() : List.of()));
                    continue;
                }
                accepted.add(c);
            }
            for (Candidate c : accepted) {
                for (Cap cap : c.c.caps()) capUsed.merge(capKey(cap, c), c.value, BigDecimal::add);
                Map<String, Amount> split = split(c);
                Amount figure = c.d.unit().of(c.value);
                Item item = new Item(c.factId(), c.f.type().term(), c.c.aggregate() != null ? null : c.f.date(), figure, c.kind, split,
                        explain ? c.steps.copy() : List.of());
                items.computeIfAbsent(c.c.ref(), k -> new ArrayList<>(2)).add(item);
            }
        }

        BigDecimal nominal(Document a, Document b) {
            Document p = a.unit() == Unit.POINTS ? a : b;
            return p.pointNominal() == null ? BigDecimal.ONE : p.pointNominal().yuan();
        }

        /** The stacking rule under which two candidates on one fact exclude each other, or null. */
        StackingRule conflict(Candidate a, Candidate b) {
            if (a.c.matter() == null || !a.c.matter().equals(b.c.matter()) || a.c == b.c) return null;
            if (a.c.aggregate() == null && b.c.aggregate() == null && a.f != b.f) return null;
            if (a.c.aggregate() != null && b.c.aggregate() != null && (a.c.aggregate().yearly() || b.c.aggregate().yearly()) && a.year != b.year) return null;
            if (a.d == b.d) {
                return new StackingRule(StackingRule.Rule.HIGHEST, StackingRule.Among.CITY,
                        a.d.stacking().isEmpty() ? null : a.d.stacking().get(0).quote());
            }
            for (StackingRule r : b.d.stacking()) if (r.covers(b.d.level(), a.d.level())) return r;
            for (StackingRule r : a.d.stacking()) if (r.covers(a.d.level(), b.d.level())) return r;
            return null;
        }

        Map<String, Amount> split(Candidate c) {
            Funding funding = c.c.funding() != null ? c.c.funding() : c.d.funding();
            Map<String, BigDecimal> shares = funding.shares();
            String quote = funding.quote();
            String park = s.subject().park();
            if (park != null) {
                for (Document other : pack.documents()) {
                    if (other.level() != Level.DISTRICT || other.funding() == null) continue;
                    if (other.status() == Status.DRAFT && !s.draftOn(other.id())) continue;
                    if (!other.effective().contains(c.f.date())) continue;
                    if (other.appliesTo() != null && (s.subject().district() == null || !other.appliesTo().districts().contains(s.subject().district()))) continue;
                    for (Funding.Cofunding cf : other.funding().cofunding()) {
                        if (!park.equals(cf.park())) continue;
                        if (other == c.d && !cf.exceptArticles().contains(c.c.article())) {
                            shares = cf.split();
                            quote = cf.quote();
                        } else if (other != c.d && c.d.level() == Level.CITY && cf.cityDistrictShare() != null
                                && shares.containsKey(cf.cityDistrictShare())) {
                            shares = expand(shares, cf.cityDistrictShare(), cf.split());
                            quote = quote + "；" + cf.quote();
                        }
                    }
                }
            }
            Map<String, Amount> out = divide(c.value, c.d.unit(), shares);
            if (explain) {
                StringBuilder sb = new StringBuilder("资金分担：");
                out.forEach((payer, a) -> sb.append(payer).append(" ").append(a.display()).append("；"));
                sb.setLength(sb.length() - 1);
                c.steps.step(quote, sb.toString() + (funding.reading() != null ? "（" + funding.reading() + "）" : ""));
            }
            return out;
        }

        Map<String, BigDecimal> expand(Map<String, BigDecimal> shares, String payer, Map<String, BigDecimal> split) {
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal w : split.values()) total = total.add(w);
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
                if (!e.getKey().equals(payer)) {
                    out.merge(e.getKey(), e.getValue(), BigDecimal::add);
                    continue;
                }
                for (Map.Entry<String, BigDecimal> p : split.entrySet()) {
                    out.merge(p.getKey(), e.getValue().multiply(p.getValue()).divide(total, Numbers.MC), BigDecimal::add);
                }
            }
            return out;
        }

        // ---- expressions with the fact's values -----------------------------------------------

        final class FactEnv implements Env {
            final Fact f;
            final Document d;
            final Expression override;
            final BigDecimal overrideValue;

            FactEnv(Fact f, Document d, Expression override, BigDecimal overrideValue) {
                this.f = f;
                this.d = d;
                this.override = override;
                this.overrideValue = overrideValue;
            }

            public Fact fact() { return f; }

            public BigDecimal eval(Expression e) { return e == override ? overrideValue : e.eval(f); }

            public String describe(Expression e) {
                if (e == override) return "累计" + e.words() + " " + Numbers.show(overrideValue);
                if (e instanceof Expression.Field field) {
                    return field.spec().term() + " " + field.withValues(f) + (field.spec().type() == FieldType.YUAN ? "元" : "");
                }
                return e.words() + " = " + e.withValues(f) + " = " + Numbers.show(e.eval(f).setScale(4, RoundingMode.HALF_UP));
            }

            public LocalDate asOf() { return s.asOf(); }

            public Unit unit() { return d.unit(); }

            public BigDecimal toUnit(BigDecimal yuan, Trace t) {
                if (d.unit() == Unit.YUAN) return yuan;
                BigDecimal perPoint = d.pointNominal().yuan();
                BigDecimal points = yuan.divide(perPoint, Numbers.MC);
                if (t.on()) t.step(d.pointNominal().quote(), "按1分=" + Numbers.show(perPoint) + "元折算：" + Numbers.show(Unit.YUAN.round(yuan)) + "元 ÷ "
                        + Numbers.show(perPoint) + " = " + Numbers.show(Unit.POINTS.round(points)) + "分");
                return points;
            }
        }
    }

    /** Divides a figure between payers by their shares; the last payer takes the remainder. */
    public static Map<String, Amount> divide(BigDecimal figure, Unit unit, Map<String, BigDecimal> shares) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : shares.values()) total = total.add(w);
        Map<String, Amount> out = new LinkedHashMap<>();
        BigDecimal left = unit.round(figure);
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            BigDecimal part = ++i == shares.size() ? left : unit.round(figure.multiply(e.getValue()).divide(total, Numbers.MC));
            left = left.subtract(part);
            out.put(e.getKey(), unit.of(part));
        }
        return out;
    }
}
