package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;

/** Another counselor now looks after the engagement. */
@Revision("1")
public record CounselorAssigned(
        EngagementId engagementId,
        CounselorId counselorId) implements EngagementEvent {
}
