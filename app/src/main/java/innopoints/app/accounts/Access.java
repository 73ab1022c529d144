package innopoints.app.accounts;

import innopoints.app.platform.Failures.Forbidden;
import innopoints.app.platform.Failures.NotFound;
import innopoints.engine.policy.Clause;
import org.springframework.stereotype.Component;

/**
 * Every access decision of the service, in one place, made on the server (the table is in
 * docs/security.md, "Roles"): an enterprise user reaches its own enterprise only, and anything
 * else answers as missing (404); an officer reaches the registry, and of claim lists, of an
 * enterprise's push and of its calculator only the clauses its department is responsible for;
 * finance, administrators and leaders see all, and finance and leaders change nothing.
 */
@Component
public class Access {

    public boolean canView(Account a, long enterpriseId) {
        return switch (a.role()) {
            case ENTERPRISE -> a.enterpriseId() != null && a.enterpriseId() == enterpriseId;
            case OFFICER, FINANCE, ADMIN, LEADER -> true;
        };
    }

    /** The one answer for an enterprise that is not there and one the caller may not see: nothing tells them apart. */
    public static final String NO_ENTERPRISE = "没有找到该企业：企业名录中没有此企业，或不在您的查看范围内";
    /** The same for a fact: another enterprise's fact and a missing one answer alike. */
    public static final String NO_FACT = "没有找到该事项：该企业没有此事项，或不在您的查看范围内";

    /** An enterprise the caller may not see is answered as missing (404), so its existence is not revealed. */
    public void checkView(Account a, long enterpriseId) {
        if (!canView(a, enterpriseId)) throw new NotFound(NO_ENTERPRISE);
    }

    /** Declaring or removing facts: the enterprise itself, an officer or an administrator. */
    public boolean canEditFacts(Account a, long enterpriseId) {
        return switch (a.role()) {
            case ENTERPRISE -> canView(a, enterpriseId);
            case OFFICER, ADMIN -> true;
            case FINANCE, LEADER -> false;
        };
    }

    public void checkEditFacts(Account a, long enterpriseId) {
        if (!canEditFacts(a, enterpriseId)) {
            throw new Forbidden(a.is(Role.ENTERPRISE) ? "无权修改其他企业的信息" : "当前角色（" + a.role().label() + "）只能查看，不能修改企业信息");
        }
    }

    /** Importing department data and editing the registry. */
    public boolean canImport(Account a) { return a.is(Role.OFFICER) || a.is(Role.ADMIN); }

    public void checkImport(Account a) {
        if (!canImport(a)) throw new Forbidden("只有部门经办人员和系统管理员可以导入数据");
    }

    /** Editing an enterprise's profile or indicators by hand: officers and administrators, as with imports. */
    public void checkEditRegistry(Account a) {
        if (!canImport(a)) throw new Forbidden("只有部门经办人员和系统管理员可以修改企业基本信息和年度指标");
    }

    /** Starting a proactive screen. */
    public void checkScreen(Account a) {
        if (!(a.is(Role.OFFICER) || a.is(Role.ADMIN))) throw new Forbidden("只有部门经办人员和系统管理员可以发起主动筛查");
    }

    /** Seeing who could claim a clause: its responsible departments' officers, finance, administrators, leaders. */
    public boolean canSeeClaimants(Account a, Clause c) {
        return switch (a.role()) {
            case ENTERPRISE -> false;
            case OFFICER -> c.departments().contains(a.department());
            case FINANCE, ADMIN, LEADER -> true;
        };
    }

    public void checkClaimants(Account a, Clause c) {
        if (!canSeeClaimants(a, c)) {
            throw new Forbidden("该条款由" + String.join("、", c.departments()) + "负责，"
                    + (a.department() == null ? "当前账户" : a.department()) + "无权查看其申报对象名单");
        }
    }

    /**
     * Seeing, among an enterprise's entitlements (its push), those of this clause: the enterprise
     * itself sees all of its own; an officer only the clauses its department answers for, so that
     * no department rebuilds another's claimant list enterprise by enterprise; finance,
     * administrators and leaders see all. Whether the enterprise may be viewed at all is checkView.
     */
    public boolean canSeeEntitlement(Account a, Clause c) {
        return switch (a.role()) {
            case ENTERPRISE, FINANCE, ADMIN, LEADER -> true;
            case OFFICER -> c.departments().contains(a.department());
        };
    }

    /**
     * Recording or voiding an enterprise's earlier award: officers and administrators; for an
     * award under a clause of the pack ({@code clause} not null) an officer only of a department
     * that clause names (it answers for what that clause paid); for an award under a policy
     * outside the pack any officer. The enterprise sees its own list and records nothing.
     */
    public boolean canRecordAward(Account a, Clause clause) {
        return switch (a.role()) {
            case ADMIN -> true;
            case OFFICER -> clause == null || clause.departments().contains(a.department());
            case ENTERPRISE, FINANCE, LEADER -> false;
        };
    }

    /** Whether the caller may record earlier awards at all (before the clause is known). */
    public void checkRecordAwards(Account a) {
        if (!(a.is(Role.OFFICER) || a.is(Role.ADMIN))) {
            throw new Forbidden("只有部门经办人员和系统管理员可以登记或撤销已获奖励；当前角色（" + a.role().label() + "）只能查看");
        }
    }

    public void checkRecordAward(Account a, Clause clause) {
        checkRecordAwards(a);
        if (!canRecordAward(a, clause)) {
            throw new Forbidden("该条款由" + String.join("、", clause.departments()) + "负责，" + a.department()
                    + "不能登记或撤销按该条款获得的奖励");
        }
    }

    /** Browsing the registry list: everyone but enterprise users. */
    public void checkRegistry(Account a) {
        if (a.is(Role.ENTERPRISE)) throw new Forbidden("企业用户不能浏览企业名录");
    }

    /** Managing accounts and reading their audit trail: administrators only. */
    public void checkAccounts(Account a) {
        if (!a.is(Role.ADMIN)) throw new Forbidden("只有系统管理员可以管理账户");
    }

    /** Reviewing enterprises' registrations (confirming or rejecting the binding): officers and administrators. */
    public void checkRegistrations(Account a) {
        if (!(a.is(Role.OFFICER) || a.is(Role.ADMIN))) throw new Forbidden("只有部门经办人员和系统管理员可以审核企业注册");
    }
}
