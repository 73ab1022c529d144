package innopoints.app.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Map;

/**
 * What the container's error dispatch (a failure outside any handler, e.g. in a filter) answers:
 * under /api the one problem shape, elsewhere the Chinese error page; never the framework's own
 * body with its exception name.
 */
@Controller
public class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest req) {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? req.getRequestURI() : uri.toString();
        String message = status >= 500 ? "服务器处理请求时出错，未保存任何半成品数据；请稍后重试，或联系系统管理员" : ApiErrors.title(status);
        if (path.startsWith(req.getContextPath() + "/api/")) {
            return ApiErrors.problem(new Original(req, path), status, ApiErrors.title(status), message, List.of());
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status, "path", path));
        page.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        return page;
    }

    /** The failed request's address as the problem's instance. */
    private static final class Original extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final String uri;

        Original(HttpServletRequest req, String uri) {
            super(req);
            this.uri = uri;
        }

        @Override public String getRequestURI() { return uri; }
    }
}
