package org.casebook.shared.actor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;

/**
 * Who is acting: an authenticated person, their roles, the centers they work for and the programmes
 * they may see. Commands carry the actor in their metadata; events keep who did it (user and role)
 * but not the actor's scopes.
 */
public record Actor(String userId, Set<Role> roles, Set<CenterId> centers, Set<ProgrammeCode> programmes) {

    /** Metadata keys. {@code userId} and {@code role} are copied onto every event a command causes. */
    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    static final String CENTERS = "actorCenters";
    static final String PROGRAMMES = "actorProgrammes";
    static final String ROLES = "actorRoles";

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id");
        }
        roles = Set.copyOf(roles);
        centers = Set.copyOf(centers);
        programmes = Set.copyOf(programmes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean worksFor(CenterId center) {
        return centers.contains(center);
    }

    public boolean funds(ProgrammeCode programme) {
        return programmes.contains(programme);
    }

    /**
     * The metadata of a command this actor sends, acting in the first of the {@code allowed} roles
     * they hold (so a counselor who is also a director logs sessions as a counselor).
     */
    public Map<String, String> toMetaData(Role... allowed) {
        Role acting = Arrays.stream(allowed).filter(this::has).findFirst()
                .orElseThrow(() -> new Refusal(RefusalKind.FORBIDDEN, "role-not-allowed", null));
        Map<String, String> metaData = new HashMap<>();
        metaData.put(USER_ID, userId);
        metaData.put(ROLE, acting.name());
        metaData.put(ROLES, join(roles.stream().map(Role::name)));
        metaData.put(CENTERS, join(centers.stream().map(CenterId::value)));
        metaData.put(PROGRAMMES, join(programmes.stream().map(ProgrammeCode::value)));
        return metaData;
    }

    /** The actor a command's metadata names; a refusal if it names none, so nobody acts anonymously. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object userId = metaData.get(USER_ID);
        if (!(userId instanceof String id) || id.isBlank() || !metaData.containsKey(ROLES)) {
            throw new Refusal(RefusalKind.UNAUTHENTICATED, "actor-missing", null);
        }
        return new Actor(id,
                split(metaData.get(ROLES)).stream().map(Role::valueOf).collect(Collectors.toSet()),
                split(metaData.get(CENTERS)).stream().map(CenterId::new).collect(Collectors.toSet()),
                split(metaData.get(PROGRAMMES)).stream().map(ProgrammeCode::new).collect(Collectors.toSet()));
    }

    private static String join(java.util.stream.Stream<String> values) {
        return values.sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(text.split(",")));
    }
}
