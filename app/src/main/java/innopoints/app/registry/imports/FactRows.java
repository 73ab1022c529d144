package innopoints.app.registry.imports;

import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Policies;
import innopoints.app.registry.EnterpriseRepository;
import innopoints.app.registry.FactValues;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.FieldType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 事项: dated facts in the pack's vocabulary, one a row. The type is named by its key or its words
 * (ic_tape_out, 集成电路设计企业开展的流片验证), and each field has a column headed by its key or its
 * words, so one file may hold facts of several types. A fact already recorded (same type, date
 * and values) is not added again, so importing a file twice adds nothing.
 */
@Component
final class FactRows implements RowKind {
    static final String CODE = "统一社会信用代码";
    static final String TYPE = "事项类型";
    static final String DATE = "日期";
    /** Accepted for the officer's own checking; not imported. */
    static final String NAME = "企业名称";
    /** Optional: the real project the fact is about (engine Fact.project), so that facts about one project count as one matter. */
    static final String PROJECT = "项目标识";
    private static final Set<String> FIXED = Set.of(Header.normalise(CODE), Header.normalise(TYPE), Header.normalise(DATE), Header.normalise(NAME),
            Header.normalise(PROJECT));

    private final JdbcClient jdbc;
    private final EnterpriseRepository registry;
    private final Policies policies;

    FactRows(JdbcClient jdbc, EnterpriseRepository registry, Policies policies) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.policies = policies;
    }

    @Override public ImportKind kind() { return ImportKind.FACTS; }

    @Override public List<String> required() { return List.of(CODE, TYPE, DATE); }

    @Override
    public Plan plan(Table table) {
        Header header = table.header();
        Set<String> fieldColumns = new HashSet<>();
        for (FactType t : types()) {
            for (FieldSpec f : t.fields()) {
                fieldColumns.add(Header.normalise(f.name()));
                if (f.term() != null) fieldColumns.add(Header.normalise(f.term()));
            }
        }
        header.check(kind(), required(), k -> FIXED.contains(k) || fieldColumns.contains(k),
                CODE + "、" + TYPE + "、" + DATE + "，每个字段一列（列名用字段名或政策原文用语，如first_round_cost或“单款产品首轮流片费用”），以及可选的"
                        + NAME + "（仅供核对，不导入）、" + PROJECT + "（同一项目的事项填同一标识）");
        record Pending(RowReader r, String code, FactType type, LocalDate date, Map<String, Object> values, String project) {}
        List<Pending> pending = new ArrayList<>();
        for (Table.Line line : table.lines()) {
            RowReader r = new RowReader(line, header);
            String code = r.creditCode(CODE);
            FactType type = type(r);
            LocalDate date = r.date(DATE);
            Map<String, Object> values = type == null ? Map.of() : values(r, line, header, type);
            pending.add(new Pending(r, code, type, date, values, project(r)));
        }
        Map<String, Long> ids = Registered.ids(jdbc, pending.stream().map(Pending::code).filter(c -> c != null).distinct().toList());
        List<RowError> errors = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        for (Pending p : pending) {
            if (p.code() != null && !ids.containsKey(p.code())) p.r().reject(CODE, Registered.missing(p.code()));
            errors.addAll(p.r().errors());
            if (!p.r().ok()) continue;
            long id = ids.get(p.code());
            String type = p.type().key();
            writes.add((importId, user) -> {
                if (registry.hasFact(id, type, p.date(), p.values(), p.project())) return Outcome.UNCHANGED;
                registry.addFact(id, type, p.date(), p.values(), p.project(), "import:" + importId, importId, user);
                return Outcome.INSERTED;
            });
        }
        return new Plan(table.lines().size(), errors, writes);
    }

    /** The row's 项目标识, bounded as short text; null when the column is absent or blank. */
    private static String project(RowReader r) {
        if (!r.has(PROJECT) || r.blank(PROJECT)) return null;
        List<FieldError> errors = new ArrayList<>();
        String p = FactValues.project(r.text(PROJECT), errors);
        errors.forEach(e -> r.reject(PROJECT, e.message().replace("“项目标识”（project）", "")));
        return p;
    }

    private Iterable<FactType> types() { return policies.pack().vocabulary().types(); }

    private FactType type(RowReader r) {
        String text = r.required(TYPE);
        if (text == null) return null;
        FactType byKey = policies.pack().vocabulary().type(text);
        if (byKey != null) return byKey;
        String key = Header.normalise(text);
        for (FactType t : types()) if (Header.normalise(t.term()).equals(key)) return t;
        r.reject(TYPE, "不认识的事项类型“" + text + "”；请填写事项词汇表中的类型名（如ic_tape_out）或政策原文用语（如“集成电路设计企业开展的流片验证”）");
        return null;
    }

    /** The row's values for the fields of its type, read as the registry reads typed text. */
    private static Map<String, Object> values(RowReader r, Table.Line line, Header header, FactType type) {
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, String> columnOf = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.key(i).isEmpty() || FIXED.contains(header.key(i))) continue;
            String cell = line.cell(i);
            FieldSpec spec = field(type, header.key(i));
            if (spec == null) {
                if (!cell.isEmpty()) r.reject(header.written(i), "“" + type.term() + "”（" + type.key() + "）没有这一项，请留空");
                continue;
            }
            if (cell.isEmpty()) continue;
            String other = columnOf.putIfAbsent(spec.name(), header.written(i));
            if (other != null) {
                r.reject(header.written(i), "与“" + other + "”列是同一项（" + spec.name() + "），只能填写其中一列");
                continue;
            }
            text.put(spec.name(), spec.type() == FieldType.DATE ? isoDate(cell) : cell);
        }
        FactValues.Parsed parsed = FactValues.parse(type, text);
        for (FieldError e : parsed.errors()) {
            FieldSpec spec = type.indexOf(e.field()) < 0 ? null : type.field(type.indexOf(e.field()));
            String column = columnOf.getOrDefault(e.field(), spec == null || spec.term() == null ? e.field() : spec.term());
            r.reject(column, e.message());
        }
        return parsed.values();
    }

    private static FieldSpec field(FactType type, String key) {
        for (FieldSpec f : type.fields()) {
            if (Header.normalise(f.name()).equals(key) || f.term() != null && Header.normalise(f.term()).equals(key)) return f;
        }
        return null;
    }

    /** 2026/3/15 and 2026年3月15日 as 2026-03-15, which the registry reads; anything else as typed, to be refused there. */
    private static String isoDate(String cell) {
        try {
            return Cells.date(cell).toString();
        } catch (IllegalArgumentException e) {
            return cell;
        }
    }
}
