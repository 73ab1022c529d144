package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.engine.facts.Beneficiary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Editing one enterprise's profile or one year's indicators by hand (officers and administrators;
 * a department file goes through imports). Each edit names the version it was based on and is
 * one compare-and-set: a write based on an old version is refused (409) and nothing is written
 * twice. A committed edit re-screens the enterprise.
 */
@Service
public class RegistryEdits {
    public static final String STALE_PROFILE = "该企业的基本信息已被他人修改（您看到的是旧版本），本次修改未保存。请刷新页面，核对最新内容后重新修改";
    public static final String STALE_INDICATOR = "该年度指标已被他人修改或新增（您看到的是旧版本），本次修改未保存。请刷新页面，核对最新内容后重新修改";
    private static final int MAX_NAME = 100, MAX_ITEM = 50, MAX_ITEMS = 50, MAX_COUNT = 10_000_000;
    private static final BigDecimal MAX_YUAN = new BigDecimal("9999999999999999.99");

    private final JdbcClient jdbc;
    private final RegistryService registry;
    private final Access access;
    private final ApplicationEventPublisher events;

    public RegistryEdits(JdbcClient jdbc, RegistryService registry, Access access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.access = access;
        this.events = events;
    }

    /** A profile as edited; {@code version} is the one the edit is based on. */
    public record ProfileInput(Long version, String name, String kind, String district, String park, List<String> industries,
                               List<String> qualifications, String size) {}

    /** One year's indicators as edited; {@code version} null creates the year, else it is the version the edit is based on. */
    public record IndicatorInput(Long version, String revenue, String rdExpense, String rdStaff, String staff, String patents,
                                 String inventionPatents, String techContractAmount) {}

    public Enterprise updateProfile(Account me, long id, ProfileInput in) {
        registry.enterprise(me, id);
        access.checkEditRegistry(me);
        List<FieldError> errors = new ArrayList<>();
        String name = text(in.name(), "name", "企业名称", MAX_NAME, true, errors);
        Beneficiary kind = in.kind() == null || in.kind().isBlank() ? Beneficiary.ENTERPRISE : Beneficiary.fromKey(in.kind().strip());
        if (kind == null) {
            errors.add(new FieldError("kind", "“主体类型”（kind）应为以下之一：" + Arrays.stream(Beneficiary.values())
                    .map(b -> b.key() + "（" + b.label() + "）").collect(Collectors.joining("、")) + "，填写的是“" + in.kind() + "”"));
        }
        String district = text(in.district(), "district", "所属板块", MAX_NAME, true, errors);
        String park = text(in.park(), "park", "所在园区", MAX_NAME, false, errors);
        List<String> industries = list(in.industries(), "industries", "产业链", errors);
        List<String> qualifications = list(in.qualifications(), "qualifications", "资质", errors);
        Map<String, String> labels = Map.of("district", "“所属板块”（district）", "park", "“所在园区”（park）",
                "industry", "“产业链”（industries）", "qualification", "“资质”（qualifications）");
        for (FieldError e : registry.profileProblems(district, park, industries, qualifications)) {
            String field = e.field().equals("industry") ? "industries" : e.field().equals("qualification") ? "qualifications" : e.field();
            errors.add(new FieldError(field, labels.get(e.field()) + "：" + e.message()));
        }
        String size = null;
        if (in.size() != null && !in.size().isBlank()) {
            size = Sizes.parse(in.size());
            if (size == null) errors.add(new FieldError("size", "“企业规模”（size）应为微型、小型、中型或大型，填写的是“" + in.size() + "”"));
        }
        Long version = in.version();
        if (version == null) errors.add(new FieldError("version", "“版本号”（version）必须填写：请提交您所看到的基本信息版本号，以免覆盖他人的修改"));
        refuse("企业基本信息", errors);
        boolean written = jdbc.sql("""
                        update enterprise set name = ?, kind = ?, district = ?, park = ?, industries = ?::text[], qualifications = ?::text[], size = ?,
                               updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(name, kind.key(), district, park, industries.toArray(String[]::new), qualifications.toArray(String[]::new), size, id, version)
                .update() > 0;
        if (!written) throw new Conflict(STALE_PROFILE);
        events.publishEvent(EnterprisesChanged.of(id));
        return registry.enterprise(me, id);
    }

    public Indicator saveIndicator(Account me, long id, int year, IndicatorInput in) {
        registry.enterprise(me, id);
        access.checkEditRegistry(me);
        List<FieldError> errors = new ArrayList<>();
        if (year < 1990 || year > 2100) errors.add(new FieldError("year", "“年度”（year）应在1990至2100之间，填写的是" + year));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("revenue", yuan(in.revenue(), "revenue", "营业收入（元）", errors));
        values.put("rd_expense", yuan(in.rdExpense(), "rdExpense", "研发费用（元）", errors));
        values.put("rd_staff", count(in.rdStaff(), "rdStaff", "研发人员数", errors));
        values.put("staff", count(in.staff(), "staff", "从业人员数", errors));
        values.put("patents", count(in.patents(), "patents", "有效专利数", errors));
        values.put("invention_patents", count(in.inventionPatents(), "inventionPatents", "发明专利数", errors));
        values.put("tech_contract_amount", yuan(in.techContractAmount(), "techContractAmount", "技术合同成交额（元）", errors));
        if (values.get("rd_staff") instanceof Integer rd && values.get("staff") instanceof Integer all && rd > all) {
            errors.add(new FieldError("rdStaff", "“研发人员数”（rdStaff）" + rd + "不能多于从业人员数" + all));
        }
        if (values.values().stream().allMatch(v -> v == null)) errors.add(new FieldError("revenue", "至少填写一项指标"));
        refuse(year + "年度指标", errors);
        Object[] v = values.values().toArray();
        boolean written;
        if (in.version() == null) {
            written = jdbc.sql("""
                            insert into enterprise_indicator (enterprise_id, year, revenue, rd_expense, rd_staff, staff, patents, invention_patents, tech_contract_amount)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (enterprise_id, year) do nothing""")
                    .params(id, year, v[0], v[1], v[2], v[3], v[4], v[5], v[6]).update() > 0;
        } else {
            written = jdbc.sql("""
                            update enterprise_indicator set revenue = ?, rd_expense = ?, rd_staff = ?, staff = ?, patents = ?, invention_patents = ?,
                                   tech_contract_amount = ?, updated_at = now(), version = version + 1
                            where enterprise_id = ? and year = ? and version = ?""")
                    .params(v[0], v[1], v[2], v[3], v[4], v[5], v[6], id, year, in.version()).update() > 0;
        }
        if (!written) throw new Conflict(STALE_INDICATOR);
        events.publishEvent(EnterprisesChanged.of(id));
        return jdbc.sql("select * from enterprise_indicator where enterprise_id = ? and year = ?").params(id, year)
                .query(EnterpriseRepository::indicator).single();
    }

    private static void refuse(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) throw new Invalid("“" + what + "”有" + errors.size() + "处填写有误：" + errors.getFirst().message(), errors);
    }

    private static String text(String value, String field, String term, int max, boolean required, List<FieldError> errors) {
        String t = value == null ? null : value.strip();
        if (t == null || t.isEmpty()) {
            if (required) errors.add(new FieldError(field, "“" + term + "”（" + field + "）必须填写"));
            return null;
        }
        if (t.length() > max) errors.add(new FieldError(field, "“" + term + "”（" + field + "）过长（" + t.length() + "字，最多" + max + "字）"));
        return t;
    }

    private static List<String> list(List<String> items, String field, String term, List<FieldError> errors) {
        if (items == null) return List.of();
        List<String> out = items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (out.size() > MAX_ITEMS) errors.add(new FieldError(field, "“" + term + "”（" + field + "）最多" + MAX_ITEMS + "项，填写了" + out.size() + "项"));
        for (String s : out) {
            if (s.length() > MAX_ITEM) errors.add(new FieldError(field, "“" + term + "”（" + field + "）中的“" + s.substring(0, 10) + "…”过长（最多" + MAX_ITEM + "字）"));
        }
        return out;
    }

    /** An amount in yuan: plain digits with at most two decimals, no exponent, within the registry's column. */
    static BigDecimal yuan(String text, String field, String term, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip().replace(",", "");
        if (t.length() > 22 || !t.matches("\\d+(\\.\\d{1,2})?")) {
            errors.add(new FieldError(field, "“" + term + "”（" + field + "）应为不小于0的金额（元），最多两位小数，填写的是“" + abbreviated(text) + "”"));
            return null;
        }
        BigDecimal d = new BigDecimal(t);
        if (d.compareTo(MAX_YUAN) > 0) {
            errors.add(new FieldError(field, "“" + term + "”（" + field + "）超出上限" + MAX_YUAN.toPlainString() + "元"));
            return null;
        }
        return d;
    }

    static Integer count(String text, String field, String term, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (t.length() > 9 || !t.matches("\\d+") || Integer.parseInt(t) > MAX_COUNT) {
            errors.add(new FieldError(field, "“" + term + "”（" + field + "）应为0至" + MAX_COUNT + "之间的整数，填写的是“" + abbreviated(text) + "”"));
            return null;
        }
        return Integer.parseInt(t);
    }

    private static String abbreviated(String s) { return s.length() > 30 ? s.substring(0, 30) + "…" : s; }
}
