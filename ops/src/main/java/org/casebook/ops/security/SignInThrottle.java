package org.casebook.ops.security;

import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins of one user name, or from
 * one address, further attempts of that user or address are refused until {@code cool-down} has
 * passed since the last failure. Nobody is locked out for good: the cool-down always ends, and a
 * successful sign-in clears the user's count. Counted in PostgreSQL, so a user or address throttled
 * on one node waits on every node.
 */
@Component
public class SignInThrottle {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignInThrottle.class);

    /** One failure in this many also clears the counts whose cool-down is long over. */
    private static final int PURGE_EVERY = 100;

    private final int maxFailures;
    private final Duration coolDown;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JdbcTemplate jdbc;

    public SignInThrottle(SecurityProperties properties, Clock clock, MeterRegistry meters, DataSource dataSource) {
        this.maxFailures = properties.signIn().maxFailures();
        this.coolDown = properties.signIn().coolDown();
        this.clock = clock;
        this.meters = meters;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** How long the user or address must still wait; zero when they may try. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        List<Object[]> counts = jdbc.query("SELECT failures, last_at FROM sign_in_failure WHERE key IN (?, ?)",
                (row, n) -> new Object[] {row.getInt(1), row.getTimestamp(2).toInstant()},
                username == null ? "" : key("user", username), address == null ? "" : key("address", address));
        for (Object[] count : counts) {
            if ((int) count[0] >= maxFailures) {
                Duration left = Duration.between(now, ((Instant) count[1]).plus(coolDown));
                if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
        }
        if (!wait.isZero()) {
            meters.counter("casebook.sign-in.refused").increment();
        }
        return wait;
    }

    public void failed(String username, String address) {
        meters.counter("casebook.sign-in.failures").increment();
        Instant now = clock.instant();
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(PURGE_EVERY) == 0) {
            jdbc.update("DELETE FROM sign_in_failure WHERE last_at < ?", Timestamp.from(now.minus(coolDown)));
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
            jdbc.update("DELETE FROM sign_in_failure WHERE key = ?", key("user", username));
        }
    }

    /** A sign-in refused stays refused (401) even when its failure cannot be counted: it is logged. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        Object details = event.getAuthentication().getDetails();
        try {
            failed(event.getAuthentication().getName(),
                    details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null);
        } catch (RuntimeException e) {
            LOG.warn("A failed sign-in could not be counted: {}", e.getMessage());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        try {
            succeeded(event.getAuthentication().getName());
        } catch (RuntimeException e) {
            LOG.warn("A sign-in's earlier failures could not be cleared: {}", e.getMessage());
        }
    }

    /** Counts one more failure, or the first of a new run once the last one's cool-down has passed. */
    private void record(String key, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                INSERT INTO sign_in_failure (key, failures, last_at) VALUES (?, 1, ?)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN sign_in_failure.last_at < ? THEN 1 ELSE sign_in_failure.failures + 1 END,
                    last_at = excluded.last_at
                """, key, at, Timestamp.from(now.minus(coolDown)));
    }

    /** The key of a user name or address: its digest, so that any length of name (a forged token) fits. */
    private static String key(String kind, String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return kind + ":" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
