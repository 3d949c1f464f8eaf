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
 * A counselor met (or called) the client. Counseling hours count contact and preparation minutes;
 * travel minutes are reported apart.
 *
 * @param programme    the funding programme the session is charged to; may be absent
 * @param notes        free text; personal data
 * @param participants how many people of the client enterprise took part (revision 2; revision 1
 *                     knew only sessions with one, and is upcast so)
 */
@Revision("2")
public record CounselingSessionLogged(
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
        int participants) implements EngagementEvent {
}
