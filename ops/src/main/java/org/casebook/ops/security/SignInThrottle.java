package org.casebook.ops.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins of one user name, or from
 * one address, further attempts of that user or address are refused until {@code cool-down} has
 * passed since the last failure. Nobody is locked out for good: the cool-down always ends, and a
 * successful sign-in clears the user's count. Kept per node, in memory.
 */
@Component
public class SignInThrottle {

    private static final int PURGE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration coolDown;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(SecurityProperties properties, Clock clock, MeterRegistry meters) {
        this.maxFailures = properties.signIn().maxFailures();
        this.coolDown = properties.signIn().coolDown();
        this.clock = clock;
        this.meters = meters;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the user or address must still wait; zero when they may try. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = username == null ? Duration.ZERO : waitFor(key("user", username), now);
        Duration ip = address == null ? Duration.ZERO : waitFor(key("address", address), now);
        Duration wait = user.compareTo(ip) >= 0 ? user : ip;
        if (!wait.isZero()) {
            meters.counter("casebook.sign-in.refused").increment();
        }
        return wait;
    }

    public void failed(String username, String address) {
        meters.counter("casebook.sign-in.failures").increment();
        Instant now = clock.instant();
        if (failures.size() > PURGE_ABOVE) {
            failures.values().removeIf(entry -> entry.last().plus(coolDown).isBefore(now));
        }
        if (username != null) {
            record(key("user", username), now);
        }
        if (address != null) {
            record(key("address", address), now);
        }
    }

    public void succeeded(String username) {
        if (username != null) {
            failures.remove(key("user", username));
        }
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        Object details = event.getAuthentication().getDetails();
        failed(event.getAuthentication().getName(),
                details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null);
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private Duration waitFor(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.count() < maxFailures) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, entry.last().plus(coolDown));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, entry) -> entry == null || entry.last().plus(coolDown).isBefore(now)
                ? new Failures(1, now) : new Failures(entry.count() + 1, now));
    }

    private static String key(String kind, String value) {
        return kind + ":" + value.toLowerCase(java.util.Locale.ROOT);
    }
}
