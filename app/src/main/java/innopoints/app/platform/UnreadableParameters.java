package innopoints.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request whose parameters the container cannot parse (e.g. {@code ?=x}, a parameter without a
 * name) is answered 400 before anything else reads them, with one line of warning in the log:
 * otherwise the first reader (a security filter or the binder) throws and the log gets a stack
 * trace at ERROR for every anonymous caller. Uploads are left to the multipart reader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UnreadableParameters extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(UnreadableParameters.class);
    static final String REASON = "请求中的参数格式有误（如没有名称的参数“=x”），未处理";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        // Parsed as the encoding filter would have it (server.servlet.encoding.force): UTF-8, never the container's ISO-8859-1.
        if (req.getCharacterEncoding() == null) req.setCharacterEncoding("UTF-8");
        try {
            req.getParameterMap();
        } catch (RuntimeException e) {
            log.warn("Refused {} {}: unreadable parameters", req.getMethod(), req.getRequestURI());
            if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
                ApiErrors.write(req, res, 400, ApiErrors.title(400), REASON, java.util.List.of(new Failures.FieldError("", REASON)));
            } else {
                // Written here: an error dispatch would read the parameters again, and fail again.
                res.setStatus(400);
                res.setContentType("text/html;charset=UTF-8");
                res.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>出错了 · 南通企业科技创新积分平台</title>"
                        + "<link rel=\"stylesheet\" href=\"" + req.getContextPath() + "/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css\"></head>"
                        + "<body><main class=\"container py-4\"><div class=\"alert alert-warning\" id=\"failure\"><h1 class=\"h4\">无法完成操作</h1>"
                        + "<p class=\"mb-0\">" + REASON + "</p></div><a href=\"" + req.getContextPath() + "/\">返回首页</a></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        chain.doFilter(req, res);
    }
}
