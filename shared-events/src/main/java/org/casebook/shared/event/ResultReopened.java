package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.personal.PersonalData;

/** A director reopened a verified or rejected result; it stands as claimed again. */
@Revision("1")
public record ResultReopened(
        EngagementId engagementId,
        ResultId resultId,
        @PersonalData String reason) implements EngagementEvent {
}
