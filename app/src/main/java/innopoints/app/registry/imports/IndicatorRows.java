package innopoints.app.registry.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 年度指标: one enterprise and year a row, upserted by (enterprise, year). The enterprise must be
 * in the registry. As for enterprises, a column the file lacks is left as it is, so the tax
 * bureau's revenue file and the science bureau's patent file do not overwrite each other.
 */
@Component
final class IndicatorRows implements RowKind {
    static final String CODE = "统一社会信用代码";
    static final String YEAR = "年度";
    /** Accepted for the officer's own checking; not imported. */
    static final String NAME = "企业名称";

    /** A column of indicators: its header, its database column, and whether it is an amount in yuan. */
    record Measure(String header, String column, boolean yuan) {}

    static final Measure REVENUE = new Measure("营业收入（元）", "revenue", true);
    static final Measure STAFF = new Measure("从业人员数", "staff", false);
    static final Measure RD_STAFF = new Measure("研发人员数", "rd_staff", false);
    static final List<Measure> MEASURES = List.of(REVENUE, new Measure("研发费用（元）", "rd_expense", true), RD_STAFF, STAFF,
            new Measure("有效专利数", "patents", false), new Measure("发明专利数", "invention_patents", false),
            new Measure("技术合同成交额（元）", "tech_contract_amount", true));

    private final JdbcClient jdbc;

    IndicatorRows(JdbcClient jdbc) { this.jdbc = jdbc; }

    @Override public ImportKind kind() { return ImportKind.INDICATORS; }

    @Override public List<String> required() { return List.of(CODE, YEAR); }

    static List<String> columns() {
        return Stream.concat(Stream.of(CODE, YEAR), MEASURES.stream().map(Measure::header)).toList();
    }

    @Override
    public Plan plan(Table table) {
        Header header = table.header();
        List<String> known = Stream.concat(columns().stream(), Stream.of(NAME)).map(Header::normalise).toList();
        String allowed = String.join("、", columns()) + "，以及可选的" + NAME + "（仅供核对，不导入）";
        header.check(kind(), required(), known::contains, allowed);
        List<Measure> present = MEASURES.stream().filter(m -> header.has(m.header())).toList();
        if (present.isEmpty()) {
            throw new Refusal("年度指标文件除" + CODE + "和" + YEAR + "外，至少要有一列指标：" + String.join("、", MEASURES.stream().map(Measure::header).toList())
                    + "。未导入任何数据");
        }
        record Pending(RowReader r, String code, Object[] values) {}
        List<Pending> pending = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Table.Line line : table.lines()) {
            RowReader r = new RowReader(line, header);
            String code = r.creditCode(CODE);
            Integer year = r.year(YEAR);
            if (code != null && year != null) {
                Integer first = firstRow.putIfAbsent(code + "/" + year, r.number());
                if (first != null) r.reject(YEAR, "与第" + first + "行重复：同一企业同一年度在一个文件中只能出现一次");
            }
            Object[] values = new Object[MEASURES.size()];
            boolean any = false;
            for (int i = 0; i < MEASURES.size(); i++) {
                Measure m = MEASURES.get(i);
                values[i] = m.yuan() ? r.yuan(m.header()) : r.count(m.header());
                any |= !r.blank(m.header());
            }
            if (!any) r.reject(null, "没有填写任何指标");
            Integer rdStaff = (Integer) values[MEASURES.indexOf(RD_STAFF)];
            Integer staff = (Integer) values[MEASURES.indexOf(STAFF)];
            if (rdStaff != null && staff != null && rdStaff > staff) {
                r.reject(RD_STAFF.header(), "研发人员数（" + rdStaff + "）不能多于从业人员数（" + staff + "）");
            }
            pending.add(new Pending(r, code, Stream.concat(Stream.of(year), Stream.of(values)).toArray()));
        }
        Map<String, Long> ids = Registered.ids(jdbc, pending.stream().map(Pending::code).filter(c -> c != null).distinct().toList());
        String sql = upsert(present);
        List<RowError> errors = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        for (Pending p : pending) {
            if (p.code() != null && !ids.containsKey(p.code())) p.r().reject(CODE, Registered.missing(p.code()));
            errors.addAll(p.r().errors());
            if (!p.r().ok()) continue;
            Object[] params = Stream.concat(Stream.of(ids.get(p.code())), Stream.of(p.values())).toArray();
            writes.add((importId, user) -> Upsert.outcome(jdbc.sql(sql).params(params).query((rs, n) -> rs.getBoolean(1)).optional()));
        }
        return new Plan(table.lines().size(), errors, writes);
    }

    private static String upsert(List<Measure> present) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Measure m : present) values.put(m.column(), "excluded." + m.column());
        String columns = String.join(", ", MEASURES.stream().map(Measure::column).toList());
        String marks = String.join(", ", MEASURES.stream().map(m -> "?").toList());
        return "insert into enterprise_indicator (enterprise_id, year, " + columns + ") values (?, ?, " + marks + ")"
                + " on conflict (enterprise_id, year)" + Upsert.update("enterprise_indicator", values);
    }
}
