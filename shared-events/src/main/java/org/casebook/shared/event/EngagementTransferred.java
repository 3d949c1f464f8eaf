package org.casebook.shared.event;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;

/** The engagement moved to another center on a date; figures from that date on are credited to the new center. */
@Revision("1")
public record EngagementTransferred(
        EngagementId engagementId,
        CenterId fromCenterId,
        CenterId toCenterId,
        CounselorId counselorId,
        LocalDate effectiveDate) implements EngagementEvent {
}
