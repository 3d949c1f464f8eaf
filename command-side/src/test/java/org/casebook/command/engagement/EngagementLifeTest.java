package org.casebook.command.engagement;

import static org.casebook.command.engagement.EngagementTest.ANA;
import static org.casebook.command.engagement.EngagementTest.ANA_AT_TGU;
import static org.casebook.command.engagement.EngagementTest.ID;
import static org.casebook.command.engagement.EngagementTest.INTAKE;
import static org.casebook.command.engagement.EngagementTest.RESULT;
import static org.casebook.command.engagement.EngagementTest.SESSION;
import static org.casebook.command.engagement.EngagementTest.TGU;
import static org.casebook.command.engagement.EngagementTest.TODAY;
import static org.casebook.command.engagement.EngagementTest.actor;
import static org.casebook.command.engagement.EngagementTest.opened;
import static org.casebook.command.engagement.EngagementTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casebook.command.engagement.Commands.AssignCounselor;
import org.casebook.command.engagement.Commands.AttestResult;
import org.casebook.command.engagement.Commands.CloseEngagement;
import org.casebook.command.engagement.Commands.CorrectCounselingSession;
import org.casebook.command.engagement.Commands.CorrectResult;
import org.casebook.command.engagement.Commands.ErasePersonalData;
import org.casebook.command.engagement.Commands.RejectResult;
import org.casebook.command.engagement.Commands.ReopenEngagement;
import org.casebook.command.engagement.Commands.ReopenResult;
import org.casebook.command.engagement.Commands.ReportResult;
import org.casebook.command.engagement.Commands.TransferEngagement;
import org.casebook.command.engagement.Commands.VerifyResult;
import org.casebook.command.engagement.Commands.VoidCounselingSession;
import org.casebook.command.engagement.Commands.WithdrawResult;
import org.casebook.shared.actor.Role;
import org.casebook.shared.personal.InMemoryPersonalDataKeys;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.event.BusinessStartReported;
import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.CounselorAssigned;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementReopened;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.FormalizationReported;
import org.casebook.shared.event.JobsReported;
import org.casebook.shared.event.PersonalDataErased;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultCorrected;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultReopened;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.ResultWithdrawn;
import org.casebook.shared.event.SalesIncreaseReported;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.SessionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engagement after intake: its life, corrections, results and their evidence. */
class EngagementLifeTest {

    static final CenterId GUA = new CenterId("GT-GUA-01");
    static final Map<String, String> ROSA_DIRECTOR = actor("rosa.mejia", Set.of(Role.DIRECTOR), Set.of(TGU), Role.DIRECTOR);
    static final Map<String, String> CARLOS_DIRECTOR_GUA = actor("carlos.ruiz", Set.of(Role.DIRECTOR), Set.of(GUA),
            Role.DIRECTOR);
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final LocalDate MAY = LocalDate.of(2026, 5, 20);

    private AggregateTestFixture<Engagement> fixture;
    private final InMemoryIdentities identities = new InMemoryIdentities();
    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();

    @BeforeEach
    void setUp() {
        fixture = EngagementTest.fixture(identities);
        fixture.registerInjectableResource(keys);
    }

    static CounselingSessionLogged logged() {
        return new CounselingSessionLogged(ID, SESSION, LocalDate.of(2026, 3, 9), ANA, SessionType.IN_PERSON, "FINANCE",
                90, 30, 0, null, "first notes", 1);
    }

    static JobsReported jobs() {
        return new JobsReported(ID, RESULT, MAY, 2, 1, 3);
    }

    static ResultAttested attested() {
        return new ResultAttested(ID, RESULT, AttestationMethod.SIGNED_FORM, "forms/2026/0042.pdf", SHA, MAY);
    }

    static LogCounselingSession values(LocalDate date, int contact) {
        return new LogCounselingSession(ID, SESSION, date, ANA, SessionType.PHONE, "MARKETING", contact, 0, 0, null,
                "corrected notes", null);
    }

    @Nested
    class Sessions {

        @Test
        void areCorrectedWithAllTheirNewValuesAndAReason() {
            fixture.given(opened(), logged())
                    .when(new CorrectCounselingSession(ID, SESSION, values(LocalDate.of(2026, 3, 10), 45),
                            "Was a phone call"), ANA_AT_TGU)
                    .expectEvents(new CounselingSessionCorrected(ID, SESSION, LocalDate.of(2026, 3, 10), ANA,
                            SessionType.PHONE, "MARKETING", 45, 0, 0, null, "corrected notes", "Was a phone call", 1));
        }

        @Test
        void correctionsFollowTheRulesOfALoggedSession() {
            fixture.given(opened(), logged())
                    .when(new CorrectCounselingSession(ID, SESSION, values(INTAKE.minusDays(1), 45), "x"), ANA_AT_TGU)
                    .expectException(refusal("date-before-intake", "date"));
            fixture.given(opened(), logged())
                    .when(new CorrectCounselingSession(ID, SESSION, values(INTAKE, 0), "x"), ANA_AT_TGU)
                    .expectException(refusal("contact-minutes-not-positive", "contactMinutes"));
        }

        @Test
        void areVoidedWithAReasonAndNeverAfterwardsChanged() {
            fixture.given(opened(), logged())
                    .when(new VoidCounselingSession(ID, SESSION, "Logged twice"), ANA_AT_TGU)
                    .expectEvents(new CounselingSessionVoided(ID, SESSION, "Logged twice"));
            fixture.given(opened(), logged(), new CounselingSessionVoided(ID, SESSION, "Logged twice"))
                    .when(new VoidCounselingSession(ID, SESSION, "again"), ANA_AT_TGU)
                    .expectException(refusal("session-voided", "sessionId"));
            fixture.given(opened(), logged(), new CounselingSessionVoided(ID, SESSION, "Logged twice"))
                    .when(new CorrectCounselingSession(ID, SESSION, values(INTAKE, 30), "x"), ANA_AT_TGU)
                    .expectException(refusal("session-voided", "sessionId"));
        }

        @Test
        void anUnknownSessionIsNotFound() {
            fixture.given(opened())
                    .when(new VoidCounselingSession(ID, SESSION, "x"), ANA_AT_TGU)
                    .expectException(refusal("session-not-found", null));
        }

        @Test
        void noneIsLoggedInAClosedEngagement() {
            fixture.given(opened(), new EngagementClosed(ID, ClosureReason.COMPLETED, null))
                    .when(EngagementTest.session(TODAY, 60, 0, 0), ANA_AT_TGU)
                    .expectException(refusal("engagement-closed", null))
                    .expectNoEvents();
        }
    }

    @Nested
    class Results {

        @Test
        void ofEveryKindAreReported() {
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.Jobs(MAY, 2, 1, 3)), ANA_AT_TGU)
                    .expectEvents(jobs());
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.SalesIncrease(LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 5, 31), Money.of("100000.00", "HNL"), Money.of("160000.00", "HNL"))),
                            ANA_AT_TGU)
                    .expectEvents(new SalesIncreaseReported(ID, RESULT, LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 5, 31), Money.of("100000.00", "HNL"), Money.of("160000.00", "HNL")));
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.BusinessStart(MAY, "RM-2026-0042")), ANA_AT_TGU)
                    .expectEvents(new BusinessStartReported(ID, RESULT, MAY, "RM-2026-0042"));
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.Formalization(MAY, "RTN")), ANA_AT_TGU)
                    .expectEvents(new FormalizationReported(ID, RESULT, MAY, "RTN"));
        }

        @Test
        void jobsAreNeverNegativeNorAllZero() {
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.Jobs(MAY, -1, 0, 0)), ANA_AT_TGU)
                    .expectException(refusal("number-negative", "fullTimeCreated"));
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.Jobs(MAY, 1, -2, 0)), ANA_AT_TGU)
                    .expectException(refusal("number-negative", "partTimeCreated"));
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.Jobs(MAY, 0, 0, 0)), ANA_AT_TGU)
                    .expectException(refusal("jobs-empty", "fullTimeCreated"));
        }

        @Test
        void aSalesPeriodEndsAfterItStarts() {
            fixture.given(opened())
                    .when(new ReportResult(ID, RESULT, new ResultDetails.SalesIncrease(LocalDate.of(2026, 5, 31),
                            LocalDate.of(2026, 1, 1), Money.of("1.00", "HNL"), Money.of("2.00", "HNL"))), ANA_AT_TGU)
                    .expectException(refusal("period-ends-before-start", "periodEnd"))
                    .expectNoEvents();
        }

        @Test
        void areCorrectedBeforeVerificationKeepingTheirKind() {
            fixture.given(opened(), jobs(), attested())
                    .when(new CorrectResult(ID, RESULT, new ResultDetails.Jobs(MAY, 3, 1, 3), "Miscounted"), ANA_AT_TGU)
                    .expectEvents(new ResultCorrected(ID, RESULT, new ResultDetails.Jobs(MAY, 3, 1, 3), "Miscounted"));
            fixture.given(opened(), jobs())
                    .when(new CorrectResult(ID, RESULT, new ResultDetails.BusinessStart(MAY, "X"), "x"), ANA_AT_TGU)
                    .expectException(refusal("result-kind-changed", "details"));
            fixture.given(opened(), jobs(), attested(), new ResultVerified(ID, RESULT))
                    .when(new CorrectResult(ID, RESULT, new ResultDetails.Jobs(MAY, 3, 1, 3), "x"), ANA_AT_TGU)
                    .expectException(refusal("result-verified", "resultId"));
        }

        @Test
        void aRejectedResultIsClaimedAgainByCorrectingIt() {
            fixture.given(opened(), jobs(), new ResultRejected(ID, RESULT, "No payroll evidence"))
                    .when(new CorrectResult(ID, RESULT, new ResultDetails.Jobs(MAY, 1, 1, 3), "Payroll attached"),
                            ANA_AT_TGU)
                    .expectEvents(new ResultCorrected(ID, RESULT, new ResultDetails.Jobs(MAY, 1, 1, 3),
                            "Payroll attached"));
        }

        @Test
        void anUnknownResultIsNotFound() {
            fixture.given(opened())
                    .when(new VerifyResult(ID, new ResultId("nope")), ROSA_DIRECTOR)
                    .expectException(refusal("result-not-found", null));
        }
    }

    @Nested
    class Evidence {

        @Test
        void theClientAttests() {
            fixture.given(opened(), jobs())
                    .when(new AttestResult(ID, RESULT, AttestationMethod.SIGNED_FORM, "forms/2026/0042.pdf", SHA, MAY),
                            ANA_AT_TGU)
                    .expectEvents(attested());
        }

        @Test
        void aDirectorVerifiesAnAttestedResultOnce() {
            fixture.given(opened(), jobs(), attested())
                    .when(new VerifyResult(ID, RESULT), ROSA_DIRECTOR)
                    .expectEvents(new ResultVerified(ID, RESULT));
            fixture.given(opened(), jobs(), attested(), new ResultVerified(ID, RESULT))
                    .when(new VerifyResult(ID, RESULT), ROSA_DIRECTOR)
                    .expectException(refusal("result-already-verified", "resultId"))
                    .expectNoEvents();
        }

        @Test
        void nothingIsVerifiedWithoutAttestation() {
            fixture.given(opened(), jobs())
                    .when(new VerifyResult(ID, RESULT), ROSA_DIRECTOR)
                    .expectException(refusal("result-not-attested", "resultId"))
                    .expectNoEvents();
        }

        @Test
        void onlyADirectorOfTheCenterVerifiesRejectsOrReopens() {
            fixture.given(opened(), jobs(), attested())
                    .when(new VerifyResult(ID, RESULT), ANA_AT_TGU)
                    .expectException(refusal("director-only", null));
            fixture.given(opened(), jobs(), attested())
                    .when(new VerifyResult(ID, RESULT), CARLOS_DIRECTOR_GUA)
                    .expectException(refusal("engagement-not-found", null));
            fixture.given(opened(), jobs(), attested())
                    .when(new RejectResult(ID, RESULT, "x"), ANA_AT_TGU)
                    .expectException(refusal("director-only", null));
            fixture.given(opened(), jobs(), attested(), new ResultVerified(ID, RESULT))
                    .when(new ReopenResult(ID, RESULT, "x"), ANA_AT_TGU)
                    .expectException(refusal("director-only", null));
        }

        @Test
        void aDirectorRejectsWithAReason() {
            fixture.given(opened(), jobs(), attested())
                    .when(new RejectResult(ID, RESULT, "The form is not signed"), ROSA_DIRECTOR)
                    .expectEvents(new ResultRejected(ID, RESULT, "The form is not signed"));
        }

        @Test
        void aClaimIsWithdrawnButAVerifiedResultOnlyReopenedByADirector() {
            fixture.given(opened(), jobs())
                    .when(new WithdrawResult(ID, RESULT, "Client asked"), ANA_AT_TGU)
                    .expectEvents(new ResultWithdrawn(ID, RESULT, "Client asked"));
            fixture.given(opened(), jobs(), attested(), new ResultVerified(ID, RESULT))
                    .when(new WithdrawResult(ID, RESULT, "x"), ANA_AT_TGU)
                    .expectException(refusal("result-verified", "resultId"));
            fixture.given(opened(), jobs(), attested(), new ResultVerified(ID, RESULT))
                    .when(new ReopenResult(ID, RESULT, "Bank revised the amount"), ROSA_DIRECTOR)
                    .expectEvents(new ResultReopened(ID, RESULT, "Bank revised the amount"));
            fixture.given(opened(), jobs(), attested(), new ResultVerified(ID, RESULT),
                            new ResultReopened(ID, RESULT, "Bank revised the amount"))
                    .when(new CorrectResult(ID, RESULT, new ResultDetails.Jobs(MAY, 1, 1, 1), "Revised"), ANA_AT_TGU)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aWithdrawnResultNoLongerChanges() {
            fixture.given(opened(), jobs(), new ResultWithdrawn(ID, RESULT, "x"))
                    .when(new AttestResult(ID, RESULT, AttestationMethod.EMAIL, "mail", SHA, MAY), ANA_AT_TGU)
                    .expectException(refusal("result-not-open", "resultId"));
        }
    }

    @Nested
    class Life {

        @Test
        void isClosedAndReopened() {
            fixture.given(opened())
                    .when(new CloseEngagement(ID, ClosureReason.COMPLETED, "Loan obtained"), ANA_AT_TGU)
                    .expectEvents(new EngagementClosed(ID, ClosureReason.COMPLETED, "Loan obtained"));
            fixture.given(opened(), new EngagementClosed(ID, ClosureReason.NO_CONTACT, null))
                    .when(new CloseEngagement(ID, ClosureReason.COMPLETED, null), ANA_AT_TGU)
                    .expectException(refusal("engagement-closed", null));
            fixture.given(opened(), new EngagementClosed(ID, ClosureReason.NO_CONTACT, null))
                    .when(new ReopenEngagement(ID, "Client came back"), ANA_AT_TGU)
                    .expectEvents(new EngagementReopened(ID, "Client came back"));
            fixture.given(opened())
                    .when(new ReopenEngagement(ID, "x"), ANA_AT_TGU)
                    .expectException(refusal("engagement-open", null));
        }

        @Test
        void isTransferredToAnotherCenterFromADate() {
            fixture.given(opened())
                    .when(new TransferEngagement(ID, GUA, new CounselorId("luis.perez"), MAY), ANA_AT_TGU)
                    .expectEvents(new EngagementTransferred(ID, TGU, GUA, new CounselorId("luis.perez"), MAY));
            var luis = actor("luis.perez", Set.of(Role.COUNSELOR), Set.of(GUA), Role.COUNSELOR);
            fixture.given(opened(), new EngagementTransferred(ID, TGU, GUA, new CounselorId("luis.perez"), MAY))
                    .when(EngagementTest.session(TODAY, 60, 0, 0), luis)
                    .expectSuccessfulHandlerExecution();
            fixture.given(opened(), new EngagementTransferred(ID, TGU, GUA, new CounselorId("luis.perez"), MAY))
                    .when(EngagementTest.session(TODAY, 60, 0, 0), ANA_AT_TGU)
                    .expectException(refusal("engagement-not-found", null));
        }

        @Test
        void aTransferGoesSomewhereElseThatExistsAndNotBackInTime() {
            fixture.given(opened())
                    .when(new TransferEngagement(ID, TGU, ANA, MAY), ANA_AT_TGU)
                    .expectException(refusal("transfer-same-center", "toCenterId"));
            fixture.given(opened())
                    .when(new TransferEngagement(ID, new CenterId("XX-NOPE"), ANA, MAY), ANA_AT_TGU)
                    .expectException(refusal("center-unknown", "toCenterId"));
            var luis = actor("luis.perez", Set.of(Role.COUNSELOR), Set.of(GUA), Role.COUNSELOR);
            fixture.given(opened(), new EngagementTransferred(ID, TGU, GUA, new CounselorId("luis.perez"), MAY))
                    .when(new TransferEngagement(ID, TGU, ANA, MAY.minusDays(1)), luis)
                    .expectException(refusal("transfer-before-last", "effectiveDate"));
        }

        @Test
        void anotherCounselorIsAssigned() {
            fixture.given(opened())
                    .when(new AssignCounselor(ID, new CounselorId("jose.diaz")), ANA_AT_TGU)
                    .expectEvents(new CounselorAssigned(ID, new CounselorId("jose.diaz")));
            fixture.given(opened())
                    .when(new AssignCounselor(ID, ANA), ANA_AT_TGU)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class OneEnterpriseOneIdentity {

        @Test
        void aSecondIntakeWhileOneIsOpenNamesTheOpenEngagementsCenter() {
            identities.claim("HN", "08011999123456", new EngagementId("other"), GUA);
            fixture.givenNoPriorActivity()
                    .when(EngagementTest.intake(), ANA_AT_TGU)
                    .expectException(refusal("enterprise-engagement-open", "enterprise.taxId"))
                    .expectNoEvents();
        }

        @Test
        void closingReleasesTheIdentityAndReopeningClaimsItAgain() {
            identities.claim("HN", "08011999123456", ID, TGU);
            fixture.given(opened())
                    .when(new CloseEngagement(ID, ClosureReason.COMPLETED, null), ANA_AT_TGU)
                    .expectSuccessfulHandlerExecution();
            assertThat(identities.claims).isEmpty();
            identities.claim("HN", "08011999123456", new EngagementId("newer"), GUA);
            fixture.given(opened(), new EngagementClosed(ID, ClosureReason.COMPLETED, null))
                    .when(new ReopenEngagement(ID, "Back"), ANA_AT_TGU)
                    .expectException(refusal("enterprise-engagement-open", "enterprise.taxId"));
        }

        @Test
        void theTaxIdIsComparedWithoutSpacesDotsOrDashes() {
            identities.claim("HN", "08011999123456", new EngagementId("other"), GUA);
            OpenEngagement dashed = EngagementTest.intake();
            var enterprise = new org.casebook.shared.value.Enterprise(dashed.enterprise().name(), "0801-1999-123456",
                    "HN", null, dashed.enterprise().stage(), null);
            fixture.givenNoPriorActivity()
                    .when(new OpenEngagement(ID, TGU, ANA, INTAKE, enterprise, dashed.owner(), null, null, null, null,
                            null, null), ANA_AT_TGU)
                    .expectException(refusal("enterprise-engagement-open", "enterprise.taxId"));
        }
    }

    @Nested
    class PersonalDataErasure {

        static final Map<String, String> ADMIN = actor("admin", Set.of(Role.ADMIN), Set.of(), Role.ADMIN);

        @Test
        void aDirectorOfTheCenterErasesWithAReasonAndTheKeyAndTheIdentityClaimGoWithIt() {
            keys.keyToSeal(ID.value());
            identities.claim("HN", "08011999123456", ID, TGU);
            fixture.given(opened(), logged())
                    .when(new ErasePersonalData(ID, "Client's request 2026-114"), ROSA_DIRECTOR)
                    .expectEvents(new PersonalDataErased(ID, "Client's request 2026-114"));
            assertThat(keys.keyToOpen(ID.value())).isEmpty();
            assertThat(keys.erased()).containsExactly(ID.value());
            assertThat(identities.claims).isEmpty();
        }

        @Test
        void anAdministratorMayEraseInAnyCenter() {
            fixture.given(opened())
                    .when(new ErasePersonalData(ID, "Data protection authority order 7"), ADMIN)
                    .expectEvents(new PersonalDataErased(ID, "Data protection authority order 7"));
        }

        @Test
        void noCounselorNorADirectorOfAnotherCenterMayErase() {
            fixture.given(opened())
                    .when(new ErasePersonalData(ID, "Asked by phone"), ANA_AT_TGU)
                    .expectException(refusal("role-not-allowed", null))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(new ErasePersonalData(ID, "Asked by phone"), CARLOS_DIRECTOR_GUA)
                    .expectException(refusal("engagement-not-found", null))
                    .expectNoEvents();
            assertThat(keys.erased()).isEmpty();
        }

        @Test
        void isDoneOnceAndAlwaysWithAReason() {
            fixture.given(opened(), new PersonalDataErased(ID, "Client's request"))
                    .when(new ErasePersonalData(ID, "Again"), ROSA_DIRECTOR)
                    .expectException(refusal("personal-data-erased-already", null))
                    .expectNoEvents();
            assertThatThrownBy(() -> new ErasePersonalData(ID, "  ")).isInstanceOf(Refusal.class)
                    .extracting("code").isEqualTo("field-required");
        }

        @Test
        void afterErasureTheEngagementGoesOnWithoutClaimingTheTaxIdAgain() {
            fixture.given(opened(), new EngagementClosed(ID, ClosureReason.COMPLETED, null),
                            new PersonalDataErased(ID, "Client's request"))
                    .when(new ReopenEngagement(ID, "Back for a loan"), ANA_AT_TGU)
                    .expectEvents(new EngagementReopened(ID, "Back for a loan"));
            assertThat(identities.claims).isEmpty();
        }
    }
}
