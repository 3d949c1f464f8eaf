package org.casebook.command.engagement;

import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Money;

/** Record that the client obtained capital: a result, claimed until a director verifies it. */
public record RecordFinancing(
        @TargetAggregateIdentifier EngagementId engagementId,
        ResultId resultId,
        FinancingInstrument instrument,
        String source,
        Money amount,
        LocalDate dateObtained) {

    public RecordFinancing {
        required(engagementId, "engagementId");
        required(resultId, "resultId");
        required(instrument, "instrument");
        source = requiredText(source, "source");
        required(amount, "amount");
        required(dateObtained, "dateObtained");
    }
}
