package innopoints.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The valid values nearest to a value nobody knows, for a message that says what was probably
 * meant: values that contain it or that it contains first (通州 → 通州区), then values within a
 * small edit distance; at most a few.
 */
public final class Nearest {
    /** How many suggestions a message offers. */
    public static final int FEW = 3;
    /** How many valid values a message lists before it says how many there are. */
    private static final int LISTED = 15;

    private Nearest() {}

    /** Up to {@code max} valid values near {@code given}, nearest first; empty if none is near. */
    public static List<String> to(String given, Collection<String> valid, int max) {
        if (given == null) return List.of();
        String g = given.strip();
        if (g.isEmpty()) return List.of();
        record Scored(String value, int rank, int distance) {}
        List<Scored> near = new ArrayList<>();
        int limit = Math.max(1, g.length() / 3);
        for (String v : valid) {
            int d = distance(g, v);
            if (v.contains(g) || g.contains(v) && !v.isEmpty()) near.add(new Scored(v, v.startsWith(g) || g.startsWith(v) ? 0 : 1, d));
            else if (d <= limit) near.add(new Scored(v, 2, d));
        }
        near.sort(Comparator.comparingInt(Scored::rank).thenComparingInt(Scored::distance));
        return near.stream().limit(max).map(Scored::value).toList();
    }

    /**
     * The message for a value not among the valid ones, e.g.
     * 未知的地区“通州”，是否指“通州区”？可选：海安市、如皋市…
     *
     * @param noun what the value is, in Chinese (地区, 园区, 产业, 资质...)
     */
    public static String unknown(String noun, String given, Collection<String> valid) {
        StringBuilder sb = new StringBuilder("未知的").append(noun).append("“").append(given).append("”");
        List<String> near = to(given, valid, FEW);
        if (!near.isEmpty()) sb.append("，是否指").append(String.join("或", near.stream().map(v -> "“" + v + "”").toList())).append("？");
        else sb.append("；");
        sb.append(options(valid));
        return sb.toString();
    }

    /** "可选：a、b、c", or the first few and how many there are when the list is long. */
    public static String options(Collection<String> valid) {
        if (valid.size() <= LISTED) return "可选：" + String.join("、", valid);
        return "可选：" + String.join("、", valid.stream().limit(LISTED).toList()) + "等" + valid.size() + "项";
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
