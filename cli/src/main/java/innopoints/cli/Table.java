package innopoints.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table that lines up Chinese (double-width) and Latin text alike. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int[] maxWidth;

    Table(String[] header, int... maxWidth) {
        rows.add(header);
        this.maxWidth = maxWidth;
    }

    void add(String... cells) { rows.add(cells); }

    String render() {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], Math.min(width(cell(r, i)), limit(i)));
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < n; i++) {
                String c = clip(cell(r, i), limit(i));
                sb.append(c);
                if (i < n - 1) sb.append(" ".repeat(w[i] - width(c) + 2));
            }
            sb.append('\n');
            if (ri == 0) {
                for (int i = 0; i < n; i++) sb.append("-".repeat(w[i])).append(i < n - 1 ? "  " : "");
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private int limit(int i) { return i < maxWidth.length && maxWidth[i] > 0 ? maxWidth[i] : Integer.MAX_VALUE; }

    private static String cell(String[] r, int i) { return i < r.length && r[i] != null ? r[i] : ""; }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static String clip(String s, int max) {
        if (width(s) <= max) return s;
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = wide(cp) ? 2 : 1;
            if (w + cw > max - 1) break;
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }
}
