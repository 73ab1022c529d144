package innopoints.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;

/** The page a refused page request is forwarded to by Spring Security: the Chinese error page, never raw JSON. */
@Controller
class DeniedPage {

    @RequestMapping("/denied")
    String denied(HttpServletRequest req, HttpServletResponse res, Model model) {
        boolean csrf = req.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        res.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", csrf
                ? "页面已过期或缺少安全令牌（CSRF），为防止他人冒用您的身份提交，本次提交未被处理。请返回上一页，刷新后重新提交。"
                : "当前账户无权进行此操作");
        model.addAttribute("errors", List.of());
        return "error-page";
    }
}
