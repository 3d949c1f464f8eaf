package org.casebook.shared.event;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.ResultDetails;

/** A result: jobs created (full-time, part-time) and retained, as of a date. */
@Revision("1")
public record JobsReported(
        EngagementId engagementId,
        ResultId resultId,
        LocalDate date,
        int fullTimeCreated,
        int partTimeCreated,
        int retained) implements ResultReported {

    @Override
    @JsonIgnore
    public ResultDetails details() {
        return new ResultDetails.Jobs(date, fullTimeCreated, partTimeCreated, retained);
    }
}
