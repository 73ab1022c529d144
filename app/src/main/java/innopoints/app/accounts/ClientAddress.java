package innopoints.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for throttling sign-in. The forwarding headers
 * ({@code X-Forwarded-For}, {@code Forwarded}) are anyone's to write, so they are believed only when
 * the immediate peer is one of the trusted proxies ({@code innopoints.security.trusted-proxies},
 * addresses or CIDR ranges, none by default); then the client is the nearest address in the chain
 * that is not itself a trusted proxy.
 */
@Component
public class ClientAddress {
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private final List<IpAddressMatcher> trusted;

    public ClientAddress(@Value("${innopoints.security.trusted-proxies:}") String trustedProxies) {
        this.trusted = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest req) {
        String peer = req.getRemoteAddr();
        if (!trusted(peer)) return peer;
        List<String> chain = forwarded(req);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!IP.matcher(hop).matches()) return peer;
            if (!trusted(hop)) return hop;
        }
        return chain.isEmpty() ? peer : chain.getFirst();
    }

    private boolean trusted(String address) {
        if (address == null || !IP.matcher(address).matches()) return false;
        for (IpAddressMatcher m : trusted) {
            try {
                if (m.matches(address)) return true;
            } catch (IllegalArgumentException ignored) {
                // not an address this matcher can compare
            }
        }
        return false;
    }

    /** The addresses the request passed through, the client first, from X-Forwarded-For or else Forwarded. */
    private static List<String> forwarded(HttpServletRequest req) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(headers(req, "X-Forwarded-For"))) {
            for (String hop : header.split(",")) if (!hop.isBlank()) hops.add(hop.strip());
        }
        if (!hops.isEmpty()) return hops;
        for (String header : Collections.list(headers(req, "Forwarded"))) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.strip();
                    if (p.regionMatches(true, 0, "for=", 0, 4)) hops.add(node(p.substring(4)));
                }
            }
        }
        return hops;
    }

    /** "192.0.2.60", "\"[2001:db8::1]:4711\"" → the address alone. */
    private static String node(String value) {
        String v = value.strip().replace("\"", "");
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            return end > 0 ? v.substring(1, end) : v;
        }
        int colon = v.indexOf(':');
        return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
    }

    private static Enumeration<String> headers(HttpServletRequest req, String name) {
        Enumeration<String> e = req.getHeaders(name);
        return e == null ? Collections.emptyEnumeration() : e;
    }
}
