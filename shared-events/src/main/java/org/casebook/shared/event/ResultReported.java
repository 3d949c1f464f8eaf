package org.casebook.shared.event;

import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.ResultDetails;

/** A result claimed by the counselor, of any kind, with its own id. */
public sealed interface ResultReported extends EngagementEvent
        permits FinancingObtained, JobsReported, SalesIncreaseReported, BusinessStartReported, FormalizationReported {

    ResultId resultId();

    /** What the result says, in the form a correction replaces it with. */
    ResultDetails details();
}
