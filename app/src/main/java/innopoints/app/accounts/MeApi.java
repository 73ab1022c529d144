package innopoints.app.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账户")
public class MeApi {
    public record Me(String username, String displayName, String role, String roleLabel, Long enterpriseId, String department, String csrfHeader, String csrfToken) {}

    @GetMapping("/api/me")
    @Operation(summary = "当前账户、角色与范围，以及会话方式调用写接口所需的CSRF令牌")
    Me me(@AuthenticationPrincipal Account me, HttpServletRequest req) {
        // Only a session has a CSRF token; HTTP Basic calls are stateless and need none.
        CsrfToken csrf = (CsrfToken) req.getAttribute(CsrfToken.class.getName());
        return new Me(me.username(), me.displayName(), me.role().name(), me.role().label(), me.enterpriseId(), me.department(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
