package innopoints.app.registry.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Which credit codes of a file the registry holds, looked up in one query: their enterprise ids. */
final class Registered {
    private Registered() {}

    static Map<String, Long> ids(JdbcClient jdbc, Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        if (codes.isEmpty()) return ids;
        jdbc.sql("select credit_code, id from enterprise where credit_code = any(?::text[])")
                .param(codes.toArray(String[]::new))
                .query(rs -> { ids.put(rs.getString(1), rs.getLong(2)); });
        return ids;
    }

    static String missing(String code) {
        return "企业名录中没有统一社会信用代码为" + code + "的企业，请先导入企业名录";
    }
}
