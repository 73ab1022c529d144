package innopoints.app.web;

import innopoints.app.accounts.Account;
import innopoints.app.accounts.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, and the home each role starts from. */
@Controller
public class HomeController {

    @GetMapping("/login")
    String login() { return "login"; }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Account me) {
        if (me.pending()) return "redirect:/account/registration";
        if (me.is(Role.ENTERPRISE)) return "redirect:/enterprises/" + me.enterpriseId();
        return "redirect:/screening";
    }
}
