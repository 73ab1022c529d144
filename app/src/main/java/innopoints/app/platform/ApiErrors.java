package innopoints.app.platform;

import innopoints.app.platform.Failures.Failure;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Every error of the API in one shape, RFC 9457 problem details: {@code type}, {@code title},
 * {@code status}, {@code detail} (in Chinese, for the user), {@code instance}, and for refused
 * input {@code errors}: a list of {field, message}, each message naming its field.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    public static ResponseEntity<ProblemDetail> problem(HttpServletRequest req, int status, String title, String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        p.setTitle(title);
        p.setType(URI.create("https://innopoints.nantong/problems/" + slug(status)));
        p.setInstance(URI.create(req.getRequestURI()));
        if (errors != null && !errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * The same shape written straight to the response, for the filters that answer before any
     * handler (sign-in, body limits, unreadable parameters), where no message converter runs.
     */
    public static void write(HttpServletRequest req, HttpServletResponse res, int status, String title, String detail,
                             List<FieldError> errors) throws IOException {
        StringBuilder b = new StringBuilder("{\"type\":\"https://innopoints.nantong/problems/").append(slug(status))
                .append("\",\"title\":\"").append(json(title)).append("\",\"status\":").append(status)
                .append(",\"detail\":\"").append(json(detail)).append("\",\"instance\":\"")
                .append(json(URI.create(req.getRequestURI()).getRawPath())).append('"');
        if (errors != null && !errors.isEmpty()) {
            b.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                FieldError e = errors.get(i);
                b.append(i == 0 ? "" : ",").append("{\"field\":\"").append(json(e.field() == null ? "" : e.field()))
                        .append("\",\"message\":\"").append(json(e.message())).append("\"}");
            }
            b.append(']');
        }
        res.setStatus(status);
        res.setContentType("application/problem+json;charset=UTF-8");
        res.getOutputStream().write(b.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-type";
            case 429 -> "too-many-requests";
            default -> "error";
        };
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "输入有误";
            case 401 -> "未登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 409 -> "操作冲突";
            case 413 -> "文件过大";
            case 415 -> "文件类型不支持";
            default -> "服务器错误";
        };
    }

    @ExceptionHandler(Failure.class)
    ResponseEntity<ProblemDetail> failure(Failure f, HttpServletRequest req) {
        return problem(req, f.status(), title(f.status()), f.getMessage(), f instanceof Invalid i ? i.errors() : List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest req) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), "字段“" + f.getField() + "”" + f.getDefaultMessage())).toList();
        return problem(req, 400, title(400), errors.isEmpty() ? "请求内容有误" : errors.getFirst().message(), errors);
    }

    /**
     * A body that is not JSON, or whose field has the wrong type or is missing: said in Chinese
     * with the field's path (e.g. change[0].factId), never with the parser's own words, which
     * name Java classes and options.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        if (cause(e, BodyLimit.TooLarge.class) != null) return problem(req, 413, "请求内容过大", BodyLimit.REASON, List.of());
        JacksonException j = cause(e, JacksonException.class);
        String field = j == null ? "" : path(j);
        if (!field.isEmpty() && !(j instanceof StreamReadException)) {
            String msg = "字段“" + field + "”缺失或类型不符，请按接口说明填写";
            return problem(req, 400, title(400), msg, List.of(new FieldError(field, msg)));
        }
        String where = j != null && j.getLocation() != null && j.getLocation().getLineNr() > 0
                ? "（第" + j.getLocation().getLineNr() + "行第" + j.getLocation().getColumnNr() + "列附近）" : "";
        return problem(req, 400, title(400), "请求内容不是有效的JSON" + where, List.of());
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    /** "change[0].factId" from the parser's path. */
    static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getPropertyName().length() > 60 ? r.getPropertyName().substring(0, 60) + "…" : r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        String msg = "参数“" + e.getName() + "”的值“" + e.getValue() + "”格式不正确";
        return problem(req, 400, title(400), msg, List.of(new FieldError(e.getName(), msg)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest req) {
        String msg = "缺少参数“" + e.getParameterName() + "”";
        return problem(req, 400, title(400), msg, List.of(new FieldError(e.getParameterName(), msg)));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest req) {
        String msg = "缺少上传文件“" + e.getRequestPartName() + "”";
        return problem(req, 400, title(400), msg, List.of(new FieldError(e.getRequestPartName(), msg)));
    }

    /**
     * Anything else: a failure the framework describes (answered with its status, in Chinese) or
     * an unexpected one (500, logged with its stack trace for the operator, never shown).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        if (e instanceof org.springframework.web.ErrorResponse r && r.getStatusCode().value() < 500) {
            int status = r.getStatusCode().value();
            return problem(req, status, title(status), title(status) + "（" + status + "）", List.of());
        }
        log.error("Unexpected failure of {} {}", req.getMethod(), req.getRequestURI(), e);
        return problem(req, 500, title(500), "服务器处理请求时出错，未保存任何半成品数据；请稍后重试，或联系系统管理员", List.of());
    }
}
