package innopoints.app.platform;

import innopoints.app.platform.Failures.Invalid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Refuses, with 400 naming the parameter, a query or form parameter without a name ({@code ?=x})
 * or with a control character such as NUL in its name or value, before any handler binds it:
 * such text reached the database (which refuses NUL) or the binder (which threw) as a 500. Runs
 * after the rights check, so a caller without the right is still told 403.
 */
@Component
public class QueryGuard implements HandlerInterceptor, WebMvcConfigurer {
    /** The longest parameter value read: longer text is for request bodies, which have their own limit. */
    static final int MAX_VALUE_CHARS = 10_000;

    @Override
    public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this).order(10); }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        if (!(handler instanceof HandlerMethod)) return true;
        for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
            String name = p.getKey();
            if (name == null || name.isBlank()) throw Invalid.field("", "请求中有一个没有名称的参数（如“=x”）");
            if (controls(name)) throw Invalid.field(shown(name), "参数名“" + shown(name) + "”含有不允许的控制字符");
            for (String v : p.getValue()) {
                if (v == null) continue;
                if (controls(v)) throw Invalid.field(shown(name), "参数“" + shown(name) + "”的值含有不允许的控制字符（如NUL）");
                if (v.length() > MAX_VALUE_CHARS) throw Invalid.field(shown(name), "参数“" + shown(name) + "”的值过长（最多" + MAX_VALUE_CHARS + "个字符）");
            }
        }
        return true;
    }

    /** Control characters other than tab and line breaks, which forms may carry. */
    private static boolean controls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) return true;
        }
        return false;
    }

    private static String shown(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (sb.length() >= 40) return sb + "…";
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString();
    }
}
