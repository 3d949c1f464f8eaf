package org.casebook.shared.event;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.Money;

/** A result: new sales against baseline sales over a stated period. */
@Revision("1")
public record SalesIncreaseReported(
        EngagementId engagementId,
        ResultId resultId,
        LocalDate periodStart,
        LocalDate periodEnd,
        Money baselineSales,
        Money newSales) implements ResultReported {

    @Override
    @JsonIgnore
    public ResultDetails details() {
        return new ResultDetails.SalesIncrease(periodStart, periodEnd, baselineSales, newSales);
    }
}
