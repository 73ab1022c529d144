package innopoints.app.platform;

import innopoints.app.platform.Failures.Failure;
import innopoints.app.platform.Failures.FieldError;
import innopoints.app.platform.Failures.Invalid;
import jakarta.servlet.http.HttpServletRequest;
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

import java.net.URI;
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        String detail = "请求内容不是有效的JSON，或字段类型不符";
        String cause = e.getMostSpecificCause().getMessage();
        if (cause != null) {
            int nl = cause.indexOf('\n');
            detail += "：" + (nl > 0 ? cause.substring(0, nl) : cause);
        }
        return problem(req, 400, title(400), detail, List.of());
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

}
