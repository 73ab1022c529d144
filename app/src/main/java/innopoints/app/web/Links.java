package innopoints.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links of the page being shown, for pagers, sortable headers and export buttons: the same list
 * with one parameter changed, so filters carry over.
 */
public final class Links {
    private final String path;
    private final Map<String, String> params = new LinkedHashMap<>();

    public Links(HttpServletRequest req) {
        this.path = req.getRequestURI();
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 0 && !k.equals("_csrf")) params.put(k, v[0]);
        });
    }

    public String param(String name) { return params.get(name); }

    public String with(String name, Object value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (value == null || value.toString().isEmpty()) p.remove(name);
        else p.put(name, value.toString());
        return build(p);
    }

    public String page(int n) { return with("page", n); }

    /** Sort by {@code key}; the same key again reverses the order. Back to page 1. */
    public String sort(String key) {
        Map<String, String> p = new LinkedHashMap<>(params);
        boolean same = key.equals(p.get("sort"));
        p.put("sort", key);
        p.put("dir", same && !"desc".equals(p.get("dir")) ? "desc" : "asc");
        p.remove("page");
        return build(p);
    }

    /** "▲", "▼" or "" for a column header. */
    public String arrow(String key, String current, boolean descending) {
        return key.equals(current) ? (descending ? " ▼" : " ▲") : "";
    }

    /** The whole list (every page) as an Excel file. */
    public String export() {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("page");
        p.remove("size");
        p.put("format", "xlsx");
        return build(p);
    }

    private String build(Map<String, String> p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        p.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }
}
