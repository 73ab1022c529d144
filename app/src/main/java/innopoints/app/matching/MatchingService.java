package innopoints.app.matching;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Policies;
import innopoints.app.registry.AwardRepository;
import innopoints.app.registry.Enterprise;
import innopoints.app.registry.EnterpriseRepository;
import innopoints.app.registry.FactRecord;
import innopoints.app.registry.FactValues;
import innopoints.app.registry.RegistryService;
import innopoints.app.registry.ScenarioBuilder;
import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Choice;
import innopoints.engine.calc.Exclusion;
import innopoints.engine.calc.Item;
import innopoints.engine.calc.Result;
import innopoints.engine.calc.Undetermined;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.Scenario;
import innopoints.engine.policy.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The policy calculator for one enterprise (政策计算器): its stored facts through the engine,
 * and what-if questions over them that save nothing.
 */
@Service
public class MatchingService {
    /** Exclusions that tell an enterprise what is missing, rather than that a clause is not for it. */
    private static final Set<Exclusion.ReasonKind> NEAR = EnumSet.of(Exclusion.ReasonKind.CONDITION, Exclusion.ReasonKind.MISSING_VALUE,
            Exclusion.ReasonKind.DRAFT, Exclusion.ReasonKind.NOT_LISTED);

    /** Exclusions that say a matter was paid already (an earlier award) or goes to a higher figure (就高不重复). */
    private static final Set<Exclusion.ReasonKind> NOT_AGAIN = EnumSet.of(Exclusion.ReasonKind.ALREADY_AWARDED, Exclusion.ReasonKind.STACKED);

    private final RegistryService registry;
    private final EnterpriseRepository repo;
    private final AwardRepository awards;
    private final ScenarioBuilder scenarios;
    private final Policies policies;
    private final Access access;

    public MatchingService(RegistryService registry, EnterpriseRepository repo, AwardRepository awards, ScenarioBuilder scenarios,
                           Policies policies, Access access) {
        this.awards = awards;
        this.access = access;
        this.registry = registry;
        this.repo = repo;
        this.scenarios = scenarios;
        this.policies = policies;
    }

    public MatchView match(Account me, long enterpriseId, LocalDate asOf, boolean drafts) {
        Enterprise e = registry.enterprise(me, enterpriseId);
        List<FactRecord> facts = repo.facts(enterpriseId);
        return view(policies.calculator().calculate(scenarios.scenario(e, facts, awards.standing(enterpriseId), asOf(asOf), drafts ? Set.of("*") : Set.of())), drafts, me);
    }

    public WhatIf.Answer whatIf(Account me, long enterpriseId, WhatIf q) {
        Enterprise e = registry.enterprise(me, enterpriseId);
        List<FactRecord> stored = repo.facts(enterpriseId);
        LocalDate asOf = asOf(q.asOf());
        Scenario base = scenarios.scenario(e, stored, awards.standing(enterpriseId), asOf, Set.of());
        List<Fact> facts = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<Long, WhatIf.Change> changes = new HashMap<>();
        for (WhatIf.Change c : q.change()) changes.put(c.factId(), c);
        Set<Long> ids = new LinkedHashSet<>();
        for (FactRecord r : stored) ids.add(r.id());
        for (Long d : q.drop()) if (!ids.contains(d)) errors.add(new FieldError("drop", "该企业没有编号为" + d + "的事项"));
        for (Long c : changes.keySet()) if (!ids.contains(c)) errors.add(new FieldError("change", "该企业没有编号为" + c + "的事项"));
        for (FactRecord r : stored) {
            if (q.drop().contains(r.id())) continue;
            FactType t = policies.pack().vocabulary().type(r.type());
            if (t == null) continue;
            WhatIf.Change c = changes.get(r.id());
            if (c == null) {
                facts.add(r.toFact(t));
                continue;
            }
            Map<String, String> text = new LinkedHashMap<>();
            r.fields().forEach((k, v) -> text.put(k, String.valueOf(v)));
            if (c.fields() != null) text.putAll(c.fields());
            FactValues.Parsed p = FactValues.parse(t, text);
            p.errors().forEach(err -> errors.add(new FieldError("change[" + r.id() + "]." + err.field(), err.message())));
            LocalDate date = c.date() == null || c.date().isBlank() ? r.occurredOn() : RegistryService.parseDate(c.date(), "change[" + r.id() + "].date", errors);
            if (p.ok() && date != null) facts.add(new Fact("f" + r.id(), t, date, FactValues.decode(t, p.values()), r.project()));
        }
        int n = 0;
        for (WhatIf.NewFact a : q.add()) {
            n++;
            String at = "add[" + (n - 1) + "]";
            FactType t = a.type() == null ? null : policies.pack().vocabulary().type(a.type());
            if (t == null) {
                errors.add(new FieldError(at + ".type", "事项类型“" + a.type() + "”不在事项词汇表中"));
                continue;
            }
            FactValues.Parsed p = FactValues.parse(t, a.fields() == null ? Map.of() : a.fields());
            p.errors().forEach(err -> errors.add(new FieldError(at + "." + err.field(), err.message())));
            LocalDate date = RegistryService.parseDate(a.date(), at + ".date", errors);
            String project = FactValues.project(a.project(), new ArrayList<>());
            if (a.project() != null && !a.project().isBlank() && project == null) {
                errors.add(new FieldError(at + ".project", "“项目标识”（project）过长（最多" + innopoints.engine.facts.Bound.SHORT_TEXT_CHARS + "个字符）"));
            }
            if (p.ok() && date != null) facts.add(new Fact("假设" + n, t, date, FactValues.decode(t, p.values()), project));
        }
        if (q.draftEffective() != null && !Boolean.TRUE.equals(q.drafts())) {
            errors.add(new FieldError("draftEffective", "只有启用征求意见稿时才能填写假定草案生效日期"));
        }
        if (!errors.isEmpty()) throw new Invalid("假设条件有" + errors.size() + "处填写有误：" + errors.getFirst().message(), errors);
        Scenario variant = new Scenario(asOf, base.subject(), facts, base.awarded(), Boolean.TRUE.equals(q.drafts()) ? Set.of("*") : Set.of(),
                q.draftEffective());
        MatchView before = view(policies.calculator().calculate(base), false, me);
        MatchView after = view(policies.calculator().calculate(variant), Boolean.TRUE.equals(q.drafts()), me);
        return new WhatIf.Answer(before, after, deltas(before, after));
    }

    static List<WhatIf.Delta> deltas(MatchView before, MatchView after) {
        Map<String, MatchView.Award> b = new TreeMap<>(), a = new TreeMap<>();
        before.awards().forEach(x -> b.put(x.ref(), x));
        after.awards().forEach(x -> a.put(x.ref(), x));
        Set<String> refs = new LinkedHashSet<>(b.keySet());
        refs.addAll(a.keySet());
        List<WhatIf.Delta> out = new ArrayList<>();
        for (String ref : refs) {
            MatchView.Award x = b.get(ref), y = a.get(ref);
            BigDecimal vb = x == null ? BigDecimal.ZERO : x.figure(), va = y == null ? BigDecimal.ZERO : y.figure();
            if (x != null && y != null && vb.compareTo(va) == 0) continue;
            MatchView.Award any = y != null ? y : x;
            String change = x == null ? "新增" : y == null ? "取消" : "变化";
            out.add(new WhatIf.Delta(ref, any.title(), any.citation(), any.unit(), x == null ? null : vb, y == null ? null : va, va.subtract(vb), change));
        }
        return out;
    }

    /** The as-of date asked for (today when none), within the date bound. */
    private static LocalDate asOf(LocalDate asOf) {
        if (asOf == null) return LocalDate.now();
        try {
            return innopoints.engine.facts.Bound.checkDate(asOf, asOf.toString());
        } catch (innopoints.engine.facts.Bound.Refused e) {
            throw Invalid.field("asOf", "“计算日期”（asOf）" + e.getMessage());
        }
    }

    /**
     * The calculation as this viewer may see it: an officer sees only the clauses its department
     * answers for (Access.canSeeEntitlement), as on the enterprise page, so that the calculator
     * does not rebuild another department's claimant list either.
     */
    MatchView view(Calculation c, boolean drafts, Account viewer) {
        List<MatchView.Award> awards = new ArrayList<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Result r : c.results()) {
            if (!access.canSeeEntitlement(viewer, r.clause())) continue;
            Document d = r.document();
            List<MatchView.Item> items = new ArrayList<>();
            for (Item i : r.items()) items.add(new MatchView.Item(i.factTerm(), i.factId(), i.date(), i.figure().display(), i.steps()));
            Map<String, String> split = new LinkedHashMap<>();
            r.split().forEach((payer, amount) -> split.put(payer, amount.display()));
            awards.add(new MatchView.Award(r.clause().ref(), d.id(), d.title(), d.status().label(),
                    r.clause().citation(), r.clause().title(), r.clause().text(), r.figure().value(), r.figure().unit().key(),
                    r.figure().display(), r.kind().key(), r.kind().label(), split, r.clause().departments(), items));
            totals.merge(r.figure().unit().label(), r.figure().value(), BigDecimal::add);
        }
        List<MatchView.Pending> pending = new ArrayList<>();
        for (Undetermined u : c.undetermined()) {
            if (!access.canSeeEntitlement(viewer, u.clause())) continue;
            pending.add(new MatchView.Pending(u.clause().ref(), u.document().title(), u.clause().citation(), u.clause().title(),
                    u.clause().text(), u.factId(), u.steps()));
        }
        Set<String> awarded = new LinkedHashSet<>();
        awards.forEach(a -> awarded.add(a.ref()));
        pending.forEach(p -> awarded.add(p.ref()));
        Map<String, MatchView.NearMiss> near = new LinkedHashMap<>();
        for (Exclusion x : c.excluded()) {
            if (!NEAR.contains(x.reasonKind()) || awarded.contains(x.clause().ref()) || !access.canSeeEntitlement(viewer, x.clause())) continue;
            near.putIfAbsent(x.clause().ref(), new MatchView.NearMiss(x.clause().ref(), x.document().title(), x.clause().citation(),
                    x.clause().title(), x.factId(), x.reasonKind().name(), x.reason()));
        }
        List<MatchView.Choice> choices = new ArrayList<>();
        for (Choice ch : c.choices()) {
            List<MatchView.Option> options = new ArrayList<>();
            for (Choice.Option o : ch.options()) {
                if (!access.canSeeEntitlement(viewer, o.clause())) continue;
                Item i = o.item();
                Document d = o.document();
                options.add(new MatchView.Option(o.ref(), d.id(), d.title(), o.clause().citation(), o.clause().title(), o.clause().text(),
                        i.figure().value(), i.figure().unit().key(), i.figure().display(), i.kind().key(), i.kind().label(),
                        o.clause().departments(), new MatchView.Item(i.factTerm(), i.factId(), i.date(), i.figure().display(), i.steps())));
                awarded.add(o.ref());
            }
            if (options.isEmpty()) continue;
            // a matter the pack gives no words of its own (matters.yaml) is named by what happened, as the fact's type says it
            String term = ch.matter() == null ? null : policies.pack().matter(ch.matter()).term();
            if (term == null || term.equals(ch.matter())) term = ch.options().getFirst().item().factTerm();
            choices.add(new MatchView.Choice(ch.matter(), term, ch.project(), ch.quote(), options));
        }
        near.keySet().removeAll(awarded);
        Map<String, MatchView.NearMiss> notAgain = new LinkedHashMap<>();
        for (Exclusion x : c.excluded()) {
            if (!NOT_AGAIN.contains(x.reasonKind()) || awarded.contains(x.clause().ref()) || !access.canSeeEntitlement(viewer, x.clause())) continue;
            notAgain.putIfAbsent(x.clause().ref() + "|" + x.factId(), new MatchView.NearMiss(x.clause().ref(), x.document().title(), x.clause().citation(),
                    x.clause().title(), x.factId(), x.reasonKind().name(), x.reason()));
        }
        return new MatchView(c.scenario().asOf(), drafts, awards, pending, List.copyOf(near.values()), totals,
                drafts ? c.scenario().draftEffectiveDate() : null, choices, List.copyOf(notAgain.values()));
    }

}
