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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** For every page: who is signed in, links of the page, and failures shown as a page in Chinese. */
@ControllerAdvice(annotations = Controller.class)
public class WebAdvice {

    @ModelAttribute("me")
    Account me(@AuthenticationPrincipal Account me) { return me; }

    @ModelAttribute("links")
    Links links(HttpServletRequest req) { return new Links(req); }

    @ExceptionHandler(Failure.class)
    String failure(Failure f, HttpServletResponse res, Model model) {
        res.setStatus(f.status());
        model.addAttribute("status", f.status());
        model.addAttribute("message", f.getMessage());
        model.addAttribute("errors", f instanceof Invalid i ? i.errors() : java.util.List.of());
        return "error-page";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse res, Model model) {
        res.setStatus(413);
        model.addAttribute("status", 413);
        model.addAttribute("message", "上传文件超过大小上限（10MB），未导入任何数据");
        model.addAttribute("errors", java.util.List.of());
        return "error-page";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(HttpServletResponse res, Model model) {
        res.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("message", "页面不存在");
        model.addAttribute("errors", java.util.List.of());
        return "error-page";
    }
}
