package org.casebook.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RememberedSignInsTest {

    /** Stands for the bcrypt check: counts how often it is asked, knows one password. */
    static final class Passwords implements AuthenticationProvider {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public Authentication authenticate(Authentication attempt) {
            checks.incrementAndGet();
            if (!"right-password".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static Authentication attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("ana.lopez", password);
    }

    @Test
    void aCheckedPasswordIsRememberedUntilItExpiresOrTheUserChanges() {
        Passwords passwords = new Passwords();
        Ticking clock = new Ticking();
        RememberedSignIns signIns = new RememberedSignIns(passwords, Duration.ofSeconds(60), clock);

        assertThat(signIns.authenticate(attempt("right-password")).isAuthenticated()).isTrue();
        signIns.authenticate(attempt("right-password"));
        assertThat(passwords.checks).as("the second time without bcrypt").hasValue(1);

        assertThatThrownBy(() -> signIns.authenticate(attempt("wrong-password"))).isInstanceOf(BadCredentialsException.class);
        assertThat(passwords.checks).as("another password is always checked").hasValue(2);

        signIns.forget("ana.lopez");
        signIns.authenticate(attempt("right-password"));
        assertThat(passwords.checks).hasValue(3);

        clock.now = clock.now.plusSeconds(61);
        signIns.authenticate(attempt("right-password"));
        assertThat(passwords.checks).as("remembered no longer than a minute").hasValue(4);
    }
}
