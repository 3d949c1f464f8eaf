package org.casebook.ops.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in ({@code casebook.security.*}).
 *
 * @param mode    {@code embedded}: Casebook's own users; {@code oidc}: JWTs from an OpenID Connect issuer
 * @param oidc    the claims a JWT carries the actor in
 * @param signIn  how failed sign-ins are slowed down
 */
@ConfigurationProperties("casebook.security")
public record SecurityProperties(@DefaultValue("embedded") Mode mode,
                                 @DefaultValue Oidc oidc,
                                 @DefaultValue SignIn signIn) {

    public enum Mode { EMBEDDED, OIDC }

    public record Oidc(@DefaultValue("preferred_username") String userClaim,
                       @DefaultValue("roles") String rolesClaim,
                       @DefaultValue("centers") String centersClaim,
                       @DefaultValue("programmes") String programmesClaim) {
    }

    /**
     * @param maxFailures failed sign-ins of a user or address before they wait
     * @param coolDown    how long they wait
     * @param rememberFor how long a checked password is remembered (0: never)
     */
    public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("5m") Duration coolDown,
                         @DefaultValue("60s") Duration rememberFor) {
    }
}
