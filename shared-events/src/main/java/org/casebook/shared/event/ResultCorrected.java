package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.value.ResultDetails;

/** A result's values were wrong; these are its new values, all of them. */
@Revision("1")
public record ResultCorrected(
        EngagementId engagementId,
        ResultId resultId,
        ResultDetails details,
        @PersonalData String reason) implements EngagementEvent {
}
