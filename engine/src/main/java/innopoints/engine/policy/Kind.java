package innopoints.engine.policy;

/** Whether a figure is the amount itself, a ceiling the department decides within, or neither. */
public enum Kind {
    DEFINITE("definite", "确定金额"),
    CEILING("ceiling", "上限（部门在此内核定）"),
    UNDETERMINED("undetermined", "金额未定");

    private final String key;
    private final String label;

    Kind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    public Kind and(Kind other) {
        if (this == UNDETERMINED || other == UNDETERMINED) return UNDETERMINED;
        return this == CEILING || other == CEILING ? CEILING : DEFINITE;
    }
}
