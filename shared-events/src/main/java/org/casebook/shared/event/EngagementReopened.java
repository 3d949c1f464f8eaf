package org.casebook.shared.event;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;

/** A closed engagement is open again. */
@Revision("1")
public record EngagementReopened(
        EngagementId engagementId,
        String reason) implements EngagementEvent {
}
