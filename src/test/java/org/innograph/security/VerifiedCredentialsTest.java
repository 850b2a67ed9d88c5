package org.innograph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A right password is checked with bcrypt once and then remembered for a while; a wrong one pays bcrypt every
 * time and is never remembered. Counted on a real bcrypt encoder (cost 4, to keep the test cheap).
 */
class VerifiedCredentialsTest {

    /** Real bcrypt, counting how often it is asked. */
    static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final String hash = bcrypt.encode("right");

    @Test
    void aVerifiedPasswordIsRememberedAndAWrongOneAlwaysPaysInFull() {
        VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, Duration.ofMinutes(1));
        assertThat(credentials.matches("right", hash)).isTrue();
        assertThat(credentials.matches("right", hash)).isTrue();
        assertThat(credentials.matches("right", hash)).isTrue();
        assertThat(bcrypt.checks).as("bcrypt once for three requests").hasValue(1);

        assertThat(credentials.matches("wrong", hash)).isFalse();
        assertThat(credentials.matches("wrong", hash)).isFalse();
        assertThat(credentials.matches("right ", hash)).isFalse();
        assertThat(credentials.matches("", hash)).isFalse();
        assertThat(bcrypt.checks).as("every wrong password checked in full").hasValue(5);
        assertThat(credentials.matches("right", hash)).as("still remembered after wrong ones").isTrue();
        assertThat(bcrypt.checks).hasValue(5);
    }

    @Test
    void theVerdictBelongsToOneHashAndExpires() {
        VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, Duration.ofMinutes(1));
        String otherHash = bcrypt.encode("other");
        assertThat(credentials.matches("right", hash)).isTrue();
        assertThat(credentials.matches("right", otherHash)).as("another account's hash").isFalse();

        VerifiedCredentials expiring = new VerifiedCredentials(bcrypt, Duration.ofNanos(1));
        int before = bcrypt.checks.get();
        assertThat(expiring.matches("right", hash)).isTrue();
        assertThat(expiring.matches("right", hash)).isTrue();
        assertThat(bcrypt.checks.get() - before).as("an expired verdict is checked again").isEqualTo(2);

        VerifiedCredentials off = new VerifiedCredentials(bcrypt, Duration.ZERO);
        before = bcrypt.checks.get();
        off.matches("right", hash);
        off.matches("right", hash);
        assertThat(bcrypt.checks.get() - before).as("0s turns remembering off").isEqualTo(2);
    }
}
