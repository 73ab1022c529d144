package innopoints.engine.policy;

/** The level of government that issued a document. */
public enum Level {
    DISTRICT("district", "区级", 1),
    CITY("city", "市级", 2),
    PROVINCE("province", "省级", 3),
    NATION("nation", "国家级", 4);

    private final String key;
    private final String label;
    private final int rank;

    Level(String key, String label, int rank) {
        this.key = key;
        this.label = label;
        this.rank = rank;
    }

    public String key() { return key; }

    public String label() { return label; }

    public int rank() { return rank; }

    public static Level fromKey(String key) {
        for (Level l : values()) if (l.key.equals(key)) return l;
        return null;
    }
}
