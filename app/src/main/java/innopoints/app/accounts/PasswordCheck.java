package innopoints.app.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Optional;

/**
 * Checks a user name and password, for the sign-in form and HTTP Basic alike. Every refusal is the
 * same ("bad credentials") and costs the same single hash check, whether the name is unknown, the
 * account disabled or locked, or the password wrong, so neither the answer nor its timing tells
 * whether an account exists. Failures and successes feed {@link LoginThrottle}. The account kept
 * after sign-in carries no password hash.
 */
final class PasswordCheck implements AuthenticationProvider {
    private static final int MAX_USERNAME = 100;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final String dummyHash;

    PasswordCheck(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = encoder.encode(PasswordPolicy.generate());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof String s ? s : null;
        Optional<Account> found = username.isEmpty() || username.length() > MAX_USERNAME ? Optional.empty() : accounts.find(username);
        boolean tooLong = PasswordPolicy.tooLong(password);
        boolean matches = encoder.matches(tooLong ? password.substring(0, 8) : password, found.map(Account::passwordHash).orElse(dummyHash))
                && !tooLong;
        Account account = found.orElse(null);
        if (account == null || !matches || !account.isEnabled() || !account.isAccountNonLocked()) {
            throttle.failed(account == null ? null : username, address);
            throw new BadCredentialsException("用户名或密码错误");
        }
        throttle.succeeded(username);
        Account signedIn = account.withoutSecret();
        UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
        done.setDetails(address);
        return done;
    }

    @Override
    public boolean supports(Class<?> type) { return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type); }
}
