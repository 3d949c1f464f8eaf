package org.casebook.query.engagement;

import java.time.LocalDate;
import java.util.List;

import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;

/** A small engagement history to fold. */
final class EngagementEvents {

    static final EngagementId ID = new EngagementId("e-1");
    static final CounselorId ANA = new CounselorId("ana.lopez");

    private EngagementEvents() {
    }

    static EngagementOpened opened() {
        return opened(ID);
    }

    /** The same intake, for another engagement. */
    static EngagementOpened opened(EngagementId id) {
        return new EngagementOpened(id, new CenterId("HN-TGU-01"), ANA, LocalDate.of(2026, 3, 2),
                new Enterprise("Panadería La Esperanza", "08011999123456", "HN", "1071", Stage.IN_BUSINESS,
                        "SOLE_PROPRIETOR"),
                new Owner("María Fernández", Gender.FEMALE, 1985), new Contact("maria@example.org", null), "RADIO",
                new Consents(true, false), new Baseline(2, 1, Money.of("350000.00", "HNL")),
                List.of(new ProgrammeCode("DINAMICA")), List.of("FINANCE"));
    }

    static CounselingSessionLogged session(String id, LocalDate date, int contact, int prep, int travel) {
        return new CounselingSessionLogged(ID, new SessionId(id), date, ANA, SessionType.IN_PERSON, "FINANCE",
                contact, prep, travel, new ProgrammeCode("DINAMICA"), "notes " + id, 1);
    }

    static FinancingObtained financing(String id, String amount) {
        return new FinancingObtained(ID, new ResultId(id), FinancingInstrument.LOAN, "Banco Atlántida",
                Money.of(amount, "HNL"), LocalDate.of(2026, 5, 20));
    }
}
