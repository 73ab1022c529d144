package innopoints.app.accounts;

/** What an account may do. Each account has exactly one role. */
public enum Role {
    ENTERPRISE("企业用户"),
    OFFICER("部门经办人员"),
    FINANCE("财政人员"),
    ADMIN("系统管理员"),
    LEADER("领导（只读）");

    private final String label;

    Role(String label) { this.label = label; }

    public String label() { return label; }

    public String authority() { return "ROLE_" + name(); }
}
