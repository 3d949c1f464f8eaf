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
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.SessionType;

/** Log a counseling session. Minutes are whole minutes; a session lasts at most a day. */
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
        String notes) {

    static final int MINUTES_IN_A_DAY = 24 * 60;

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
        if (contactMinutes <= 0) {
            throw Refusal.rule("contact-minutes-not-positive", "contactMinutes");
        }
        withinADay(contactMinutes, "contactMinutes");
        withinADay(prepMinutes, "prepMinutes");
        withinADay(travelMinutes, "travelMinutes");
        notes = optionalText(notes, "notes", LONG_TEXT);
    }

    private static void withinADay(int minutes, String field) {
        if (minutes < 0) {
            throw Refusal.rule("minutes-negative", field);
        }
        if (minutes > MINUTES_IN_A_DAY) {
            throw Refusal.rule("minutes-too-many", field, MINUTES_IN_A_DAY);
        }
    }
}
