package innopoints.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Choice;
import innopoints.engine.calc.Exclusion;
import innopoints.engine.calc.Item;
import innopoints.engine.calc.Result;
import innopoints.engine.calc.Step;
import innopoints.engine.calc.Undetermined;
import innopoints.engine.money.Amount;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Plain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the tool's output (the contract in docs/facts.md and the README). */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    static String write(Object value) { return MAPPER.writeValueAsString(value); }

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    /** One value on one line, for JSON-lines output. */
    static String line(Object value) { return COMPACT.writeValueAsString(value); }

    static Map<String, Object> clause(Document d, Clause c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", d.title());
        m.put("documentId", d.id());
        m.put("article", c.article());
        m.put("clause", c.ref());
        m.put("title", c.title());
        m.put("status", d.status().key());
        m.put("unit", d.unit().key());
        m.put("computable", c.computable());
        m.put("departments", c.departments());
        m.put("beneficiaries", c.beneficiaries().stream().map(b -> b.key()).sorted().toList());
        m.put("industries", c.industries());
        m.put("matter", c.matter());
        m.put("fact", c.fact() == null ? null : c.fact().key());
        m.put("rule", Plain.rule(c, d.unit()));
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("from", d.effective().from() == null ? null : d.effective().from().toString());
        effective.put("to", d.effective().to() == null ? null : d.effective().to().toString());
        m.put("effective", effective);
        m.put("text", c.text());
        if (c.reading() != null) m.put("reading", c.reading());
        return m;
    }

    static Map<String, Object> calculation(Calculation calc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", calc.scenario().asOf().toString());
        if (!calc.scenario().drafts().isEmpty()) {
            m.put("drafts", calc.scenario().drafts().stream().sorted().toList());
            m.put("draftEffective", calc.scenario().draftEffectiveDate().toString());
        }
        List<Object> results = new ArrayList<>();
        BigDecimal yuan = BigDecimal.ZERO, points = BigDecimal.ZERO;
        for (Result r : calc.results()) {
            results.add(result(r));
            if (r.figure().unit() == Unit.YUAN) yuan = yuan.add(r.figure().value());
            else points = points.add(r.figure().value());
        }
        m.put("results", results);
        List<Object> choices = new ArrayList<>();
        for (Choice ch : calc.choices()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("matter", ch.matter());
            x.put("project", ch.project());
            x.put("quote", ch.quote());
            List<Object> options = new ArrayList<>();
            for (Choice.Option o : ch.options()) options.add(result(o.asResult()));
            x.put("options", options);
            choices.add(x);
        }
        m.put("choices", choices);
        m.put("totals", Map.of("yuan", Unit.YUAN.round(yuan).toPlainString(), "points", Unit.POINTS.round(points).toPlainString()));
        List<Object> und = new ArrayList<>();
        for (Undetermined u : calc.undetermined()) {
            Map<String, Object> x = head(u.document(), u.clause());
            x.put("fact", u.factId());
            x.put("kind", "undetermined");
            x.put("steps", steps(u.steps()));
            und.add(x);
        }
        m.put("undetermined", und);
        List<Object> ex = new ArrayList<>();
        for (Exclusion e : calc.excluded()) {
            Map<String, Object> x = head(e.document(), e.clause());
            x.put("fact", e.factId());
            x.put("reasonKind", e.reasonKind().name().toLowerCase().replace('_', '-'));
            x.put("reason", e.reason());
            if (!e.steps().isEmpty()) x.put("steps", steps(e.steps()));
            ex.add(x);
        }
        m.put("excluded", ex);
        return m;
    }

    private static Map<String, Object> head(Document d, Clause c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", d.title());
        m.put("documentId", d.id());
        m.put("article", c.article());
        m.put("clause", c.ref());
        m.put("title", c.title());
        return m;
    }

    static Map<String, Object> result(Result r) {
        Map<String, Object> m = head(r.document(), r.clause());
        m.put("figure", r.figure().plain());
        m.put("unit", r.figure().unit().key());
        m.put("kind", r.kind().key());
        m.put("split", split(r.split()));
        m.put("departments", r.clause().departments());
        m.put("text", r.clause().text());
        m.put("explanation", r.explanation());
        List<Object> items = new ArrayList<>();
        for (Item i : r.items()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("fact", i.factId());
            x.put("date", i.date() == null ? null : i.date().toString());
            x.put("figure", i.figure().plain());
            x.put("kind", i.kind().key());
            x.put("split", split(i.split()));
            x.put("steps", steps(i.steps()));
            items.add(x);
        }
        m.put("items", items);
        return m;
    }

    static Map<String, String> split(Map<String, Amount> split) {
        Map<String, String> m = new LinkedHashMap<>();
        split.forEach((k, v) -> m.put(k, v.plain()));
        return m;
    }

    static List<Object> steps(List<Step> steps) {
        List<Object> out = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("quote", s.quote());
            x.put("text", s.text());
            out.add(x);
        }
        return out;
    }
}
