package org.casebook.shared.event;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.Owner;

/** Intake: a client enterprise began an engagement with a center. */
@Revision("1")
public record EngagementOpened(
        EngagementId engagementId,
        CenterId centerId,
        CounselorId counselorId,
        LocalDate intakeDate,
        Enterprise enterprise,
        Owner owner,
        Contact contact,
        String referralSource,
        Consents consents,
        Baseline baseline,
        List<ProgrammeCode> programmes,
        List<String> needs) implements EngagementEvent {

    public EngagementOpened {
        programmes = programmes == null ? List.of() : List.copyOf(programmes);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
