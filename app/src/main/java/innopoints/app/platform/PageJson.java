package innopoints.app.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list as every API list answers it. */
public record PageJson<T>(List<T> items, int page, int size, long total, int pages, String sort, String dir) {
    public static <S, T> PageJson<T> of(PageQuery.Page<S> p, Function<S, T> f) {
        return new PageJson<>(p.items().stream().map(f).toList(), p.page(), p.size(), p.total(), p.pages(), p.sort(), p.descending() ? "desc" : "asc");
    }
}
