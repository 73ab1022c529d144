package innopoints.app.platform;

import java.util.List;
import java.util.Map;

/**
 * A page of a list: which page (from 1), how many per page, and the sort, taken only from the
 * columns a list allows so that no text from a request reaches SQL.
 */
public record PageQuery(int page, int size, String sort, boolean descending) {
    /** The most rows a page shows. */
    public static final int MAX_SIZE = 200;
    /** The most rows an export holds. */
    public static final int MAX_EXPORT = 100_000;

    public PageQuery {
        if (page < 1) page = 1;
        if (size < 1) size = 20;
        if (size > MAX_EXPORT) size = MAX_EXPORT;
    }

    /** A page as a request asks for it, at most {@link #MAX_SIZE} rows. */
    public static PageQuery of(Integer page, Integer size, String sort, String dir) {
        return new PageQuery(page == null ? 1 : page, size == null ? 20 : Math.min(size, MAX_SIZE), sort, "desc".equalsIgnoreCase(dir));
    }

    /** Every row (up to {@link #MAX_EXPORT}) in the requested order, for an export. */
    public static PageQuery export(String sort, String dir) {
        return new PageQuery(1, MAX_EXPORT, sort, "desc".equalsIgnoreCase(dir));
    }

    /** Text for a LIKE pattern with its wildcards escaped. */
    public static String like(String s) { return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"); }

    /** Rows skipped: computed in long, so a page such as 2147483647 asks for rows past the end instead of overflowing. */
    public int offset() { return (int) Math.min((long) (page - 1) * size, Integer.MAX_VALUE - MAX_EXPORT); }

    /** "order by ..." for the allowed columns (name → SQL), falling back to the first. */
    public String orderBy(Map<String, String> allowed, String tiebreak) {
        String column = allowed.get(sort);
        if (column == null) column = allowed.values().iterator().next();
        return " order by " + column + (descending ? " desc" : " asc") + ", " + tiebreak;
    }

    /** The sort key in effect for the allowed columns. */
    public String sortIn(Map<String, String> allowed) {
        return allowed.containsKey(sort) ? sort : allowed.keySet().iterator().next();
    }

    /** This page of a list already whole in memory and in order, under the sort key in effect. */
    public <T> Page<T> slice(List<T> all, String sortInEffect) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        int to = (int) Math.min(all.size(), (long) from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size(), sortInEffect, descending);
    }

    /** One page of items with the total count. */
    public record Page<T>(List<T> items, int page, int size, long total, String sort, boolean descending) {
        public int pages() { return (int) Math.max(1, (total + size - 1) / size); }

        public boolean hasPrevious() { return page > 1; }

        public boolean hasNext() { return page < pages(); }
    }
}
