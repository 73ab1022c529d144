package innopoints.app.registry.imports;

/** The kinds of department file: the key used in addresses and the API, and the name officers use. */
public enum ImportKind {
    ENTERPRISES("enterprises", "企业名录"),
    INDICATORS("indicators", "年度指标"),
    FACTS("facts", "事项");

    private final String key;
    private final String label;

    ImportKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    /** The kind for "enterprises" or "企业名录"; null if none. */
    public static ImportKind parse(String text) {
        if (text == null) return null;
        String t = text.strip();
        for (ImportKind k : values()) if (k.key.equalsIgnoreCase(t) || k.label.equals(t)) return k;
        return null;
    }

    /** The name of a stored kind, or "未识别" for a file whose kind could not be told. */
    public static String labelOf(String key) {
        ImportKind k = parse(key);
        return k == null ? "未识别" : k.label;
    }

    static String choices() {
        StringBuilder sb = new StringBuilder();
        for (ImportKind k : values()) sb.append(sb.isEmpty() ? "" : "、").append(k.label).append("（").append(k.key).append("）");
        return sb.toString();
    }
}
