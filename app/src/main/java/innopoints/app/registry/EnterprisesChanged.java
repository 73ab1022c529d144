package innopoints.app.registry;

import java.util.Set;

/**
 * Published after a change to enterprises' facts, indicators or profile has been committed, so
 * that what they are told they can claim follows at once (screening re-screens them).
 */
public record EnterprisesChanged(Set<Long> enterpriseIds) {
    public EnterprisesChanged {
        enterpriseIds = Set.copyOf(enterpriseIds);
    }

    public static EnterprisesChanged of(long enterpriseId) { return new EnterprisesChanged(Set.of(enterpriseId)); }
}
