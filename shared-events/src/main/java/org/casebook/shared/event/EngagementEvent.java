package org.casebook.shared.event;

import org.casebook.shared.id.EngagementId;

/**
 * Something that happened to an engagement. Events are facts: once released, an event type is never
 * edited; a change becomes a new {@code @Revision} with an upcaster from the previous one.
 */
public sealed interface EngagementEvent permits EngagementOpened, CounselorAssigned, EngagementTransferred,
        EngagementClosed, EngagementReopened, CounselingSessionLogged, CounselingSessionCorrected,
        CounselingSessionVoided, ResultReported, ResultCorrected, ResultAttested, ResultVerified, ResultRejected, ResultWithdrawn,
        ResultReopened, PersonalDataErased {

    EngagementId engagementId();
}
