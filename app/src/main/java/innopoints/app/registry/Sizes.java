package innopoints.app.registry;

import java.util.List;
import java.util.Map;

/** Enterprise sizes (划型) and their Chinese names, as officers write them in data files. */
public final class Sizes {
    public static final List<String> KEYS = List.of("micro", "small", "medium", "large");
    private static final Map<String, String> LABELS = Map.of("micro", "微型", "small", "小型", "medium", "中型", "large", "大型");

    private Sizes() {}

    public static String label(String key) { return key == null ? "" : LABELS.getOrDefault(key, key); }

    /** The key for "中型", "中型企业", "medium"; null if none. */
    public static String parse(String text) {
        if (text == null) return null;
        String t = text.strip().replace("企业", "");
        if (KEYS.contains(t)) return t;
        for (var e : LABELS.entrySet()) if (e.getValue().equals(t) || e.getValue().startsWith(t)) return e.getKey();
        return null;
    }
}
