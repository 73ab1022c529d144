package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.Policies;
import innopoints.engine.facts.FactType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading an enterprise and declaring, correcting or withdrawing its facts, with the access
 * checks. A correction or withdrawal names the version it was based on and is refused (409) when
 * the fact has changed since; each committed change re-screens the enterprise (EnterprisesChanged).
 */
@Service
public class RegistryService {
    /** The refusal of a write based on an old version. */
    public static final String STALE_FACT = "该事项已被他人修改或撤回（您看到的是旧版本），本次操作未保存。请刷新页面，核对最新内容后重新操作";

    private final EnterpriseRepository repo;
    private final Access access;
    private final Policies policies;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    public RegistryService(EnterpriseRepository repo, Access access, Policies policies, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.repo = repo;
        this.access = access;
        this.policies = policies;
        this.tx = tx;
        this.events = events;
    }

    /** The enterprise, or 404 alike whether it is missing or out of the caller's sight. */
    public Enterprise enterprise(Account me, long id) {
        access.checkView(me, id);
        return repo.find(id).orElseThrow(() -> new NotFound(Access.NO_ENTERPRISE));
    }

    /** One fact of the enterprise, or 404 alike whether it is missing, another enterprise's, or out of sight. */
    public FactRecord fact(Account me, long enterpriseId, long factId) {
        if (!access.canView(me, enterpriseId)) throw new NotFound(Access.NO_FACT);
        return repo.fact(enterpriseId, factId).orElseThrow(() -> new NotFound(Access.NO_FACT));
    }

    /** The fact type for a key, or a refusal naming the field. */
    public FactType factType(String key) {
        FactType t = key == null ? null : policies.pack().vocabulary().type(key);
        if (t == null) throw Invalid.field("type", "事项类型“" + (key == null ? "" : key) + "”不在事项词汇表中");
        return t;
    }

    private record Checked(LocalDate date, Map<String, Object> values, String project) {}

    private Checked check(FactType type, String date, Map<String, String> fields, String project) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = parseDate(date, "date", errors);
        FactValues.Parsed parsed = FactValues.parse(type, fields);
        errors.addAll(parsed.errors());
        String p = FactValues.project(project, errors);
        if (!errors.isEmpty()) throw new Invalid("“" + type.term() + "”有" + errors.size() + "处填写有误：" + errors.getFirst().message(), errors);
        return new Checked(on, parsed.values(), p);
    }

    /** Declares a fact for the enterprise; every field checked, refusals in Chinese naming the field. */
    public long declare(Account me, long enterpriseId, String typeKey, String date, Map<String, String> fields) {
        return declare(me, enterpriseId, typeKey, date, fields, null);
    }

    /** Declares a fact about a project (项目标识, optional: blank is none). */
    public long declare(Account me, long enterpriseId, String typeKey, String date, Map<String, String> fields, String project) {
        enterprise(me, enterpriseId);
        access.checkEditFacts(me, enterpriseId);
        FactType type = factType(typeKey);
        Checked c = check(type, date, fields, project);
        Long id = tx.execute(status -> repo.addFact(enterpriseId, type.key(), c.date(), c.values(), c.project(), "declared", null, me.username()));
        changed(enterpriseId);
        return id;
    }

    /**
     * Corrects a fact in place, one compare-and-set on the version it was based on: of two
     * corrections from the same version one wins and the other is refused (409), and the fact
     * stays one fact. A correction that makes it equal to another fact of the enterprise merges
     * the two. Returns the id of the corrected fact.
     */
    public long revise(Account me, long enterpriseId, long factId, Long version, String date, Map<String, String> fields) {
        return revise(me, enterpriseId, factId, version, date, fields, null);
    }

    /** Corrects a fact, its project included (blank: none). */
    public long revise(Account me, long enterpriseId, long factId, Long version, String date, Map<String, String> fields, String project) {
        FactRecord old = fact(me, enterpriseId, factId);
        access.checkEditFacts(me, enterpriseId);
        FactType type = factType(old.type());
        Checked c = check(type, date, fields, project);
        long base = requireVersion(version);
        Long id;
        try {
            id = tx.execute(status -> {
                Long same = repo.sameFact(enterpriseId, factId, type.key(), c.date(), c.values(), c.project());
                boolean written = same != null
                        ? repo.deleteFact(enterpriseId, factId, base)
                        : repo.reviseFact(enterpriseId, factId, base, c.date(), c.values(), c.project(), me.username());
                if (!written) throw staleOrMissing(enterpriseId, factId);
                return same != null ? same : factId;
            });
        } catch (DuplicateKeyException e) {
            throw new Conflict(STALE_FACT);
        }
        changed(enterpriseId);
        return id;
    }

    /** Withdraws a fact, refused (409) when it has changed since the version the caller saw. */
    public void withdraw(Account me, long enterpriseId, long factId, Long version) {
        fact(me, enterpriseId, factId);
        access.checkEditFacts(me, enterpriseId);
        long base = requireVersion(version);
        tx.executeWithoutResult(status -> {
            if (!repo.deleteFact(enterpriseId, factId, base)) throw staleOrMissing(enterpriseId, factId);
        });
        changed(enterpriseId);
    }

    private static long requireVersion(Long version) {
        if (version == null) {
            throw Invalid.field("version", "“版本号”（version）必须填写：请提交您所看到的事项版本号，以免覆盖他人的修改");
        }
        return version;
    }

    /** Seen a moment ago, now changed or withdrawn by someone else: either way the caller's version is old. */
    private static RuntimeException staleOrMissing(long enterpriseId, long factId) {
        return new Conflict(STALE_FACT);
    }

    private void changed(long enterpriseId) {
        events.publishEvent(EnterprisesChanged.of(enterpriseId));
    }

    /** A fact's date from text, or null with the reason added to {@code errors} under {@code field}. */
    public static LocalDate parseDate(String date, String field, List<FieldError> errors) {
        if (date == null || date.isBlank()) {
            errors.add(new FieldError(field, "“发生日期”（date）必须填写"));
            return null;
        }
        if (date.length() > innopoints.engine.facts.Bound.MAX_DATE_CHARS) {
            errors.add(new FieldError(field, "“发生日期”（date）过长（" + date.length() + "个字符），应为日期，格式如2026-05-01"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(date.strip().replace('/', '-'));
            if (d.getYear() < 1990 || d.isAfter(LocalDate.now().plusYears(1))) {
                errors.add(new FieldError(field, "“发生日期”（date）应在1990年至明年之间，填写的是“" + date + "”"));
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "“发生日期”（date）应为日期，格式如2026-05-01，填写的是“" + date + "”"));
            return null;
        }
    }

    /**
     * What is wrong with a profile's place and words, by the engine's check that scenarios and
     * imports use too: an unknown district, park, industry or qualification is named with the
     * nearest valid values, since a word no clause or filter knows matches nothing in silence.
     */
    public List<FieldError> profileProblems(String district, String park, List<String> industries, List<String> qualifications) {
        var terms = policies.pack().terms();
        List<FieldError> out = new ArrayList<>();
        String d = terms.districtProblem(district);
        if (d != null) out.add(new FieldError("district", d));
        String p = terms.parkProblem(d == null ? district : null, park);
        if (p != null) out.add(new FieldError("park", p));
        for (String i : industries) {
            String problem = terms.industryProblem(i);
            if (problem != null) out.add(new FieldError("industry", problem));
        }
        for (String q : qualifications) {
            String problem = terms.qualificationProblem(q);
            if (problem != null) out.add(new FieldError("qualification", problem));
        }
        return out;
    }

    /** What is wrong with a registry filter: see {@link #profileProblems}. */
    public List<FieldError> filterProblems(EnterpriseRepository.Filter f) {
        String industry = blankToNull(f.industry()), qualification = blankToNull(f.qualification());
        return profileProblems(blankToNull(f.district()), blankToNull(f.park()),
                industry == null ? List.of() : List.of(industry), qualification == null ? List.of() : List.of(qualification));
    }

    /** Refuses (400, each field named) a filter that could only match nothing in silence. */
    public void checkFilter(EnterpriseRepository.Filter f) {
        List<FieldError> problems = filterProblems(f);
        if (!problems.isEmpty()) throw new Invalid("筛选条件有误：" + problems.getFirst().message(), problems);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
