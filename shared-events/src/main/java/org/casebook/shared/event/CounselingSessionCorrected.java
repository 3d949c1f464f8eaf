package org.casebook.shared.event;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.value.SessionType;

/**
 * A session's values were wrong; these are its new values, all of them. Counted with its latest
 * values and date. Revision 2 added {@code participants}.
 */
@Revision("2")
public record CounselingSessionCorrected(
        EngagementId engagementId,
        SessionId sessionId,
        LocalDate date,
        CounselorId counselorId,
        SessionType type,
        String area,
        int contactMinutes,
        int prepMinutes,
        int travelMinutes,
        ProgrammeCode programme,
        @PersonalData String notes,
        @PersonalData String reason,
        int participants) implements EngagementEvent {
}
