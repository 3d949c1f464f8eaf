package org.casebook.ops.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person with a Casebook account: what they may do, and where. */
public record UserAccount(String username, String passwordHash, boolean enabled, Set<Role> roles,
                          Set<CenterId> centers, Set<ProgrammeCode> programmes) implements UserDetails {

    public Actor actor() {
        return new Actor(username, roles, centers, programmes);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(roles);
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
