package innopoints.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's right to an area is checked before its parameters are read, so a caller without
 * the right is told 403 (or, for another enterprise's records, 404 as if missing) whatever the
 * parameters (not 400 for a malformed one). The handlers
 * still make every decision themselves through {@link Access}; this only makes the first
 * answer the same, by the rules of the address alone.
 */
@Component
public class RightsFirst implements HandlerInterceptor, WebMvcConfigurer {
    private static final Pattern ENTERPRISE = Pattern.compile("/enterprises/(\\d{1,18})(/.*)?");
    private final Access access;

    public RightsFirst(Access access) { this.access = access; }

    @Override
    public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this).order(0); }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        if (!(handler instanceof HandlerMethod)) return true;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Account me)) return true;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/api/")) path = path.substring(4);
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        Matcher m = ENTERPRISE.matcher(path);
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            String rest = m.group(2) == null ? "" : m.group(2);
            access.checkView(me, id); // another enterprise answers as a missing one (404) before anything else
            if (!read && rest.startsWith("/facts")) access.checkEditFacts(me, id);
            if (!read && rest.startsWith("/awards")) access.checkRecordAwards(me);
        } else if (path.equals("/enterprises")) {
            access.checkRegistry(me);
        } else if ((path.equals("/screening") || path.equals("/screening/runs")) && !read) {
            access.checkScreen(me);
        } else if (path.equals("/screening") || path.startsWith("/screening/")) {
            access.checkRegistry(me);
        } else if (path.equals("/imports") || path.startsWith("/imports/")) {
            access.checkImport(me);
        }
        return true;
    }
}
