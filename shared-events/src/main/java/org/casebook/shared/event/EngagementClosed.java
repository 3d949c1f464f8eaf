package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.value.ClosureReason;

/** The engagement ended: completed, the client withdrew, or no contact. */
@Revision("1")
public record EngagementClosed(
        EngagementId engagementId,
        ClosureReason reason,
        @PersonalData String note) implements EngagementEvent {
}
