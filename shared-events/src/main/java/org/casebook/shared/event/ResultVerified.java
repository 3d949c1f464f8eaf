package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;

/** A director verified the result: from now on it counts in donor reports. */
@Revision("1")
public record ResultVerified(
        EngagementId engagementId,
        ResultId resultId) implements EngagementEvent {
}
