package innopoints.app.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String header, String value) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/login");
        r.setRemoteAddr(peer);
        if (header != null) r.addHeader(header, value);
        return r;
    }

    @Test
    void forwardingHeadersAreIgnoredWhenNoProxyIsTrusted() {
        ClientAddress none = new ClientAddress("");
        assertThat(none.of(from("198.51.100.9", "X-Forwarded-For", "203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(none.of(from("198.51.100.9", "Forwarded", "for=203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void forwardingHeadersAreIgnoredWhenThePeerIsNotATrustedProxy() {
        ClientAddress proxies = new ClientAddress("10.0.0.0/8");
        assertThat(proxies.of(from("198.51.100.9", "X-Forwarded-For", "203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnAddress() {
        ClientAddress proxies = new ClientAddress("10.0.0.0/8, 192.168.1.5");
        assertThat(proxies.of(from("10.0.0.2", "X-Forwarded-For", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxies.of(from("10.0.0.2", "X-Forwarded-For", "203.0.113.8"))).isEqualTo("203.0.113.8");
        assertThat(proxies.of(from("192.168.1.5", "Forwarded", "for=\"203.0.113.9:4711\";proto=https"))).isEqualTo("203.0.113.9");
        assertThat(proxies.of(from("10.0.0.2", "Forwarded", "for=\"[2001:db8::1]:4711\""))).isEqualTo("2001:db8::1");
    }

    @Test
    void anAddressTheClientWroteBeforeTheProxysEntryIsNotBelieved() {
        ClientAddress proxies = new ClientAddress("10.0.0.0/8");
        // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
        assertThat(proxies.of(from("10.0.0.2", "X-Forwarded-For", "1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxies.of(from("10.0.0.2", "X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.0.0.3"))).isEqualTo("203.0.113.7");
    }

    @Test
    void garbageInTheHeaderFallsBackToThePeer() {
        ClientAddress proxies = new ClientAddress("10.0.0.0/8");
        assertThat(proxies.of(from("10.0.0.2", "X-Forwarded-For", "<script>"))).isEqualTo("10.0.0.2");
    }
}
