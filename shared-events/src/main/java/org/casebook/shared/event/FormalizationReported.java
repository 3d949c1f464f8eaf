package org.casebook.shared.event;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.ResultDetails;

/** A result: the business was formalized (registered) in some way. */
@Revision("1")
public record FormalizationReported(
        EngagementId engagementId,
        ResultId resultId,
        LocalDate date,
        String registrationKind) implements ResultReported {

    @Override
    @JsonIgnore
    public ResultDetails details() {
        return new ResultDetails.Formalization(date, registrationKind);
    }
}
