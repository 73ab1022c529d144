package innopoints.app.platform;

import java.util.List;
import java.util.Map;

/**
 * A page of a list: which page (from 1), how many per page, and the sort, taken only from the
 * columns a list allows so that no text from a request reaches SQL.
 */
public record PageQuery(int page, int size, String sort, boolean descending) {
    public static final int MAX_SIZE = 200;

    public PageQuery {
        if (page < 1) page = 1;
        if (size < 1) size = 20;
        if (size > MAX_SIZE) size = MAX_SIZE;
    }

    public static PageQuery of(Integer page, Integer size, String sort, String dir) {
        return new PageQuery(page == null ? 1 : page, size == null ? 20 : size, sort, "desc".equalsIgnoreCase(dir));
    }

    /** Text for a LIKE pattern with its wildcards escaped. */
    public static String like(String s) { return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"); }

    public int offset() { return (page - 1) * size; }

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

    /** One page of items with the total count. */
    public record Page<T>(List<T> items, int page, int size, long total, String sort, boolean descending) {
        public int pages() { return (int) Math.max(1, (total + size - 1) / size); }

        public boolean hasPrevious() { return page > 1; }

        public boolean hasNext() { return page < pages(); }
    }
}
