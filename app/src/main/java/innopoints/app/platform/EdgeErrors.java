package innopoints.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * Failures that happen before any handler is chosen (an upload over the limit, an address that
 * does not exist, a wrong method): a problem-details body under /api, a page in Chinese elsewhere.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class EdgeErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest req) {
        return answer(req, 413, "上传文件超过大小上限（10MB），整个文件未导入，未写入任何数据", "file");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest req) {
        return answer(req, 404, "没有这个地址：" + req.getRequestURI(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
        if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
            res.setHeader("Allow", String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString).toList()));
        }
        return answer(req, 405, "该地址不支持" + e.getMethod() + "请求", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return answer(req, 415, "不支持的请求内容类型：" + e.getContentType(), null);
    }

    /** Who is signed in, so that an error page shows the same header as every other page. */
    public static Object signedIn() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof org.springframework.security.core.userdetails.UserDetails u ? u : null;
    }

    private static Object answer(HttpServletRequest req, int status, String message, String field) {
        List<Failures.FieldError> errors = field == null ? List.of() : List.of(new Failures.FieldError(field, message));
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            return ApiErrors.problem(req, status, ApiErrors.title(status), message, errors);
        }
        ModelAndView page = new ModelAndView("error-page", Map.of("status", status, "message", message, "errors", errors));
        Object me = signedIn();
        if (me != null) page.addObject("me", me);
        page.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        return page;
    }
}
