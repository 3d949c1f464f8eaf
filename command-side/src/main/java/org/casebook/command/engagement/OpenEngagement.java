package org.casebook.command.engagement;

import static org.casebook.shared.refusal.Checks.SHORT_TEXT;
import static org.casebook.shared.refusal.Checks.optionalText;
import static org.casebook.shared.refusal.Checks.required;
import static org.casebook.shared.refusal.Checks.requiredText;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.Owner;

/**
 * Intake: take in a client enterprise. The command checks and tidies its own values (required
 * fields, lengths, codes); the aggregate checks what depends on time and history.
 */
public record OpenEngagement(
        @TargetAggregateIdentifier EngagementId engagementId,
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
        List<String> needs) {

    public OpenEngagement {
        required(engagementId, "engagementId");
        required(centerId, "centerId");
        required(counselorId, "counselorId");
        required(intakeDate, "intakeDate");
        enterprise = checked(required(enterprise, "enterprise"));
        owner = checked(required(owner, "owner"), intakeDate);
        contact = contact == null ? new Contact(null, null)
                : new Contact(Checks.email(contact.email(), "contact.email"),
                        optionalText(contact.phone(), "contact.phone", SHORT_TEXT));
        referralSource = optionalText(referralSource, "referralSource", SHORT_TEXT);
        consents = consents == null ? new Consents(false, false) : consents;
        programmes = programmes == null ? List.of() : List.copyOf(programmes);
        needs = needs == null ? List.of()
                : needs.stream().map(need -> requiredText(need, "needs")).toList();
    }

    private static Enterprise checked(Enterprise enterprise) {
        return new Enterprise(
                requiredText(enterprise.name(), "enterprise.name"),
                optionalText(enterprise.taxId(), "enterprise.taxId", SHORT_TEXT),
                Checks.country(enterprise.country(), "enterprise.country"),
                optionalText(enterprise.sector(), "enterprise.sector", SHORT_TEXT),
                required(enterprise.stage(), "enterprise.stage"),
                optionalText(enterprise.legalForm(), "enterprise.legalForm", SHORT_TEXT));
    }

    private static Owner checked(Owner owner, LocalDate intakeDate) {
        Integer birthYear = owner.birthYear();
        if (birthYear != null && (birthYear < 1900 || birthYear > intakeDate.getYear())) {
            throw Refusal.rule("birth-year-invalid", "owner.birthYear", String.valueOf(birthYear));
        }
        return new Owner(requiredText(owner.name(), "owner.name"),
                required(owner.gender(), "owner.gender"), birthYear);
    }
}
