package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.personal.PersonalData;

/** A closed engagement is open again. */
@Revision("1")
public record EngagementReopened(
        EngagementId engagementId,
        @PersonalData String reason) implements EngagementEvent {
}
