package org.casebook.command;

import java.util.Map;

import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;

/**
 * Who may change what, judged from the actor a command carries. The HTTP layer turns away roles that
 * may never call an endpoint; these checks hold whoever sends the command.
 */
public final class Access {

    /** The metadata key of the center an event was done for. */
    public static final String CENTER_ID = "centerId";

    private Access() {
    }

    /** The actor, who must hold one of the roles. */
    public static Actor require(Map<String, ?> metaData, Role... roles) {
        Actor actor = Actor.fromMetaData(metaData);
        for (Role role : roles) {
            if (actor.has(role)) {
                return actor;
            }
        }
        throw new Refusal(RefusalKind.FORBIDDEN, "role-not-allowed", null);
    }

    /**
     * The actor, who must hold one of the roles and work for the center. Someone from another center is
     * told the thing does not exist, exactly as if it did not: nothing leaks that it does.
     */
    public static Actor requireCenter(Map<String, ?> metaData, CenterId center, Refusal otherwise, Role... roles) {
        Actor actor = require(metaData, roles);
        if (!actor.worksFor(center)) {
            throw otherwise;
        }
        return actor;
    }
}
