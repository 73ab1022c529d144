package innopoints.app.accounts;

import innopoints.app.platform.OpenApiConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账户")
public class MeApi {
    public record Me(String username, String displayName, String role, String roleLabel,
                     @Schema(nullable = true, description = "企业用户所属企业的编号；其他角色为null") Long enterpriseId,
                     @Schema(nullable = true, description = "部门经办人员的部门；其他角色为null") String department,
                     @Schema(nullable = true, description = "会话方式调用写接口时须带的请求头名；HTTP Basic调用为null") String csrfHeader,
                     @Schema(nullable = true, description = "CSRF令牌；HTTP Basic调用为null") String csrfToken) {}

    @GetMapping("/api/me")
    @Operation(operationId = "getMe", summary = "当前账户、角色与范围，以及会话方式调用写接口所需的CSRF令牌")
    @OpenApiConfig.AnyAccount
    Me me(@AuthenticationPrincipal Account me, HttpServletRequest req) {
        // Only a session has a CSRF token; HTTP Basic calls are stateless and need none.
        CsrfToken csrf = (CsrfToken) req.getAttribute(CsrfToken.class.getName());
        return new Me(me.username(), me.displayName(), me.role().name(), me.role().label(), me.enterpriseId(), me.department(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
