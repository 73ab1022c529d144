package innopoints.app.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Slows password guessing two ways: an account locks for {@code lock} after {@code limit} wrong
 * passwords in a row (kept in the database, so a restart does not reset it), and an address that
 * fails {@code addressLimit} times within {@code lock} may not try again until the window passes
 * (kept in memory: it guards this process).
 */
@Component
public class LoginThrottle {
    private final AccountRepository accounts;
    private final int limit;
    private final int addressLimit;
    private final Duration lock;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(AccountRepository accounts,
                         @Value("${innopoints.login.max-failures:5}") int limit,
                         @Value("${innopoints.login.max-failures-per-address:30}") int addressLimit,
                         @Value("${innopoints.login.lock-minutes:15}") int lockMinutes) {
        this.accounts = accounts;
        this.limit = limit;
        this.addressLimit = addressLimit;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.clock = Clock.systemDefaultZone();
    }

    public boolean addressBlocked(String address) {
        Deque<Instant> d = byAddress.get(address);
        if (d == null) return false;
        Instant since = clock.instant().minus(lock);
        while (!d.isEmpty() && d.peekFirst().isBefore(since)) d.pollFirst();
        return d.size() >= addressLimit;
    }

    public void failedFrom(String address) {
        byAddress.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>()).addLast(clock.instant());
    }

    public int limit() { return limit; }

    public Duration lock() { return lock; }

    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent e) {
        accounts.failed(e.getAuthentication().getName(), limit, OffsetDateTime.now(clock).plus(lock));
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent e) {
        accounts.succeeded(e.getAuthentication().getName());
    }
}
