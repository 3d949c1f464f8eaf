package org.casebook.ops.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Refusal;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Reads the actor from an OpenID Connect issuer's JWT: the user from one claim, roles, centers and
 * programmes from others (configurable). Values Casebook does not know (a role it has no use for, a
 * malformed center id) are left out rather than trusted.
 */
@Component
public class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Oidc claims;

    public JwtActors(SecurityProperties properties) {
        this.claims = properties.oidc();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Actor actor = actor(jwt);
        return new JwtAuthenticationToken(jwt, UserAccount.authorities(actor.roles()), actor.userId());
    }

    public Actor actor(Jwt jwt) {
        String user = jwt.getClaimAsString(claims.userClaim());
        if (user == null || user.isBlank()) {
            user = jwt.getSubject();
        }
        Set<Role> roles = values(jwt, claims.rolesClaim(), Role::valueOf);
        return new Actor(user, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles),
                values(jwt, claims.centersClaim(), CenterId::new),
                values(jwt, claims.programmesClaim(), ProgrammeCode::new));
    }

    private static <T> Set<T> values(Jwt jwt, String claim, Function<String, T> parse) {
        Object value = jwt.getClaims().get(claim);
        Collection<?> raw = value instanceof Collection<?> list ? list
                : value instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
        return raw.stream().map(String::valueOf).map(text -> {
            try {
                return parse.apply(text.strip());
            } catch (IllegalArgumentException | Refusal e) {
                return null;
            }
        }).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
