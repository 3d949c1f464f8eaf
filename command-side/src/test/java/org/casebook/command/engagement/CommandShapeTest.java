package org.casebook.command.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.casebook.shared.id.CenterId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.Stage;
import org.junit.jupiter.api.Test;

/** Commands check their own shape (required fields, codes, lengths) before any handler sees them. */
class CommandShapeTest {

    private static Refusal refusalOf(Runnable construction) {
        try {
            construction.run();
        } catch (Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void intakeNamesTheMissingNestedField() {
        Refusal refusal = refusalOf(() -> new OpenEngagement(EngagementTest.ID, new CenterId("HN-TGU-01"),
                EngagementTest.ANA, EngagementTest.INTAKE,
                new Enterprise(" ", null, "HN", null, Stage.START_UP, null),
                new Owner("Ana", Gender.FEMALE, null), null, null, null, null, null, null));
        assertThat(refusal.code()).isEqualTo("field-required");
        assertThat(refusal.field()).isEqualTo("enterprise.name");
        assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID_INPUT);
    }

    @Test
    void intakeRefusesAnUnknownCountryAndABadEmail() {
        Refusal country = refusalOf(() -> new OpenEngagement(EngagementTest.ID, new CenterId("HN-TGU-01"),
                EngagementTest.ANA, EngagementTest.INTAKE, new Enterprise("X", null, "ZZ", null, Stage.START_UP, null),
                new Owner("Ana", Gender.FEMALE, null), null, null, null, null, null, null));
        assertThat(country.code()).isEqualTo("country-unknown");
        assertThat(country.field()).isEqualTo("enterprise.country");

        Refusal email = refusalOf(() -> new OpenEngagement(EngagementTest.ID, new CenterId("HN-TGU-01"),
                EngagementTest.ANA, EngagementTest.INTAKE, new Enterprise("X", null, "HN", null, Stage.START_UP, null),
                new Owner("Ana", Gender.FEMALE, null), new Contact("not-an-address", null), null, null, null, null,
                null));
        assertThat(email.code()).isEqualTo("email-invalid");
    }

    @Test
    void intakeRefusesAnImplausibleBirthYear() {
        Refusal refusal = refusalOf(() -> new OpenEngagement(EngagementTest.ID, new CenterId("HN-TGU-01"),
                EngagementTest.ANA, LocalDate.of(2026, 3, 2), new Enterprise("X", null, "HN", null, Stage.START_UP, null),
                new Owner("Ana", Gender.FEMALE, 2027), null, null, null, null, null, null));
        assertThat(refusal.code()).isEqualTo("birth-year-invalid");
        assertThat(refusal.message(java.util.Locale.ENGLISH)).contains("2027").doesNotContain("2,027");
    }

    @Test
    void intakeTidiesTextAndFillsDefaults() {
        OpenEngagement command = new OpenEngagement(EngagementTest.ID, new CenterId("HN-TGU-01"), EngagementTest.ANA,
                EngagementTest.INTAKE, new Enterprise("  Panadería  ", " ", "HN", null, Stage.START_UP, null),
                new Owner(" Ana ", Gender.FEMALE, null), null, null, null, null, null, null);
        assertThat(command.enterprise().name()).isEqualTo("Panadería");
        assertThat(command.enterprise().taxId()).isNull();
        assertThat(command.owner().name()).isEqualTo("Ana");
        assertThat(command.consents()).isEqualTo(new Consents(false, false));
        assertThat(command.programmes()).isEqualTo(List.of());
    }

    @Test
    void sessionNamesTheMissingMinutesAndDefaultsPrepAndTravel() {
        Refusal refusal = refusalOf(() -> new LogCounselingSession(EngagementTest.ID, EngagementTest.SESSION,
                EngagementTest.TODAY, EngagementTest.ANA, org.casebook.shared.value.SessionType.PHONE, "FINANCE",
                null, null, null, null, null, null));
        assertThat(refusal.field()).isEqualTo("contactMinutes");
        LogCounselingSession session = new LogCounselingSession(EngagementTest.ID, EngagementTest.SESSION,
                EngagementTest.TODAY, EngagementTest.ANA, org.casebook.shared.value.SessionType.PHONE, "FINANCE",
                45, null, null, null, "  ", null);
        assertThat(session.prepMinutes()).isZero();
        assertThat(session.travelMinutes()).isZero();
        assertThat(session.notes()).isNull();
    }
}
