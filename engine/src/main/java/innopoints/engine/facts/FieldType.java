package innopoints.engine.facts;

/** The type of a fact's field, as the vocabulary declares it. */
public enum FieldType {
    YUAN("yuan", "金额（元）"),
    NUMBER("number", "数值"),
    INTEGER("integer", "整数"),
    BOOLEAN("boolean", "是/否"),
    TEXT("text", "文字"),
    DATE("date", "日期"),
    ENUM("enum", "选项");

    private final String key;
    private final String label;

    FieldType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    public boolean numeric() { return this == YUAN || this == NUMBER || this == INTEGER; }

    public static FieldType fromKey(String key) {
        for (FieldType t : values()) if (t.key.equals(key)) return t;
        return null;
    }
}
