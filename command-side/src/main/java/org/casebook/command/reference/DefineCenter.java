package org.casebook.command.reference;

import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.refusal.Checks;

/** Define a service center, or change its name or country. */
public record DefineCenter(CenterId centerId, String name, String country) {

    public DefineCenter {
        required(centerId, "centerId");
        name = requiredText(name, "name");
        country = Checks.country(country, "country");
    }

    /** Centers live in the same event store as engagements; the prefix keeps their identifiers apart. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReferenceEntry.idOf(centerId);
    }
}
