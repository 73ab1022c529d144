package innopoints.app.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The password check alone, with accounts in memory and an encoder that counts its work. */
class PasswordCheckTest {
    static final class CountingEncoder implements PasswordEncoder {
        int matches;

        @Override public String encode(CharSequence raw) { return "{plain}" + raw; }

        @Override public boolean matches(CharSequence raw, String encoded) {
            matches++;
            return encoded.equals("{plain}" + raw);
        }
    }

    static final class Accounts extends AccountRepository {
        final Map<String, Account> byName;
        final List<String> failed = new ArrayList<>();

        Accounts(Map<String, Account> byName) {
            super(null);
            this.byName = byName;
        }

        @Override public Optional<Account> find(String username) { return Optional.ofNullable(byName.get(username)); }

        @Override public int failed(String username, int limit, OffsetDateTime now, OffsetDateTime until) {
            failed.add(username);
            return 1;
        }

        @Override public void succeeded(String username) {}
    }

    static Account account(String name, boolean enabled, OffsetDateTime lockedUntil) {
        return new Account(1, name, "{plain}right-password", name, Role.LEADER, null, null, enabled, lockedUntil, false, 0);
    }

    final CountingEncoder encoder = new CountingEncoder();
    final Accounts accounts = new Accounts(Map.of(
            "open", account("open", true, null),
            "locked", account("locked", true, OffsetDateTime.now().plusMinutes(10)),
            "disabled", account("disabled", false, null)));
    final LoginThrottle throttle = new LoginThrottle(accounts, 5, 30, 15);
    final PasswordCheck check = new PasswordCheck(accounts, encoder, throttle);

    Throwable attempt(String name, String password) {
        encoder.matches = 0;
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails("192.0.2.1");
        return catchThrowable(() -> check.authenticate(token));
    }

    @Test
    void unknownLockedDisabledAndWrongPasswordGetTheSameRefusalAtTheCostOfOneHashCheck() {
        Throwable unknown = attempt("nobody", "right-password");
        assertThat(encoder.matches).as("an unknown name costs a hash check too").isEqualTo(1);
        Throwable locked = attempt("locked", "right-password");
        assertThat(encoder.matches).isEqualTo(1);
        Throwable disabled = attempt("disabled", "right-password");
        assertThat(encoder.matches).isEqualTo(1);
        Throwable wrong = attempt("open", "wrong-password");
        assertThat(encoder.matches).isEqualTo(1);
        for (Throwable t : List.of(unknown, locked, disabled, wrong)) {
            assertThat(t).isExactlyInstanceOf(BadCredentialsException.class).hasMessage("用户名或密码错误");
        }
    }

    @Test
    void everyFailureCountsAgainstTheAddress() {
        attempt("nobody", "x-password");
        attempt("open", "wrong-password");
        assertThat(throttle.failuresFrom("192.0.2.1")).isEqualTo(2);
        assertThat(accounts.failed).containsExactly("open");
    }

    @Test
    void aPasswordTooLongForTheHashIsRefusedAtTheSameCostNotWithAnError() {
        Throwable t = attempt("open", "right-password" + "x".repeat(100));
        assertThat(t).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).isEqualTo(1);
    }

    @Test
    void theRightPasswordSignsInAndKeepsNoHash() {
        var token = UsernamePasswordAuthenticationToken.unauthenticated("open", "right-password");
        var done = check.authenticate(token);
        assertThat(done.isAuthenticated()).isTrue();
        assertThat(((Account) done.getPrincipal()).passwordHash()).isEmpty();
    }
}
