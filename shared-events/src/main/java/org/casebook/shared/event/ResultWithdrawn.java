package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.personal.PersonalData;

/** The result was withdrawn, with a reason. */
@Revision("1")
public record ResultWithdrawn(
        EngagementId engagementId,
        ResultId resultId,
        @PersonalData String reason) implements EngagementEvent {
}
