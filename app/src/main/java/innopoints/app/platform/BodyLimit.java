package innopoints.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Bounds the body of every API request other than an upload: a declared length over
 * {@link #MAX_BYTES} is answered 413 before anything is read, and a body sent without a length
 * stops being read at the limit ({@link TooLarge}, answered 413 by {@link ApiErrors}). Uploads
 * have their own limit (spring.servlet.multipart), form posts Tomcat's max-http-form-post-size.
 * Runs after the security filters, so an anonymous caller is told 401 first.
 */
@Component
public class BodyLimit extends OncePerRequestFilter {
    /** The largest JSON body the API reads. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final String REASON = "请求内容超过大小上限（1MB），未处理，未写入任何数据";

    /** The body went past {@link #MAX_BYTES} while being read. */
    public static final class TooLarge extends IOException {
        TooLarge() { super(REASON, null); }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String type = req.getContentType();
        return !req.getRequestURI().startsWith(req.getContextPath() + "/api/") || type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        if (req.getContentLengthLong() > MAX_BYTES) {
            ApiErrors.write(req, res, 413, "请求内容过大", REASON, java.util.List.of());
            return;
        }
        chain.doFilter(new Bounded(req), res);
    }

    /** The request with a body that refuses to be read past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream in;

        Bounded(HttpServletRequest req) { super(req); }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) in = new Counting(super.getInputStream());
            return in;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), enc == null ? "UTF-8" : enc));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counting(ServletInputStream in) { this.in = in; }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > MAX_BYTES) throw new TooLarge();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (count += n) > MAX_BYTES) throw new TooLarge();
            return n;
        }

        @Override public boolean isFinished() { return in.isFinished(); }

        @Override public boolean isReady() { return in.isReady(); }

        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
