package org.casebook.command.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casebook.command.engagement.EngagementTest.ANA;
import static org.casebook.command.engagement.EngagementTest.ANA_AT_TGU;
import static org.casebook.command.engagement.EngagementTest.DINAMICA;
import static org.casebook.command.engagement.EngagementTest.ID;
import static org.casebook.command.engagement.EngagementTest.INTAKE;
import static org.casebook.command.engagement.EngagementTest.RESULT;
import static org.casebook.command.engagement.EngagementTest.SESSION;
import static org.casebook.command.engagement.EngagementTest.TGU;
import static org.casebook.command.engagement.EngagementTest.actor;
import static org.casebook.command.engagement.EngagementTest.financing;
import static org.casebook.command.engagement.EngagementTest.intake;
import static org.casebook.command.engagement.EngagementTest.opened;
import static org.casebook.command.engagement.EngagementTest.refusal;
import static org.casebook.command.engagement.EngagementTest.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casebook.command.engagement.Commands.AttestResult;
import org.casebook.command.engagement.Commands.CloseEngagement;
import org.casebook.command.engagement.Commands.ReopenEngagement;
import org.casebook.command.engagement.Commands.VerifyResult;
import org.casebook.command.engagement.ImportEngagementHistory.Closure;
import org.casebook.command.engagement.ImportEngagementHistory.ImportedResult;
import org.casebook.command.engagement.ImportEngagementHistory.ImportedSession;
import org.casebook.command.engagement.ImportEngagementHistory.LegacyEvidence;
import org.casebook.command.engagement.ImportEngagementHistory.Outcome;
import org.casebook.command.engagement.ImportEngagementHistory.RevokeImport;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.ResultWithdrawn;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.imported.Imported.LegacyVerification;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.ResultStatus;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a history brought across from a legacy system, and of revoking it. */
class ImportedHistoryTest {

    static final Map<String, String> ADMIN = actor("admin", Set.of(Role.ADMIN), Set.of(), Role.ADMIN);
    static final Imported BATCH = new Imported("b-1", "Neoserra", "E-100");
    static final String SHA = "a".repeat(64);
    static final LocalDate VERIFIED_ON = LocalDate.of(2026, 5, 20);

    private AggregateTestFixture<Engagement> fixture;
    private InMemoryIdentities identities;
    private final List<EventMessage<?>> stored = new ArrayList<>();

    @BeforeEach
    void setUp() {
        identities = new InMemoryIdentities();
        fixture = EngagementTest.fixture(identities);
    }

    static ImportEngagementHistory history(List<ImportedSession> sessions, List<ImportedResult> results, Closure closure) {
        return new ImportEngagementHistory(ID, BATCH, intake(), sessions, results, closure);
    }

    static ImportedSession sessionRow(LocalDate date) {
        return new ImportedSession("S-7", session(date, 90, 30, 20));
    }

    static ImportedResult verifiedLoan() {
        return new ImportedResult("R-9", financing(LocalDate.of(2026, 5, 10), "250000.00", "HNL"),
                new LegacyEvidence(ResultStatus.VERIFIED, "DOC-77", SHA, new LegacyVerification("Lic. Rivera", VERIFIED_ON)));
    }

    /** Keeps the events the command stored, to look at them with their metadata. */
    private BaseMatcher<List<EventMessage<?>>> keep() {
        return new BaseMatcher<>() {
            @Override
            @SuppressWarnings("unchecked")
            public boolean matches(Object item) {
                stored.clear();
                stored.addAll((List<EventMessage<?>>) item);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        };
    }

    private List<Object> types() {
        return stored.stream().map(event -> (Object) event.getPayloadType()).toList();
    }

    @Test
    void opensTheEngagementWithItsWholeHistoryEachEventSayingWhereItCameFrom() {
        fixture.givenNoPriorActivity()
                .when(history(List.of(sessionRow(LocalDate.of(2026, 4, 1))), List.of(verifiedLoan()),
                        new Closure(LocalDate.of(2026, 6, 1), ClosureReason.COMPLETED)), ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Outcome(true, List.of(SESSION.value()), List.of(RESULT.value()), 0, 0,
                        true, false))
                .expectEventsMatching(keep());
        assertThat(types()).containsExactly(EngagementOpened.class,
                CounselingSessionLogged.class, FinancingObtained.class, ResultAttested.class, ResultVerified.class,
                EngagementClosed.class);
        assertThat(stored).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry(Imported.BATCH, "b-1").containsEntry(Imported.SYSTEM, "Neoserra")
                    .containsEntry("centerId", TGU.value());
        });
        assertThat(stored).extracting(event -> event.getMetaData().get(Imported.LEGACY_ID))
                .containsExactly("E-100", "S-7", "R-9", "R-9", "R-9", "E-100");
        ResultAttested attested = (ResultAttested) stored.get(3).getPayload();
        assertThat(attested.method()).isEqualTo(AttestationMethod.LEGACY_RECORD);
        assertThat(attested.date()).as("dated when the legacy system verified it").isEqualTo(VERIFIED_ON);
        assertThat(LegacyVerification.of(stored.get(4).getMetaData()))
                .contains(new LegacyVerification("Lic. Rivera", VERIFIED_ON));
        assertThat(stored.get(5).getMetaData()).containsEntry(Imported.LEGACY_DATE, "2026-06-01");
    }

    @Test
    void keepsTheRejectedAndWithdrawnStatesTheLegacySystemGave() {
        ImportedResult rejected = new ImportedResult("R-1", financing(LocalDate.of(2026, 5, 10), "10.00", "HNL"),
                new LegacyEvidence(ResultStatus.REJECTED, null, null, null));
        ImportedResult withdrawn = new ImportedResult("R-2", new Commands.ReportResult(ID, new ResultId("r-2"),
                new org.casebook.shared.value.ResultDetails.BusinessStart(LocalDate.of(2026, 4, 2), "RM-1")),
                new LegacyEvidence(ResultStatus.WITHDRAWN, null, null, null));
        fixture.givenNoPriorActivity()
                .when(history(List.of(), List.of(rejected, withdrawn), null), ADMIN)
                .expectEventsMatching(keep());
        assertThat(types()).containsExactly(EngagementOpened.class,
                FinancingObtained.class, ResultRejected.class,
                org.casebook.shared.event.BusinessStartReported.class, ResultWithdrawn.class);
    }

    @Test
    void isForAdministratorsOnly() {
        fixture.givenNoPriorActivity()
                .when(history(List.of(), List.of(), null), ANA_AT_TGU)
                .expectException(refusal("role-not-allowed", null))
                .expectNoEvents();
    }

    @Test
    void holdsTheRulesOfTheCommandsItStandsFor() {
        fixture.givenNoPriorActivity()
                .when(history(List.of(sessionRow(INTAKE.minusDays(1))), List.of(), null), ADMIN)
                .expectException(refusal("date-before-intake", "date"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(history(List.of(), List.of(new ImportedResult("R-9",
                        financing(LocalDate.of(2026, 7, 1), "1.00", "HNL"), null)), null), ADMIN)
                .expectException(refusal("date-in-future", "dateObtained"))
                .expectNoEvents();
    }

    @Test
    void refusesAVerifiedResultWithoutItsEvidenceOrWhoVerifiedIt() {
        assertThatThrownBy(() -> new LegacyEvidence(ResultStatus.VERIFIED, "DOC", "not-a-hash", null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("sha256-invalid"));
        assertThatThrownBy(() -> new LegacyEvidence(ResultStatus.VERIFIED, "DOC", SHA, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("verifiedDate"));
        assertThatThrownBy(() -> new LegacyEvidence(ResultStatus.ATTESTED, null, SHA, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("evidenceRef"));
    }

    @Test
    void sentAgainStoresNothingTwiceAndAddsOnlyTheNewRows() {
        EngagementOpened opened = opened();
        fixture.given(opened, new CounselingSessionLogged(ID, SESSION, LocalDate.of(2026, 4, 1), ANA,
                        org.casebook.shared.value.SessionType.IN_PERSON, "FINANCE", 90, 30, 20, DINAMICA, "x", 1))
                .when(history(List.of(sessionRow(LocalDate.of(2026, 4, 1))), List.of(verifiedLoan()), null), ADMIN)
                .expectResultMessagePayload(new Outcome(false, List.of(), List.of(RESULT.value()), 1, 0, false, false))
                .expectEventsMatching(keep());
        assertThat(types()).containsExactly(FinancingObtained.class,
                ResultAttested.class, ResultVerified.class);
    }

    @Test
    void addsNoRowsToAnEngagementTheLegacySystemClosed() {
        fixture.given(opened(), new EngagementClosed(ID, ClosureReason.COMPLETED, null))
                .when(history(List.of(sessionRow(LocalDate.of(2026, 4, 1))), List.of(), null), ADMIN)
                .expectException(refusal("engagement-closed", null))
                .expectNoEvents();
    }

    @Test
    void anEngagementTheLegacySystemClosedClaimsNoIdentity() {
        identities.claim("HN", "08011999123456", new org.casebook.shared.id.EngagementId("e-open"), TGU);
        fixture.givenNoPriorActivity()
                .when(history(List.of(), List.of(), new Closure(LocalDate.of(2026, 6, 1), ClosureReason.NO_CONTACT)), ADMIN)
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(history(List.of(), List.of(), null), ADMIN)
                .expectException(refusal("enterprise-engagement-open", "enterprise.taxId"));
    }

    @Test
    void revokingClosesTheEngagementAsImportedInErrorForGood() {
        EngagementOpened opened = opened();
        fixture.given(GenericEventMessage.asEventMessage(opened).andMetaData(BATCH.metaData()))
                .when(new RevokeImport(ID, "b-1", List.of(), List.of()), ADMIN)
                .expectEventsMatching(keep());
        assertThat(stored).extracting(EventMessage::getPayload).singleElement()
                .isInstanceOfSatisfying(EngagementClosed.class,
                        closed -> assertThat(closed.reason()).isEqualTo(ClosureReason.IMPORTED_IN_ERROR));
        assertThat(identities.claims).as("the identity is free again").isEmpty();

        EngagementClosed revoked = (EngagementClosed) stored.get(0).getPayload();
        fixture.given(GenericEventMessage.asEventMessage(opened).andMetaData(BATCH.metaData()), revoked)
                .when(new ReopenEngagement(ID, "It was real after all"), ANA_AT_TGU)
                .expectException(refusal("engagement-revoked", null))
                .expectNoEvents();
        fixture.given(GenericEventMessage.asEventMessage(opened).andMetaData(BATCH.metaData()), revoked)
                .when(history(List.of(sessionRow(LocalDate.of(2026, 4, 1))), List.of(), null), ADMIN)
                .expectResultMessagePayload(new Outcome(false, List.of(), List.of(), 1, 0, false, true))
                .expectNoEvents();
        fixture.given(GenericEventMessage.asEventMessage(opened).andMetaData(BATCH.metaData()), revoked)
                .when(new RevokeImport(ID, "b-1", List.of(), List.of()), ADMIN)
                .expectNoEvents();
    }

    @Test
    void revokingALaterBatchTakesBackOnlyWhatItAdded() {
        fixture.given(GenericEventMessage.asEventMessage(opened()).andMetaData(BATCH.metaData()),
                        new CounselingSessionLogged(ID, SESSION, LocalDate.of(2026, 4, 1), ANA,
                                org.casebook.shared.value.SessionType.IN_PERSON, "FINANCE", 90, 30, 20, DINAMICA, "x", 1),
                        new FinancingObtained(ID, RESULT, org.casebook.shared.value.FinancingInstrument.LOAN, "Banco",
                                org.casebook.shared.value.Money.of("5.00", "HNL"), LocalDate.of(2026, 5, 1)),
                        new ResultAttested(ID, RESULT, AttestationMethod.LEGACY_RECORD, "DOC", SHA, VERIFIED_ON),
                        new ResultVerified(ID, RESULT))
                .when(new RevokeImport(ID, "b-2", List.of(SESSION.value()), List.of(RESULT.value())), ADMIN)
                .expectEventsMatching(keep());
        assertThat(types())
                .containsExactly(CounselingSessionVoided.class, ResultWithdrawn.class);
    }

    @Test
    void isOnlyForAdministrators() {
        fixture.given(GenericEventMessage.asEventMessage(opened()).andMetaData(BATCH.metaData()))
                .when(new RevokeImport(ID, "b-1", List.of(), List.of()),
                        actor("dir", Set.of(Role.DIRECTOR), Set.of(TGU), Role.DIRECTOR))
                .expectException(refusal("role-not-allowed", null));
    }

    @Test
    void peopleCannotUseTheImportsOwnReasonAndMethod() {
        assertThatThrownBy(() -> new CloseEngagement(ID, ClosureReason.IMPORTED_IN_ERROR, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("closure-reason-reserved"));
        assertThatThrownBy(() -> new AttestResult(ID, RESULT, AttestationMethod.LEGACY_RECORD, "DOC", SHA, VERIFIED_ON))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("attestation-method-reserved"));
    }

    @Test
    void aResultVerifiedBeforeCasebookCannotBeVerifiedAgain() {
        fixture.given(GenericEventMessage.asEventMessage(opened()).andMetaData(BATCH.metaData()),
                        new FinancingObtained(ID, RESULT, org.casebook.shared.value.FinancingInstrument.LOAN, "Banco",
                                org.casebook.shared.value.Money.of("5.00", "HNL"), LocalDate.of(2026, 5, 1)),
                        new ResultAttested(ID, RESULT, AttestationMethod.LEGACY_RECORD, "DOC", SHA, VERIFIED_ON),
                        new ResultVerified(ID, RESULT))
                .when(new VerifyResult(ID, RESULT), actor("dir", Set.of(Role.DIRECTOR), Set.of(TGU), Role.DIRECTOR))
                .expectException(refusal("result-already-verified", "resultId"));
    }

}
