package innopoints.engine.policy;

/** A document's status. */
public enum Status {
    IN_FORCE("in-force", "有效"),
    DRAFT("draft", "征求意见稿"),
    EXPIRED("expired", "已失效");

    private final String key;
    private final String label;

    Status(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    public static Status fromKey(String key) {
        for (Status s : values()) if (s.key.equals(key)) return s;
        return null;
    }
}
