package innopoints.app.support;

import innopoints.app.accounts.Account;
import innopoints.app.accounts.AccountRepository;
import innopoints.app.accounts.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Demo accounts by name, and new accounts for tests that must not disturb them. */
@Component
public class Accounts {
    private final AccountRepository repo;
    private final PasswordEncoder encoder;

    public Accounts(AccountRepository repo, PasswordEncoder encoder) {
        this.repo = repo;
        this.encoder = encoder;
    }

    public Account get(String username) { return repo.find(username).orElseThrow(); }

    public Account create(String username, Role role, Long enterpriseId, String department) {
        repo.find(username).orElseGet(() -> {
            repo.create(username, encoder.encode(ServiceTest.PASSWORD), username, role, enterpriseId, department);
            return null;
        });
        return get(username);
    }
}
