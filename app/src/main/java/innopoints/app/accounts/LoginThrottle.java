package innopoints.app.accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Slows password guessing two ways, on every way of signing in (form and HTTP Basic): an account
 * locks for {@code lock} after {@code limit} wrong passwords in a row (kept in the database, so a
 * restart does not reset it; the count starts afresh once a lock has ended), and an address that
 * fails {@code addressLimit} times within {@code lock} may not try again until the window passes
 * (kept in memory: it guards this process, and is checked before any password is hashed).
 */
@Component
public class LoginThrottle {
    private static final int MAX_ADDRESSES = 100_000;
    private final AccountRepository accounts;
    private final int limit;
    private final int addressLimit;
    private final Duration lock;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(AccountRepository accounts,
                         @Value("${innopoints.login.max-failures:5}") int limit,
                         @Value("${innopoints.login.max-failures-per-address:30}") int addressLimit,
                         @Value("${innopoints.login.lock-minutes:15}") int lockMinutes) {
        this(accounts, limit, addressLimit, lockMinutes, Clock.systemDefaultZone());
    }

    LoginThrottle(AccountRepository accounts, int limit, int addressLimit, int lockMinutes, Clock clock) {
        this.accounts = accounts;
        this.limit = limit;
        this.addressLimit = addressLimit;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.clock = clock;
    }

    public boolean addressBlocked(String address) {
        Deque<Instant> d = byAddress.get(address);
        if (d == null) return false;
        Instant since = clock.instant().minus(lock);
        while (!d.isEmpty() && d.peekFirst().isBefore(since)) d.pollFirst();
        return d.size() >= addressLimit;
    }

    public void failedFrom(String address) {
        if (byAddress.size() > MAX_ADDRESSES) byAddress.entrySet().removeIf(e -> !addressBlocked(e.getKey()));
        byAddress.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>()).addLast(clock.instant());
    }

    /** A failed sign-in as {@code username} (which may not exist) from {@code address}. */
    public void failed(String username, String address) {
        if (address != null) failedFrom(address);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (username != null && !username.isEmpty()) accounts.failed(username, limit, now, now.plus(lock));
    }

    public void succeeded(String username) { accounts.succeeded(username); }

    /**
     * Counts a registration from {@code address}; false if the address has registered
     * {@code addressLimit} times within the window already (and so may not now).
     */
    public boolean registration(String address) {
        String key = "registration " + address;
        if (addressBlocked(key)) return false;
        failedFrom(key);
        return true;
    }

    /** Failures from {@code address} within the window. */
    int failuresFrom(String address) {
        addressBlocked(address);
        Deque<Instant> d = byAddress.get(address);
        return d == null ? 0 : d.size();
    }

    public int limit() { return limit; }

    public Duration lock() { return lock; }
}
