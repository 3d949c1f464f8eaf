package org.casebook.command.reference;

import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.id.ProgrammeCode;

/** Define a funding programme and its funder, or change them. */
public record DefineProgramme(ProgrammeCode code, String name, String funder) {

    public DefineProgramme {
        required(code, "code");
        name = requiredText(name, "name");
        funder = requiredText(funder, "funder");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReferenceEntry.idOf(code);
    }
}
