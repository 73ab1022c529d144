package innopoints.app.web;

import innopoints.app.accounts.Account;
import innopoints.app.platform.Failures.Failure;
import innopoints.app.platform.Failures.Invalid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** For every page: who is signed in, links of the page, and failures shown as a page in Chinese. */
@ControllerAdvice(annotations = Controller.class)
public class WebAdvice {

    @ModelAttribute("me")
    Account me(@AuthenticationPrincipal Account me) { return me != null ? me : signedIn(); }

    /** The signed-in account, also where no model attribute method ran (error pages). */
    static Account signedIn() {
        return innopoints.app.platform.EdgeErrors.signedIn() instanceof Account a ? a : null;
    }

    @ModelAttribute("links")
    Links links(HttpServletRequest req) { return new Links(req); }

    @ExceptionHandler(Failure.class)
    String failure(Failure f, HttpServletResponse res, Model model) {
        res.setStatus(f.status());
        model.addAttribute("me", signedIn());
        model.addAttribute("status", f.status());
        model.addAttribute("message", f.getMessage());
        model.addAttribute("errors", f instanceof Invalid i ? i.errors() : java.util.List.of());
        return "error-page";
    }

    /** A query parameter of the wrong type or missing, e.g. a date typed by hand into a link. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badParameter(Exception e, HttpServletResponse res, Model model) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : ((MissingServletRequestParameterException) e).getParameterName();
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "参数“" + name + "”的值“" + m.getValue() + "”格式不正确" : "缺少参数“" + name + "”";
        res.setStatus(400);
        model.addAttribute("me", signedIn());
        model.addAttribute("status", 400);
        model.addAttribute("message", message);
        model.addAttribute("errors", java.util.List.of(new innopoints.app.platform.Failures.FieldError(name, message)));
        return "error-page";
    }
}
