package innopoints.app.catalog;

import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A clause's words cut to a window around the first match, as segments that are matched or not,
 * so a page can mark matches with {@code th:text} alone and the API can send escaped HTML.
 */
public record Snippet(List<Segment> segments) {
    static final int WIDTH = 120;
    private static final int BEFORE = 30;
    private static final String ELLIPSIS = "…";

    public record Segment(String text, boolean matched) {}

    public Snippet {
        segments = List.copyOf(segments);
    }

    /** Marks every occurrence of the words (ignoring case) in {@code text}, within a window of {@value #WIDTH} characters. */
    public static Snippet of(String text, Collection<String> words) {
        boolean[] marked = new boolean[text.length()];
        for (String w : words) {
            if (w.isEmpty()) continue;
            for (int at = 0; at + w.length() <= text.length(); at++) {
                if (text.regionMatches(true, at, w, 0, w.length())) Arrays.fill(marked, at, at + w.length(), true);
            }
        }
        int first = 0;
        while (first < marked.length && !marked[first]) first++;
        int from = text.length() <= WIDTH || first == marked.length ? 0 : Math.max(0, Math.min(first - BEFORE, text.length() - WIDTH));
        int to = Math.min(text.length(), from + WIDTH);

        List<Segment> out = new ArrayList<>();
        if (from > 0) out.add(new Segment(ELLIPSIS, false));
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || marked[i] != marked[start]) {
                out.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        if (to < text.length()) out.add(new Segment(ELLIPSIS, false));
        return new Snippet(out);
    }

    /** The snippet as HTML: text escaped, matches in {@code <mark>}. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            String escaped = HtmlUtils.htmlEscape(s.text());
            sb.append(s.matched() ? "<mark>" + escaped + "</mark>" : escaped);
        }
        return sb.toString();
    }
}
