package innopoints.app.catalog;

import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.Policies;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.FieldType;
import innopoints.engine.facts.Profile;
import innopoints.engine.money.Numbers;
import innopoints.engine.money.Unit;
import innopoints.engine.pack.WorkedCase;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Kind;
import innopoints.engine.policy.Plain;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything a clause page shows: the clause, its document, its rule in plain Chinese, the worked
 * cases that prove its figures and the history of its words.
 */
@Component
public class ClauseDetails {

    /** A clause with what explains it. */
    public record Detail(Clause clause, Document document, String rule, List<Example> examples,
                         List<ClauseHistory.Version> history) {
        public List<Facets.Option> beneficiaries() { return Facets.beneficiariesOf(clause); }
    }

    /** A worked case, briefly: what happened, and what it gives under this clause. */
    public record Example(String name, LocalDate asOf, String subject, List<String> facts, String result) {}

    private final Policies policies;
    private final ClauseHistory history;
    private final Map<String, List<WorkedCase>> casesByClause = new HashMap<>();

    public ClauseDetails(Policies policies, ClauseHistory history) {
        this.policies = policies;
        this.history = history;
        for (WorkedCase wc : policies.cases()) {
            for (String ref : new LinkedHashSet<>(wc.clauses())) casesByClause.computeIfAbsent(ref, r -> new ArrayList<>()).add(wc);
        }
    }

    /** The clause "documentId:clauseId", or {@link NotFound}. */
    public Detail of(String documentId, String clauseId) {
        Clause c = policies.clause(documentId + ":" + clauseId);
        if (c == null) throw new NotFound("没有条款 " + documentId + ":" + clauseId);
        String ref = c.ref(); // a clause id the pack replaced finds the clause that replaced it
        Document d = policies.documentOf(c);
        List<Example> examples = casesByClause.getOrDefault(ref, List.of()).stream().map(wc -> example(wc, ref, d.unit())).toList();
        return new Detail(c, d, Plain.rule(c, d.unit()), examples, history.of(ref));
    }

    private static Example example(WorkedCase wc, String ref, Unit unit) {
        List<String> results = new ArrayList<>();
        for (WorkedCase.Expected e : wc.expect()) {
            if (!e.clause().equals(ref)) continue;
            String figure = Plain.money(e.figure(), unit) + " · " + e.kind().label();
            List<String> split = e.split() == null ? List.of()
                    : e.split().entrySet().stream().map(s -> s.getKey() + Plain.money(s.getValue(), unit)).toList();
            results.add(split.isEmpty() ? figure : figure + " · " + String.join("，", split));
        }
        if (wc.undetermined().contains(ref)) results.add(Kind.UNDETERMINED.label());
        for (WorkedCase.ExpectedExclusion x : wc.excluded()) {
            if (x.clause().equals(ref)) results.add("不予计算（" + x.reason() + "）");
        }
        return new Example(wc.name(), wc.scenario().asOf(), subject(wc.scenario().subject()),
                wc.scenario().facts().stream().map(ClauseDetails::fact).toList(), String.join("；", results));
    }

    private static String subject(Profile p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.kind().label());
        if (p.district() != null) parts.add(p.district());
        if (!p.industries().isEmpty()) parts.add(String.join("、", p.industries()));
        if (!p.qualifications().isEmpty()) parts.add(String.join("、", p.qualifications()));
        return String.join("，", parts);
    }

    /** "2026-02-10 集成电路设计企业开展的流片验证：产品（单款产品）为X1，单款产品首轮流片费用为500万元" */
    static String fact(Fact f) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < f.type().fields().size(); i++) {
            Object v = f.value(i);
            if (v != null) values.add(f.type().field(i).term() + "为" + value(f.type().field(i), v));
        }
        return f.date() + " " + f.type().term() + (values.isEmpty() ? "" : "：" + String.join("，", values));
    }

    private static String value(FieldSpec field, Object v) {
        return switch (v) {
            case BigDecimal d when field.type() == FieldType.YUAN -> Plain.money(d, Unit.YUAN);
            case BigDecimal d when field.isYear() -> Numbers.plain(d);
            case BigDecimal d -> Numbers.show(d);
            case Boolean b -> b ? "是" : "否";
            default -> v.toString();
        };
    }
}
