package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.Policies;
import innopoints.engine.facts.Bound;
import innopoints.engine.facts.Nearest;
import innopoints.engine.money.Unit;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Level;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An enterprise's earlier awards (已获奖励): the list (the enterprise reads its own), recording
 * and voiding (officers of the clause's department, any officer for an award outside the pack,
 * administrators). Every field is checked with the engine's bounds and each refusal names it in
 * Chinese; recording the same award twice records it once; each change re-screens the enterprise.
 */
@Service
public class AwardService {
    public static final String NO_AWARD = "没有找到该奖励记录：该企业没有此记录，或不在您的查看范围内";

    private final RegistryService registry;
    private final AwardRepository awards;
    private final Access access;
    private final Policies policies;
    private final ApplicationEventPublisher events;

    public AwardService(RegistryService registry, AwardRepository awards, Access access, Policies policies, ApplicationEventPublisher events) {
        this.registry = registry;
        this.awards = awards;
        this.access = access;
        this.policies = policies;
        this.events = events;
    }

    /**
     * An award to record: under a clause of the pack ({@code clause}, "city-2025:4.1"), or under a
     * policy outside it ({@code matter}, {@code level}, {@code unit}); the project it was for, the
     * date, the figure in the unit, where it is written and a note. Text as typed; checked here.
     */
    public record AwardInput(@Schema(nullable = true, description = "所依据的条款（文件编号:条款编号，如 city-2025:4.1）；政策清单外的奖励不填，改填matter、level、unit") String clause,
                             @Schema(nullable = true, description = "事项（政策清单外的奖励必填）") String matter,
                             @Schema(nullable = true, description = "层级：nation、province、city或district（政策清单外的奖励必填）") String level,
                             @Schema(nullable = true, description = "单位：yuan或points（政策清单外的奖励必填）") String unit,
                             @Schema(nullable = true, description = "项目标识：与事项的项目标识相同者视为同一项目") String project,
                             @Schema(description = "获得日期（yyyy-MM-dd）") String date,
                             @Schema(types = {"number", "string"}, description = "金额（元）或分值，精确数字") Object figure,
                             @Schema(nullable = true, description = "来源：文号或发放部门") String source,
                             @Schema(nullable = true, description = "备注") String note) {}

    /** Every record of the enterprise, voided ones too (404 alike for a missing enterprise and one out of sight). */
    public List<AwardRecord> list(Account me, long enterpriseId) {
        registry.enterprise(me, enterpriseId);
        return awards.all(enterpriseId);
    }

    public AwardRecord one(Account me, long enterpriseId, long awardId) {
        if (!access.canView(me, enterpriseId)) throw new NotFound(NO_AWARD);
        return awards.find(enterpriseId, awardId).orElseThrow(() -> new NotFound(NO_AWARD));
    }

    /** Whether the caller may record awards for this enterprise at all (pages hide the form otherwise). */
    public boolean canRecord(Account me) {
        return access.canRecordAward(me, null);
    }

    /** Records an earlier award; returns its id (the standing one when the same was recorded already). */
    public long record(Account me, long enterpriseId, AwardInput in) {
        registry.enterprise(me, enterpriseId);
        access.checkRecordAwards(me);
        Checked c = check(in);
        access.checkRecordAward(me, c.clause());
        long id = awards.record(enterpriseId, c.clause() == null ? null : c.clause().ref(), c.matter(), c.level(), c.unit(), c.project(),
                c.date(), c.figure(), c.source(), c.note(), c.digest(), me.username());
        events.publishEvent(EnterprisesChanged.of(enterpriseId));
        return id;
    }

    /** Voids a standing record once, saying why; a record voided already is refused (409). */
    public AwardRecord voidAward(Account me, long enterpriseId, long awardId, String reason) {
        AwardRecord a = one(me, enterpriseId, awardId);
        access.checkRecordAwards(me);
        Clause clause = a.clauseRef() == null ? null : policies.clause(a.clauseRef());
        if (a.clauseRef() != null && clause == null && !me.is(innopoints.app.accounts.Role.ADMIN)) {
            throw new innopoints.app.platform.Failures.Forbidden("该奖励所依据的条款" + a.clauseRef() + "已不在政策清单中，只有系统管理员可以撤销");
        }
        access.checkRecordAward(me, clause);
        List<FieldError> errors = new ArrayList<>();
        String why = text(reason, "reason", "撤销原因", Bound.LONG_TEXT, true, errors);
        if (!errors.isEmpty()) throw new Invalid(errors.getFirst().message(), errors);
        if (!awards.voidOnce(enterpriseId, awardId, me.username(), why)) {
            throw new Conflict("该奖励记录已被撤销（" + a.voidedBy() + "），不能再次撤销");
        }
        events.publishEvent(EnterprisesChanged.of(enterpriseId));
        return awards.find(enterpriseId, awardId).orElseThrow();
    }

    private record Checked(Clause clause, String matter, String level, String unit, String project, LocalDate date, BigDecimal figure,
                           String source, String note) {
        String digest() {
            return FactValues.digest("prior_award", date, new TreeMap<>(Map.of("clause", String.valueOf(clause == null ? "" : clause.ref()),
                    "matter", String.valueOf(matter), "level", String.valueOf(level), "unit", String.valueOf(unit),
                    "figure", figure.stripTrailingZeros().toPlainString(), "source", String.valueOf(source))), project);
        }
    }

    private Checked check(AwardInput in) {
        List<FieldError> errors = new ArrayList<>();
        String clauseRef = blank(in.clause()) ? null : in.clause().strip();
        boolean outside = !blank(in.matter()) || !blank(in.level()) || !blank(in.unit());
        Clause clause = null;
        String matter = null, level = null, unit = null;
        Unit u = null;
        if (clauseRef != null) {
            if (clauseRef.length() > Bound.SHORT_TEXT_CHARS) {
                errors.add(new FieldError("clause", "“条款”（clause）过长（" + clauseRef.length() + "个字符，最多" + Bound.SHORT_TEXT_CHARS + "个）"));
            } else {
                clause = policies.clause(clauseRef);
                if (clause == null) {
                    errors.add(new FieldError("clause", "“条款”（clause）" + Nearest.unknown("条款", FactValues.shown(clauseRef), refs())
                            + "（应为文件编号:条款编号，如 city-2025:4.1）"));
                } else {
                    u = policies.documentOf(clause).unit();
                }
            }
            if (outside) {
                errors.add(new FieldError("matter", "按政策清单中条款获得的奖励，事项、层级和单位取自该条款，请不要另填；政策清单外的奖励请不填条款"));
            }
        } else {
            if (blank(in.matter())) {
                errors.add(new FieldError("matter", "“事项”（matter）必须填写：按政策清单外的政策获得的奖励须写明事项、层级和单位（或改填政策清单中的条款）"));
            } else {
                matter = in.matter().strip();
                Collection<String> known = matters();
                if (matter.length() > Bound.SHORT_TEXT_CHARS) {
                    errors.add(new FieldError("matter", "“事项”（matter）过长（" + matter.length() + "个字符，最多" + Bound.SHORT_TEXT_CHARS + "个）"));
                } else if (!known.isEmpty() && !known.contains(matter)) {
                    errors.add(new FieldError("matter", "“事项”（matter）" + Nearest.unknown("事项", FactValues.shown(matter), known)));
                }
            }
            if (blank(in.level())) {
                errors.add(new FieldError("level", "“层级”（level）必须填写：国家级、省级、市级或区级"));
            } else {
                Level l = level(in.level().strip());
                if (l == null) errors.add(new FieldError("level", "“层级”（level）应为国家级、省级、市级或区级（nation、province、city、district），填写的是“" + FactValues.shown(in.level()) + "”"));
                else level = l.key();
            }
            if (blank(in.unit())) {
                errors.add(new FieldError("unit", "“单位”（unit）必须填写：元或分"));
            } else {
                u = unit(in.unit().strip());
                if (u == null) errors.add(new FieldError("unit", "“单位”（unit）应为元或分（yuan、points），填写的是“" + FactValues.shown(in.unit()) + "”"));
                else unit = u.key();
            }
        }
        LocalDate date = null;
        if (blank(in.date())) {
            errors.add(new FieldError("date", "“获得日期”（date）必须填写"));
        } else {
            try {
                date = Bound.date(in.date().strip().replace('/', '-'));
                if (date.isAfter(LocalDate.now())) {
                    errors.add(new FieldError("date", "“获得日期”（date）不能晚于今天，填写的是“" + date + "”"));
                    date = null;
                }
            } catch (Bound.Refused e) {
                errors.add(new FieldError("date", "“获得日期”（date）" + e.getMessage()));
            }
        }
        BigDecimal figure = null;
        String figureText = in.figure() == null ? null : in.figure() instanceof BigDecimal d ? d.toString() : in.figure().toString().strip();
        if (figureText == null || figureText.isBlank()) {
            errors.add(new FieldError("figure", "“金额或分值”（figure）必须填写"));
        } else {
            Bound bound = u == Unit.POINTS ? Bound.POINTS : Bound.YUAN;
            try {
                figure = bound.number(figureText.replace(",", "").replace("，", ""));
            } catch (Bound.Refused e) {
                errors.add(new FieldError("figure", "“" + (u == Unit.POINTS ? "分值" : u == Unit.YUAN ? "金额（元）" : "金额或分值") + "”（figure）" + e.getMessage()));
            }
        }
        String project = text(in.project(), "project", "项目标识", Bound.SHORT_TEXT, false, errors);
        String source = text(in.source(), "source", "来源", Bound.SHORT_TEXT, false, errors);
        String note = text(in.note(), "note", "备注", Bound.LONG_TEXT, false, errors);
        if (!errors.isEmpty()) throw new Invalid("已获奖励有" + errors.size() + "处填写有误：" + errors.getFirst().message(), errors);
        return new Checked(clause, matter, level, unit, project, date, figure, source, note);
    }

    /** The matters an award outside the pack may name: the pack's declared matters and those its clauses name. */
    public Collection<String> matters() {
        TreeSet<String> out = new TreeSet<>(policies.pack().matters().keySet());
        for (Document d : policies.pack().documents()) for (Clause c : d.clauses()) if (c.matter() != null) out.add(c.matter());
        return out;
    }

    private List<String> refs() {
        List<String> out = new ArrayList<>();
        for (Clause c : policies.pack().clauses()) out.add(c.ref());
        return out;
    }

    static Level level(String text) {
        for (Level l : Level.values()) if (l.key().equals(text) || l.label().equals(text)) return l;
        return null;
    }

    static Unit unit(String text) {
        for (Unit u : Unit.values()) if (u.key().equals(text) || u.label().equals(text)) return u;
        return "积分".equals(text) ? Unit.POINTS : null;
    }

    private static String text(String raw, String field, String words, Bound bound, boolean required, List<FieldError> errors) {
        if (blank(raw)) {
            if (required) errors.add(new FieldError(field, "“" + words + "”（" + field + "）必须填写"));
            return null;
        }
        try {
            return bound.text(raw.strip());
        } catch (Bound.Refused e) {
            errors.add(new FieldError(field, "“" + words + "”（" + field + "）" + e.getMessage()));
            return null;
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
