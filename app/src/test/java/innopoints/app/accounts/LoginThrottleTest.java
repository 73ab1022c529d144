package innopoints.app.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    @Test
    void anAddressThatFailsTooOftenMayNotTryAgainWhileOthersMay() {
        LoginThrottle throttle = new LoginThrottle(null, 5, 3, 15);
        for (int i = 0; i < 2; i++) throttle.failedFrom("10.0.0.1");
        assertThat(throttle.addressBlocked("10.0.0.1")).isFalse();
        throttle.failedFrom("10.0.0.1");
        assertThat(throttle.addressBlocked("10.0.0.1")).isTrue();
        assertThat(throttle.addressBlocked("10.0.0.2")).isFalse();
    }
}
