package innopoints.app.registry.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The header row of a file. Columns are matched on a normalised form so that "营业收入 (元)",
 * "营业收入（元）" and "*营业收入（元）" are one column; reports name a column as the file heads it.
 */
final class Header {
    private final int row;
    private final List<String> written;
    private final List<String> keys;

    /** The header found in row {@code row} of the file. */
    Header(int row, List<String> written) {
        this.row = row;
        this.written = List.copyOf(written);
        this.keys = written.stream().map(Header::normalise).toList();
    }

    /** Without spaces or required-marks, brackets full-width, Latin letters lower-case. */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '*' || c == '＊') continue;
            sb.append(switch (c) {
                case '(' -> '（';
                case ')' -> '）';
                default -> c >= 'A' && c <= 'Z' ? Character.toLowerCase(c) : c;
            });
        }
        return sb.toString();
    }

    int row() { return row; }

    int size() { return written.size(); }

    /** The column headed {@code label} (normalised), or -1. */
    int indexOf(String label) { return keys.indexOf(normalise(label)); }

    boolean has(String label) { return indexOf(label) >= 0; }

    String written(int i) { return written.get(i); }

    String key(int i) { return keys.get(i); }

    /**
     * Refuses a header with a column twice, a required column missing or a column the kind does
     * not know; each problem is reported in the header's row under the column it is about.
     */
    void check(ImportKind kind, List<String> required, Predicate<String> known, String allowed) {
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isEmpty()) continue;
            if (!seen.add(keys.get(i))) errors.add(new RowError(row, written.get(i), "这一列出现了不止一次"));
        }
        List<String> missing = required.stream().filter(r -> !has(r)).toList();
        for (String m : missing) errors.add(new RowError(row, m, "缺少这一必填列"));
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).isEmpty() && !known.test(keys.get(i))) {
                unknown.add(written.get(i));
                errors.add(new RowError(row, written.get(i), "不认识的列；" + kind.label() + "文件可以有的列：" + allowed));
            }
        }
        if (errors.isEmpty()) return;
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) parts.add("有不认识的列：" + quoted(unknown));
        if (!missing.isEmpty()) parts.add("缺少必填列：" + quoted(missing));
        if (parts.isEmpty()) parts.add("有重复的列");
        throw new Refusal(400, kind.label() + "文件的表头（第" + row + "行）有误，" + String.join("；", parts)
                + "。" + kind.label() + "文件可以有的列：" + allowed + "。未导入任何数据", errors);
    }

    static String quoted(List<String> names) {
        return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
    }
}
