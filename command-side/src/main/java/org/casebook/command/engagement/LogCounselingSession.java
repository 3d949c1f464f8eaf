package org.casebook.command.engagement;

import static org.casebook.shared.refusal.Checks.LONG_TEXT;
import static org.casebook.shared.refusal.Checks.optionalText;
import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.value.SessionType;

/**
 * Log a counseling session. Minutes are whole minutes; prep and travel minutes default to none, the
 * participants (people of the client enterprise) to one.
 */
public record LogCounselingSession(
        @TargetAggregateIdentifier EngagementId engagementId,
        SessionId sessionId,
        LocalDate date,
        CounselorId counselorId,
        SessionType type,
        String area,
        Integer contactMinutes,
        Integer prepMinutes,
        Integer travelMinutes,
        ProgrammeCode programme,
        String notes,
        Integer participants) {

    public LogCounselingSession {
        required(engagementId, "engagementId");
        required(sessionId, "sessionId");
        required(date, "date");
        required(counselorId, "counselorId");
        required(type, "type");
        area = requiredText(area, "area");
        required(contactMinutes, "contactMinutes");
        prepMinutes = prepMinutes == null ? 0 : prepMinutes;
        travelMinutes = travelMinutes == null ? 0 : travelMinutes;
        notes = optionalText(notes, "notes", LONG_TEXT);
        participants = participants == null ? 1 : participants;
    }
}
