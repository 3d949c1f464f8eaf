package org.casebook.shared.event;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Money;

/** A result: the client obtained capital. Claimed by the counselor until verified. */
@Revision("1")
public record FinancingObtained(
        EngagementId engagementId,
        ResultId resultId,
        FinancingInstrument instrument,
        String source,
        Money amount,
        LocalDate dateObtained) implements ResultReported {

    @Override
    @JsonIgnore
    public ResultDetails details() {
        return new ResultDetails.Financing(instrument, source, amount, dateObtained);
    }
}
