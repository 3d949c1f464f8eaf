package org.casebook.shared.event;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.AttestationMethod;

/** The client attested the result, with evidence and its SHA-256. */
@Revision("1")
public record ResultAttested(
        EngagementId engagementId,
        ResultId resultId,
        AttestationMethod method,
        String evidenceRef,
        String evidenceSha256,
        LocalDate date) implements EngagementEvent {
}
