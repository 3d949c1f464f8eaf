package org.casebook.ops.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * API clients send their password with every request, and checking a bcrypt hash takes tens of
 * milliseconds by design: the benchmark found it was most of every query's time. A successful
 * sign-in is therefore remembered for {@code casebook.security.sign-in.remember-for}, as a salted
 * SHA-256 of the password in memory; the same user with the same password within that time is
 * signed in without bcrypt. A change to the user (password, roles, disabling) forgets it at once.
 */
public class RememberedSignIns implements AuthenticationProvider {

    private static final int MOST = 10_000;

    private final AuthenticationProvider passwords;
    private final Duration rememberFor;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(byte[] digest, Authentication result, Instant until) {
    }

    public RememberedSignIns(AuthenticationProvider passwords, Duration rememberFor, Clock clock) {
        this.passwords = passwords;
        this.rememberFor = rememberFor;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        Object credentials = attempt.getCredentials();
        byte[] digest = credentials == null ? null : digest(username, credentials.toString());
        Remembered known = remembered.get(username);
        Instant now = clock.instant();
        if (known != null && digest != null && now.isBefore(known.until())
                && MessageDigest.isEqual(known.digest(), digest)) {
            return known.result();
        }
        Authentication result = passwords.authenticate(attempt);
        if (result != null && result.isAuthenticated() && digest != null && !rememberFor.isZero()) {
            if (remembered.size() > MOST) {
                remembered.values().removeIf(entry -> !now.isBefore(entry.until()));
            }
            remembered.put(username, new Remembered(digest, result, now.plus(rememberFor)));
        }
        return result;
    }

    public void forget(String username) {
        remembered.remove(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
