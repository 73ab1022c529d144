package innopoints.app.registry.imports;

import innopoints.app.platform.Policies;
import innopoints.app.registry.Sizes;
import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.Nearest;
import innopoints.engine.facts.ProfileTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 企业名录: one enterprise a row, upserted by credit code. A column the file does not have keeps
 * what the registry holds (so a file of names and districts does not wipe qualifications); a
 * blank cell in a column it has clears the value.
 */
@Component
final class EnterpriseRows implements RowKind {
    static final String CODE = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String DISTRICT = "所属板块";
    static final String PARK = "所在园区";
    static final String INDUSTRIES = "产业链";
    static final String QUALIFICATIONS = "资质";
    static final String SIZE = "企业规模";
    static final String KIND = "主体类型";
    static final List<String> COLUMNS = List.of(CODE, NAME, DISTRICT, PARK, INDUSTRIES, QUALIFICATIONS, SIZE, KIND);
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final Policies policies;

    EnterpriseRows(JdbcClient jdbc, Policies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    @Override public ImportKind kind() { return ImportKind.ENTERPRISES; }

    @Override public List<String> required() { return List.of(CODE, NAME, DISTRICT); }

    @Override
    public Plan plan(Table table) {
        Header header = table.header();
        List<String> known = COLUMNS.stream().map(Header::normalise).toList();
        header.check(kind(), required(), known::contains, String.join("、", COLUMNS));
        ProfileTerms terms = policies.pack().terms();
        String sql = upsert(header);
        Map<String, Integer> firstRow = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        for (Table.Line line : table.lines()) {
            RowReader r = new RowReader(line, header);
            String code = r.creditCode(CODE);
            if (code != null) {
                Integer first = firstRow.putIfAbsent(code, r.number());
                if (first != null) r.reject(CODE, "与第" + first + "行重复：同一企业在一个文件中只能出现一次");
            }
            String name = r.required(NAME);
            if (name != null && name.length() > MAX_NAME) r.reject(NAME, "企业名称过长（" + name.length() + "字，最多" + MAX_NAME + "字）");
            // The engine's check, as for scenario files: an unknown value names the nearest valid ones (通州 → 通州区).
            String district = r.required(DISTRICT);
            String districtProblem = district == null ? null : terms.districtProblem(district);
            if (districtProblem != null) r.reject(DISTRICT, districtProblem);
            String park = r.blank(PARK) ? null : r.text(PARK);
            String parkProblem = terms.parkProblem(districtProblem == null ? district : null, park);
            if (parkProblem != null) r.reject(PARK, parkProblem);
            List<String> industries = r.list(INDUSTRIES);
            for (String i : industries) if (terms.industryProblem(i) != null) r.reject(INDUSTRIES, terms.industryProblem(i));
            List<String> qualifications = r.list(QUALIFICATIONS);
            for (String q : qualifications) if (terms.qualificationProblem(q) != null) r.reject(QUALIFICATIONS, terms.qualificationProblem(q));
            String size = size(r);
            Beneficiary kind = beneficiary(r);
            errors.addAll(r.errors());
            if (!r.ok()) continue;
            Object[] params = {code, name, kind.key(), district, park, industries.toArray(String[]::new),
                    qualifications.toArray(String[]::new), size};
            writes.add((importId, user) -> Upsert.outcome(jdbc.sql(sql).params(params).query((rs, n) -> rs.getBoolean(1)).optional()));
        }
        return new Plan(table.lines().size(), errors, writes);
    }

    private static String size(RowReader r) {
        if (r.blank(SIZE)) return null;
        String size = Sizes.parse(r.text(SIZE));
        if (size == null) r.reject(SIZE, Nearest.unknown("企业规模", r.text(SIZE), List.of("微型", "小型", "中型", "大型")));
        return size;
    }

    private static Beneficiary beneficiary(RowReader r) {
        if (r.blank(KIND)) return Beneficiary.ENTERPRISE;
        String t = r.text(KIND);
        for (Beneficiary b : Beneficiary.values()) if (b.label().equals(t) || b.key().equals(t)) return b;
        r.reject(KIND, Nearest.unknown("主体类型", t, Arrays.stream(Beneficiary.values()).map(Beneficiary::label).toList()));
        return Beneficiary.ENTERPRISE;
    }

    /** The upsert for the columns this file has; a new enterprise takes the defaults for the others. */
    private static String upsert(Header h) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "excluded.name");
        values.put("district", "excluded.district");
        if (h.has(KIND)) values.put("kind", "excluded.kind");
        // Without a park column a park is kept only while the enterprise stays in its district.
        values.put("park", h.has(PARK) ? "excluded.park" : "case when excluded.district = enterprise.district then enterprise.park end");
        if (h.has(INDUSTRIES)) values.put("industries", "excluded.industries");
        if (h.has(QUALIFICATIONS)) values.put("qualifications", "excluded.qualifications");
        if (h.has(SIZE)) values.put("size", "excluded.size");
        return """
                insert into enterprise (credit_code, name, kind, district, park, industries, qualifications, size)
                values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?) on conflict (credit_code)""" + Upsert.update("enterprise", values);
    }
}
