package innopoints.app.registry;

import innopoints.app.accounts.Access;
import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.Policies;
import innopoints.engine.facts.FactType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading an enterprise and declaring or withdrawing its facts, with the access checks. */
@Service
public class RegistryService {
    private final EnterpriseRepository repo;
    private final Access access;
    private final Policies policies;

    private final TransactionTemplate tx;

    public RegistryService(EnterpriseRepository repo, Access access, Policies policies, TransactionTemplate tx) {
        this.repo = repo;
        this.access = access;
        this.policies = policies;
        this.tx = tx;
    }

    public Enterprise enterprise(Account me, long id) {
        access.checkView(me, id);
        return repo.find(id).orElseThrow(() -> new NotFound("企业名录中没有编号为" + id + "的企业"));
    }

    /** The fact type for a key, or a refusal naming the field. */
    public FactType factType(String key) {
        FactType t = key == null ? null : policies.pack().vocabulary().type(key);
        if (t == null) throw Invalid.field("type", "事项类型“" + (key == null ? "" : key) + "”不在事项词汇表中");
        return t;
    }

    /** Declares a fact for the enterprise; every field checked, refusals in Chinese naming the field. */
    public long declare(Account me, long enterpriseId, String typeKey, String date, Map<String, String> fields) {
        access.checkEditFacts(me, enterpriseId);
        enterprise(me, enterpriseId);
        FactType type = factType(typeKey);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = parseDate(date, "date", errors);
        FactValues.Parsed parsed = FactValues.parse(type, fields);
        errors.addAll(parsed.errors());
        if (!errors.isEmpty()) throw new Invalid("“" + type.term() + "”有" + errors.size() + "处填写有误：" + errors.getFirst().message(), errors);
        Long id = tx.execute(status -> repo.addFact(enterpriseId, type.key(), on, parsed.values(), "declared", null, me.username()));
        return id;
    }

    /**
     * Corrects a declared fact: the old one is withdrawn and the corrected one declared in one
     * transaction, so a refusal or a failure leaves the old one in place. Returns the new id.
     */
    public long revise(Account me, long enterpriseId, long factId, String date, Map<String, String> fields) {
        access.checkEditFacts(me, enterpriseId);
        FactRecord old = repo.fact(enterpriseId, factId).orElseThrow(() -> new NotFound("该企业没有编号为" + factId + "的事项"));
        Long id = tx.execute(status -> {
            repo.deleteFact(enterpriseId, factId);
            return declare(me, enterpriseId, old.type(), date, fields);
        });
        return id;
    }

    public void withdraw(Account me, long enterpriseId, long factId) {
        access.checkEditFacts(me, enterpriseId);
        Boolean gone = tx.execute(status -> repo.deleteFact(enterpriseId, factId));
        if (!Boolean.TRUE.equals(gone)) throw new NotFound("该企业没有编号为" + factId + "的事项");
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
}
