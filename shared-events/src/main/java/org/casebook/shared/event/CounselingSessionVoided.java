package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.personal.PersonalData;

/** A session should not have been logged; it no longer counts. Nothing is deleted. */
@Revision("1")
public record CounselingSessionVoided(
        EngagementId engagementId,
        SessionId sessionId,
        @PersonalData String reason) implements EngagementEvent {
}
