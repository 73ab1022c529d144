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

    private final Map<String, Boolean> yearlyMatters = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a matter is counted per calendar year: some clause of it caps or totals per year. */
    boolean yearlyMatter(String matter) {
        return yearlyMatters.computeIfAbsent(matter, m -> {
            for (Clause c : pack.clauses()) if (m.equals(c.matter()) && Run.yearly(c)) return true;
            return false;
        });
    }

    /** Calculates with explanations. */
    public Calculation calculate(Scenario scenario) { return new Run(scenario, true).run(); }

    /** Calculates the same figures without explanations or exclusions, for screening many subjects. */
    public Calculation screen(Scenario scenario) { return new Run(scenario, false).run(); }

    private final class Run {
        final Scenario s;
        final boolean explain;
        final Map<String, BigDecimal> capUsed = new HashMap<>();
        final Map<String, List<Item>> items = new LinkedHashMap<>();
        /** Every figure accepted so far, in the order facts happened: a later one of the same matter and project meets them. */
        final List<Candidate> accepted = new ArrayList<>();
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
                for (Cap cap : c.caps()) capUsed.merge(capKey(cap, a), a.figure(), BigDecimal::add);
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

            List<Choice> choices = new ArrayList<>();
            for (List<Candidate> group : rivalGroups()) {
                if (group.size() == 1) {
                    Candidate c = group.get(0);
                    items.computeIfAbsent(c.c.ref(), k -> new ArrayList<>(2)).add(c.item());
                    continue;
                }
                choices.add(choice(group));
            }
            List<Result> results = new ArrayList<>(items.size());
            for (Map.Entry<String, List<Item>> e : items.entrySet()) {
                Clause c = pack.clause(e.getKey());
                results.add(Result.of(pack.document(c.documentId()), c, e.getValue()));
            }
            return new Calculation(s, results, choices, undetermined, excluded);
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
                Condition.Verdict v = cond.check(p, f);
                if (v.unknown()) {
                    // a missing profile value decides only where no other branch of an "any" holds
                    if (explain) exclude(d, c, f, Exclusion.ReasonKind.MISSING_VALUE, "未填写" + String.join("、", v.missing().stream()
                            .map(m -> Condition.profileWords(m) + "（enterprise." + m + "）").toList()) + "，无法判断是否适用（“" + cond.quote() + "”）"
                            + (cond.test().joins() ? "：" + v.unmet() : ""));
                    return false;
                }
                if (!v.holds()) {
                    if (explain) exclude(d, c, f, Exclusion.ReasonKind.CONDITION, "不满足“" + cond.quote() + "”：" + v.unmet());
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
            /** The figure before its matter's earlier awards were taken off (what the clause allows on its own). */
            BigDecimal gross;
            Kind kind;
            Map<String, Amount> split;
            /** Figures the texts forbid enjoying together with this one without saying which wins. */
            final List<Candidate> rivals = new ArrayList<>(0);
            /** Rivals found before this figure is kept; linked only if it is. */
            final List<Candidate> pending = new ArrayList<>(0);
            StackingRule rivalRule;

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

            /** What the figure is about, for "不重复": the fact's project, or null for a period's total. */
            String project() { return c.aggregate() != null ? null : f.projectKey(); }

            String label() {
                return "《" + d.title() + "》" + c.citation() + (factId() == null ? "" : "（" + f.id() + "，" + f.date() + "）")
                        + " " + Numbers.show(value) + d.unit().label();
            }

            Item item() {
                return new Item(factId(), f.type().term(), c.aggregate() != null ? null : f.date(), d.unit().of(value), kind, split,
                        explain ? steps.copy() : List.of());
            }
        }

        Candidate evaluate(Document d, Clause c, Fact f, Expression override, BigDecimal overrideValue) {
            Steps steps = explain ? new Steps() : null;
            Trace t = explain ? steps : Trace.OFF;
            if (explain) {
                if (d.status() == Status.DRAFT) steps.step(null, "本条款出自征求意见稿，尚未施行；按假定生效日期" + s.draftEffectiveDate() + "计算");
                for (Condition cond : c.conditions()) steps.step(cond.quote(), cond.check(s.subject(), f).words());
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
                    for (Condition cond : weight == null ? List.<Condition>of() : ag.weights().when()) {
                        Condition.Verdict verdict = cond.check(s.subject(), f);
                        if (verdict.holds()) continue;
                        if (explain) pre.step(cond.quote(), f.id() + "：" + verdict.words() + "，不按“" + ag.weights().quote() + "”加倍计入，按1倍计入");
                        weight = null;
                        break;
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
                if (explain) cand.steps.step(c.award().quote(), "本条" + (ag.yearly() ? "本年度" : "") + "已获 " + Numbers.show(before) + d.unit().label()
                        + "，本次新增 " + Numbers.show(cand.value) + " − " + Numbers.show(before) + " = " + Numbers.show(rest) + d.unit().label());
                cand.value = rest;
                if (rest.signum() == 0) {
                    if (explain) excluded.add(new Exclusion(d, c, null, Exclusion.ReasonKind.ALREADY_AWARDED, "按“" + c.award().quote() + "”累计计算的奖励已全部获得（本条"
                            + (ag.yearly() ? "本年度" : "") + "已获 " + Numbers.show(before) + d.unit().label() + "）", explain ? cand.steps.copy() : List.of()));
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

        /** An earlier award's cap key: under its level where the record names it (e.g. role: …), else under none, which counts against every level. */
        String capKey(Cap cap, PriorAward a) {
            String key = capKey(cap, a.keys().get(cap.per()), a.date().getYear());
            String level = cap.byLevel() ? a.keys().get(cap.levelName()) : null;
            return level == null ? key : key + "|" + level;
        }

        String capKey(Cap cap, Candidate cand) {
            String key = scopeKey(cap, cand);
            // "分别不超过": each level has a cap of its own
            return cap.byLevel() ? key + "|" + cap.level(cand.f) : key;
        }

        /** The cap's scope for a candidate, whatever its level. */
        String scopeKey(Cap cap, Candidate cand) {
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
                String term = cap.perField() < 0 ? null : cand.f.type().field(cap.perField()).term();
                BigDecimal amount = cap.amountFor(cand.f);
                if (amount == null) {
                    if (explain) cand.steps.step(cap.quote(), cap.scopeWords(term) + "上限按" + cap.levelTerm() + "分别规定，本条未列" + cap.levelTerm() + "“"
                            + Condition.show(cap.level(cand.f)) + "”的上限，不受此项上限限制");
                    continue;
                }
                BigDecimal used = capUsed.getOrDefault(capKey(cap, cand), BigDecimal.ZERO);
                // an earlier award recorded without the level counts against every level's cap
                if (cap.byLevel()) used = used.add(capUsed.getOrDefault(scopeKey(cap, cand), BigDecimal.ZERO));
                BigDecimal room = amount.subtract(used).max(BigDecimal.ZERO);
                if (explain) {
                    String u = cand.d.unit().label();
                    cand.steps.step(cap.quote(), cap.scopeWords(term) + (cap.yearly() ? "（" + cand.year + "年）" : "")
                            + (cap.byLevel() ? "（" + cap.levelTerm() + "为“" + cap.level(cand.f) + "”）" : "") + "上限 " + Numbers.show(amount) + u
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

        /**
         * Settles the figures one fact (or one period's total) gives: an earlier award under the
         * other level's policy refuses a figure; then each is capped and weighed against the
         * others of this fact under the stacking rules; the figures that stand are met by what
         * their matter already received for the same project (earlier awards and earlier facts):
         * under "就高" only the difference is paid.
         */
        void settle(List<Candidate> candidates) {
            List<Candidate> live = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) if (notTwice(c) && applyCaps(c)) live.add(c);
            if (live.size() > 1) live.sort((a, b) -> b.yuanValue().compareTo(a.yuanValue()));
            List<Candidate> kept = new ArrayList<>(live.size());
            for (Candidate c : live) {
                Candidate winner = null;
                StackingRule rule = null;
                for (Candidate a : kept) {
                    StackingRule r = conflict(a, c);
                    if (r == null) continue;
                    if (r.rule() == StackingRule.Rule.NOT_TWICE || a.d.unit() != c.d.unit()) {
                        c.pending.add(a);
                        if (c.rivalRule == null) c.rivalRule = r;
                        continue;
                    }
                    int cmp = a.value.compareTo(c.value);
                    Candidate higher = cmp > 0 ? a : cmp < 0 ? c : byTie(r, a, c);
                    if (higher == null) {
                        c.pending.add(a);
                        if (c.rivalRule == null) c.rivalRule = r;
                        continue;
                    }
                    if (higher == c) {
                        // the rule for equal figures puts this one before one kept earlier (pack order is no rule)
                        kept.remove(a);
                        stacked(a, c, r);
                        kept.add(c);
                        winner = c;
                        break;
                    }
                    winner = a;
                    rule = r;
                    break;
                }
                if (winner == c) continue;
                if (winner != null) {
                    stacked(c, winner, rule);
                    continue;
                }
                kept.add(c);
            }
            for (Candidate c : kept) {
                for (Cap cap : c.c.caps()) capUsed.merge(capKey(cap, c), c.value, BigDecimal::add);
                if (!paidOnce(c)) continue;
                c.split = split(c);
                accepted.add(c);
            }
            for (Candidate c : kept) {
                if (!accepted.contains(c)) continue;
                for (Candidate a : c.pending) if (accepted.contains(a)) link(a, c);
            }
        }

        /** Which of two equal figures stands under a rule's stated tie rule; null when the rule leaves it to the subject. */
        Candidate byTie(StackingRule r, Candidate a, Candidate b) {
            if (r.tie() == StackingRule.Tie.CHOICE || a.d == b.d || a.d.issued() == null || b.d.issued() == null || a.d.issued().equals(b.d.issued())) return null;
            boolean aNewer = a.d.issued().isAfter(b.d.issued());
            return r.tie() == StackingRule.Tie.NEWER == aNewer ? a : b;
        }

        void stacked(Candidate loser, Candidate winner, StackingRule rule) {
            if (!explain) return;
            boolean tie = loser.value.compareTo(winner.value) == 0;
            String why = "本条计得 " + Numbers.show(loser.value) + loser.d.unit().label() + "，与《" + winner.d.title() + "》" + winner.c.citation()
                    + "（" + Numbers.show(winner.value) + winner.d.unit().label() + "）为同一事项（" + pack.matter(loser.c.matter()).term() + "），"
                    + (rule.quote() != null ? "按“" + rule.quote() + "”" : "不重复享受") + "，"
                    + (tie ? "两者相等，按“" + rule.tieQuote() + "”取后者" : "取较高者（" + Numbers.show(winner.value) + winner.d.unit().label() + "）");
            excluded.add(new Exclusion(loser.d, loser.c, loser.factId(), Exclusion.ReasonKind.STACKED, why, loser.steps.copy()));
        }

        void link(Candidate a, Candidate b) {
            a.rivals.add(b);
            b.rivals.add(a);
            if (a.rivalRule == null) a.rivalRule = b.rivalRule;
            if (b.rivalRule == null) b.rivalRule = a.rivalRule;
        }

        String label(PriorAward a) {
            Clause ac = a.clause() == null ? null : pack.clause(a.clause());
            return (ac != null ? "《" + pack.document(ac.documentId()).title() + "》" + ac.citation() : a.level().label() + "政策（" + pack.matter(a.matter()).term() + "）")
                    + " " + a.date() + " 已获 " + Numbers.show(a.figure()) + a.unit().label()
                    + (a.project() != null ? "（项目“" + a.project() + "”）" : "") + (a.source() != null ? "（" + a.source() + "）" : "");
        }

        /** The rule relating a figure's document to an earlier award's, or null. */
        StackingRule relation(Candidate c, PriorAward a) {
            Clause ac = a.clause() == null ? null : pack.clause(a.clause());
            return ac != null ? relation(c.d, pack.document(ac.documentId())) : a.level() == null ? null : relation(c.d, a.level());
        }

        /**
         * "上级和本级政策不重复享受": an earlier award of the same matter and project under a policy
         * the texts forbid enjoying together with this one (another level, another unit) refuses
         * the figure; a figure an earlier fact gave under such a policy becomes its alternative.
         */
        boolean notTwice(Candidate c) {
            if (c.c.matter() == null) return true;
            for (PriorAward a : s.awarded()) {
                if (!c.c.matter().equals(a.matter()) || !sameProject(c, a)) continue;
                StackingRule r = relation(c, a);
                if (r == null || r.rule() != StackingRule.Rule.NOT_TWICE && a.unit() == c.d.unit()) continue;
                if (explain) excluded.add(new Exclusion(c.d, c.c, c.factId(), Exclusion.ReasonKind.ALREADY_AWARDED, "同一事项（" + pack.matter(c.c.matter()).term()
                        + "）已享受：" + label(a) + "；按“" + r.quote() + "”，本条（计得 " + Numbers.show(c.value) + c.d.unit().label() + "）不再享受", c.steps.copy()));
                return false;
            }
            for (Candidate a : accepted) {
                if (a.c == c.c || !c.c.matter().equals(a.c.matter()) || !sameProject(a, c)) continue;
                StackingRule r = relation(c.d, a.d);
                if (r == null || r.rule() != StackingRule.Rule.NOT_TWICE && a.d.unit() == c.d.unit()) continue;
                c.pending.add(a);
                if (c.rivalRule == null) c.rivalRule = r;
                if (a.rivalRule == null) a.rivalRule = r;
            }
            return true;
        }

        /**
         * What one matter received for one project in one unit (and year, where the matter is
         * counted per year): what was paid under any of its clauses, and what each clause allows on
         * its own. A clause with caps pays again up to them, so it allows what it paid before plus
         * its new figures; a clause without pays once, so it allows the larger of the two. Under
         * "就高不重复" the matter is entitled to the most any one clause allows, and a new figure pays
         * only what that leaves over what was paid.
         */
        final class MatterAccount {
            BigDecimal paid = BigDecimal.ZERO;
            final Map<Clause, BigDecimal> before = new HashMap<>(), now = new HashMap<>();
            final Map<String, BigDecimal> outside = new HashMap<>();
            final List<String> earlier = new ArrayList<>();
            /** The rule that relates this matter's awards: the first that differs from the figure's own document decides the words quoted. */
            StackingRule rule;

            /** Whether the matter received something under another clause or policy than this one (else its own caps tell the story). */
            boolean others(Clause own) {
                if (!outside.isEmpty()) return true;
                for (Clause k : before.keySet()) if (k != own) return true;
                for (Clause k : now.keySet()) if (k != own) return true;
                return false;
            }

            BigDecimal entitled() {
                BigDecimal max = BigDecimal.ZERO;
                for (BigDecimal v : outside.values()) max = max.max(v);
                java.util.Set<Clause> clauses = new java.util.HashSet<>(before.keySet());
                clauses.addAll(now.keySet());
                for (Clause k : clauses) {
                    BigDecimal b = before.getOrDefault(k, BigDecimal.ZERO), n = now.getOrDefault(k, BigDecimal.ZERO);
                    max = max.max(k.caps().isEmpty() ? b.max(n) : b.add(n).min(lowestCap(k)));
                }
                return max;
            }
        }

        /**
         * The most a capped clause can have paid one project: its lowest cap (for a cap per level,
         * its highest level's), whether or not an earlier award named the key the cap is per.
         */
        static BigDecimal lowestCap(Clause k) {
            BigDecimal low = null;
            for (Cap cap : k.caps()) low = low == null ? cap.amount() : low.min(cap.amount());
            return low;
        }

        final Map<String, MatterAccount> accounts = new HashMap<>();

        MatterAccount account(Candidate c) {
            String key = c.c.matter() + "|" + (c.project() == null ? "" : c.project()) + "|" + c.d.unit() + "|" + (yearlyMatter(c.c.matter()) ? c.year : 0);
            MatterAccount acc = accounts.get(key);
            if (acc != null) return acc;
            acc = new MatterAccount();
            for (PriorAward a : s.awarded()) {
                if (!c.c.matter().equals(a.matter()) || a.unit() != c.d.unit() || !sameProject(c, a)) continue;
                StackingRule r = relation(c, a);
                if (r == null) continue;
                acc.paid = acc.paid.add(a.figure());
                if (explain) acc.earlier.add(label(a));
                Clause ac = a.clause() == null ? null : pack.clause(a.clause());
                if (ac != null) acc.before.merge(ac, a.figure(), BigDecimal::add);
                else acc.outside.merge(a.matter() + "|" + a.level(), a.figure(), BigDecimal::add);
                if (acc.rule == null || ac == null || pack.document(ac.documentId()) != c.d) acc.rule = r;
            }
            // figures of earlier facts of this matter and project, kept before the account was needed
            for (Candidate a : accepted) {
                if (!c.c.matter().equals(a.c.matter()) || a.d.unit() != c.d.unit() || !sameProject(a, c) || yearlyMatter(c.c.matter()) && a.year != c.year) continue;
                acc.now.merge(a.c, a.gross, BigDecimal::add);
                acc.paid = acc.paid.add(a.value);
                if (explain) acc.earlier.add(a.label());
                if (acc.rule == null || a.d != c.d) acc.rule = relation(c.d, a.d);
            }
            accounts.put(key, acc);
            return acc;
        }

        /** Whether the matter received anything before this figure: else it is paid in full and no account is kept. */
        boolean received(Candidate c) {
            for (PriorAward a : s.awarded()) if (c.c.matter().equals(a.matter())) return true;
            for (Candidate a : accepted) if (c.c.matter().equals(a.c.matter())) return true;
            return false;
        }

        /** Meets a capped figure with its matter's account; false when the matter already received all it allows. */
        boolean paidOnce(Candidate c) {
            c.gross = c.value;
            if (c.c.matter() == null || !received(c)) return true;
            MatterAccount acc = account(c);
            BigDecimal gross = c.value;
            acc.now.merge(c.c, gross, BigDecimal::add);
            for (Candidate a : c.pending) {
                // an equal figure of this fact offered as its alternative: met the same way, paid once between them
                if (a.d.unit() == c.d.unit() && a.f == c.f && accepted.contains(a)) {
                    c.value = a.value.min(gross);
                    return true;
                }
            }
            BigDecimal entitled = acc.entitled();
            BigDecimal rest = entitled.subtract(acc.paid).min(gross);
            String term = pack.matter(c.c.matter()).term();
            if (rest.compareTo(gross) < 0 || acc.paid.signum() > 0 && acc.others(c.c)) {
                StackingRule r = acc.rule != null ? acc.rule : relation(c.d, c.d);
                String earlier = String.join("；", acc.earlier);
                if (rest.signum() <= 0) {
                    if (explain) excluded.add(new Exclusion(c.d, c.c, c.factId(), Exclusion.ReasonKind.ALREADY_AWARDED, "同一事项（" + term + "）已获 "
                            + Numbers.show(acc.paid) + c.d.unit().label() + "（" + earlier + "），本条计得 " + Numbers.show(gross) + c.d.unit().label()
                            + "，各条款中最多可得 " + Numbers.show(entitled) + c.d.unit().label() + "；按“" + r.quote() + "”，不再重复给予", c.steps.copy()));
                    return false;
                }
                if (explain) c.steps.step(r.quote(), "同一事项（" + term + "）已获 " + Numbers.show(acc.paid) + c.d.unit().label() + "（" + earlier
                        + "），各条款中最多可得 " + Numbers.show(entitled) + c.d.unit().label() + "，就高补差：" + Numbers.show(entitled) + " − " + Numbers.show(acc.paid)
                        + " = " + Numbers.show(rest) + c.d.unit().label());
            }
            c.value = rest;
            acc.paid = acc.paid.add(rest);
            if (explain) acc.earlier.add(c.label());
            if (acc.rule == null) acc.rule = relation(c.d, c.d);
            return true;
        }

        /** Whether an earlier award was for what this figure is about: the same project, or (a period's total) the same period of a matter. */
        boolean sameProject(Candidate c, PriorAward a) {
            if (c.project() == null) {
                return a.project() == null && !c.c.ref().equals(a.clause()) && (!yearly(c.c) || a.date().getYear() == c.year);
            }
            if (a.project() == null || !a.project().equals(c.project())) return false;
            return !c.c.ref().equals(a.clause()) || !yearly(c.c) || a.date().getYear() == c.year;
        }

        boolean sameProject(Candidate a, Candidate b) {
            if (a.project() == null || b.project() == null) {
                return a.project() == null && b.project() == null && (!yearly(a.c) && !yearly(b.c) || a.year == b.year);
            }
            return a.project().equals(b.project());
        }

        static boolean yearly(Clause c) {
            if (c.aggregate() != null && c.aggregate().yearly()) return true;
            for (Cap cap : c.caps()) if (cap.yearly()) return true;
            return false;
        }

        /** The groups of accepted figures linked as alternatives of one another, in the order they were accepted. */
        List<List<Candidate>> rivalGroups() {
            List<List<Candidate>> out = new ArrayList<>();
            java.util.Set<Candidate> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Candidate c : accepted) {
                if (!seen.add(c)) continue;
                List<Candidate> group = new ArrayList<>();
                java.util.ArrayDeque<Candidate> todo = new java.util.ArrayDeque<>();
                todo.add(c);
                while (!todo.isEmpty()) {
                    Candidate x = todo.poll();
                    group.add(x);
                    for (Candidate y : x.rivals) if (seen.add(y)) todo.add(y);
                }
                out.add(group);
            }
            return out;
        }

        Choice choice(List<Candidate> group) {
            Candidate first = group.get(0);
            StackingRule rule = first.rivalRule;
            String quote = rule == null ? null : rule.quote();
            String term = pack.matter(first.c.matter()).term();
            List<Choice.Option> options = new ArrayList<>(group.size());
            for (Candidate c : group) {
                if (explain) {
                    List<String> others = new ArrayList<>();
                    for (Candidate o : group) if (o != c) others.add(o.label());
                    c.steps.step(quote, "与" + String.join("、", others) + "为同一事项（" + term + "）"
                            + (quote != null ? "，按“" + quote + "”" : "") + "不可同时享受，文件未规定取哪一项：请择一申报");
                }
                options.add(new Choice.Option(c.d, c.c, c.item()));
            }
            return new Choice(term, first.project(), quote, options);
        }

        BigDecimal nominal(Document a, Document b) {
            Document p = a.unit() == Unit.POINTS ? a : b;
            return p.pointNominal() == null ? BigDecimal.ONE : p.pointNominal().yuan();
        }

        /** The stacking rule under which two figures of this fact (or period) exclude each other, or null. */
        StackingRule conflict(Candidate a, Candidate b) {
            if (a.c.matter() == null || !a.c.matter().equals(b.c.matter()) || a.c == b.c) return null;
            if (a.c.aggregate() == null && b.c.aggregate() == null && a.f != b.f && !sameProject(a, b)) return null;
            if (a.c.aggregate() != null && b.c.aggregate() != null && (a.c.aggregate().yearly() || b.c.aggregate().yearly()) && a.year != b.year) return null;
            return relation(b.d, a.d);
        }

        /**
         * The rule relating two documents on one matter: in one document the higher stands; else the
         * rule either states that covers the other's level (a city rule "就高不重复", a district's
         * "上级和本级政策不重复享受"); null when no text relates them.
         */
        StackingRule relation(Document d, Document other) {
            if (d.status() == Status.DRAFT && other.status() != Status.DRAFT) {
                // the words of the document in force, not the draft's, decide between them
                for (StackingRule r : other.stacking()) if (r.covers(other.level(), d.level())) return r;
            }
            if (d == other) {
                return new StackingRule(StackingRule.Rule.HIGHEST, StackingRule.Among.CITY,
                        d.stacking().isEmpty() ? null : d.stacking().get(0).quote());
            }
            for (StackingRule r : d.stacking()) if (r.covers(d.level(), other.level())) return r;
            for (StackingRule r : other.stacking()) if (r.covers(other.level(), d.level())) return r;
            return null;
        }

        /** The rule relating a document to an award under a policy outside the pack, known only by its level. */
        StackingRule relation(Document d, Level other) {
            for (StackingRule r : d.stacking()) if (r.covers(d.level(), other)) return r;
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
