package org.casebook.command.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casebook.command.ActorRequired;
import org.casebook.command.reference.ReferenceData;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.command.engagement.Commands.ReportResult;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of an engagement, as given events → command → expected events or refusal. */
class EngagementTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate INTAKE = LocalDate.of(2026, 3, 2);
    static final EngagementId ID = new EngagementId("e-1");
    static final SessionId SESSION = new SessionId("s-1");
    static final ResultId RESULT = new ResultId("r-1");
    static final CounselorId ANA = new CounselorId("ana.lopez");
    static final ProgrammeCode DINAMICA = new ProgrammeCode("DINAMICA");

    static final CenterId TGU = new CenterId("HN-TGU-01");
    static final Map<String, String> ANA_AT_TGU = actor("ana.lopez", Set.of(Role.COUNSELOR), Set.of(TGU), Role.COUNSELOR);

    /** Centers and programmes an administrator has defined, for the fixture. */
    static final ReferenceData REFERENCE = new ReferenceData() {
        @Override
        public boolean centerExists(CenterId center) {
            return Set.of(TGU, new CenterId("GT-GUA-01")).contains(center);
        }

        @Override
        public boolean programmeExists(ProgrammeCode programme) {
            return programme.equals(DINAMICA);
        }
    };

    private AggregateTestFixture<Engagement> fixture;
    private InMemoryIdentities identities;

    static Map<String, String> actor(String user, Set<Role> roles, Set<CenterId> centers, Role... acting) {
        return new Actor(user, roles, centers, Set.of()).toMetaData(acting);
    }

    @BeforeEach
    void setUp() {
        identities = new InMemoryIdentities();
        fixture = fixture(identities);
    }

    /** An engagement's fixture with the reference data, the identities and the clock its handlers are given. */
    static AggregateTestFixture<Engagement> fixture(InMemoryIdentities identities) {
        AggregateTestFixture<Engagement> fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerCommandHandlerInterceptor(new ActorRequired());
        fixture.registerInjectableResource(REFERENCE);
        fixture.registerInjectableResource(identities);
        // The end of the day in UTC, so "today" is the same date wherever the test runs.
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-06-15T23:30:00Z"), ZoneOffset.UTC));
        return fixture;
    }

    static OpenEngagement intake(LocalDate date, Baseline baseline) {
        return intake(TGU, date, baseline, List.of(DINAMICA));
    }

    static OpenEngagement intake(CenterId center, LocalDate date, Baseline baseline, List<ProgrammeCode> programmes) {
        return new OpenEngagement(ID, center, ANA, date,
                new Enterprise("Panadería La Esperanza", "08011999123456", "HN", "1071", Stage.IN_BUSINESS,
                        "SOLE_PROPRIETOR"),
                new Owner("María Fernández", Gender.FEMALE, 1985),
                new Contact("maria@example.org", "+504 9999-0000"), "RADIO", new Consents(true, false),
                baseline, programmes, List.of("FINANCE", "MARKETING"));
    }

    static OpenEngagement intake() {
        return intake(INTAKE, new Baseline(2, 1, Money.of("350000.00", "HNL")));
    }

    static EngagementOpened opened() {
        OpenEngagement command = intake();
        return new EngagementOpened(ID, command.centerId(), ANA, INTAKE, command.enterprise(), command.owner(),
                command.contact(), "RADIO", command.consents(), command.baseline(), command.programmes(),
                command.needs());
    }

    static LogCounselingSession session(LocalDate date, int contact, int prep, int travel) {
        return new LogCounselingSession(ID, SESSION, date, ANA, SessionType.IN_PERSON, "FINANCE", contact, prep,
                travel, DINAMICA, "Cash-flow plan for the bank.", null);
    }

    static ReportResult financing(LocalDate date, String amount, String currency) {
        return new ReportResult(ID, RESULT, new ResultDetails.Financing(FinancingInstrument.LOAN, "Banco Atlántida",
                new Money(new BigDecimal(amount), currency), date));
    }

    /** Matches the refusal with this code, naming this field. */
    static Matcher<Object> refusal(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal refusal && refusal.code().equals(code)
                        && Objects.equals(refusal.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + code + " of the field " + field);
            }
        };
    }

    @Nested
    class Intake {

        @Test
        void opensTheEngagement() {
            fixture.givenNoPriorActivity()
                    .when(intake(), ANA_AT_TGU)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
        }

        @Test
        void recordsTheCenterItWasDoneFor() {
            fixture.givenNoPriorActivity()
                    .when(intake(), ANA_AT_TGU)
                    .expectEvents(GenericEventMessage.asEventMessage(opened())
                            .andMetaData(MetaData.with("centerId", "HN-TGU-01")));
        }

        @Test
        void isRefusedWithoutAnActor() {
            fixture.givenNoPriorActivity()
                    .when(intake())
                    .expectException(refusal("actor-missing", null))
                    .expectNoEvents();
        }

        @Test
        void isRefusedForACenterTheCounselorDoesNotWorkFor() {
            fixture.givenNoPriorActivity()
                    .when(intake(new CenterId("GT-GUA-01"), INTAKE, null, List.of()), ANA_AT_TGU)
                    .expectException(refusal("center-not-yours", "centerId"))
                    .expectNoEvents();
        }

        @Test
        void isRefusedToRolesThatDoNotRecordCases() {
            var donor = new Actor("kfw", Set.of(Role.DONOR), Set.of(TGU), Set.of(DINAMICA)).toMetaData(Role.DONOR);
            fixture.givenNoPriorActivity()
                    .when(intake(), donor)
                    .expectException(refusal("role-not-allowed", null))
                    .expectNoEvents();
        }

        @Test
        void isRefusedForAnUnknownCenter() {
            CenterId unknown = new CenterId("HN-XXX-99");
            fixture.givenNoPriorActivity()
                    .when(intake(unknown, INTAKE, null, List.of()),
                            actor("ana.lopez", Set.of(Role.COUNSELOR), Set.of(unknown), Role.COUNSELOR))
                    .expectException(refusal("center-unknown", "centerId"))
                    .expectNoEvents();
        }

        @Test
        void isRefusedNamingAnUnknownProgramme() {
            fixture.givenNoPriorActivity()
                    .when(intake(TGU, INTAKE, null, List.of(DINAMICA, new ProgrammeCode("NOPE"))), ANA_AT_TGU)
                    .expectException(refusal("programme-unknown", "programmes"))
                    .expectNoEvents();
        }

        @Test
        void mayBeDatedToday() {
            fixture.givenNoPriorActivity()
                    .when(intake(TODAY, null), ANA_AT_TGU)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void isRefusedWhenDatedInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(intake(TODAY.plusDays(1), null), ANA_AT_TGU)
                    .expectException(refusal("date-in-future", "intakeDate"))
                    .expectNoEvents();
        }

        @Test
        void isRefusedWithNegativeBaselineEmployees() {
            fixture.givenNoPriorActivity()
                    .when(intake(INTAKE, new Baseline(-1, 0, null)), ANA_AT_TGU)
                    .expectException(refusal("number-negative", "baseline.fullTimeEmployees"))
                    .expectNoEvents();
        }

        @Test
        void isRefusedWithNegativeBaselineSales() {
            fixture.givenNoPriorActivity()
                    .when(intake(INTAKE, new Baseline(0, 0, Money.of("-1.00", "HNL"))), ANA_AT_TGU)
                    .expectException(refusal("amount-negative", "baseline.annualSales"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CounselingSession {

        @Test
        void isLogged() {
            fixture.given(opened())
                    .when(session(LocalDate.of(2026, 3, 9), 90, 30, 15), ANA_AT_TGU)
                    .expectResultMessagePayload(SESSION)
                    .expectEvents(new CounselingSessionLogged(ID, SESSION, LocalDate.of(2026, 3, 9), ANA,
                            SessionType.IN_PERSON, "FINANCE", 90, 30, 15, DINAMICA, "Cash-flow plan for the bank.", 1));
        }

        @Test
        void isRefusedToACounselorOfAnotherCenterAsIfTheEngagementDidNotExist() {
            var guatemala = actor("luis.perez", Set.of(Role.COUNSELOR), Set.of(new CenterId("GT-GUA-01")),
                    Role.COUNSELOR);
            fixture.given(opened())
                    .when(session(LocalDate.of(2026, 3, 9), 90, 0, 0), guatemala)
                    .expectException(refusal("engagement-not-found", null))
                    .expectNoEvents();
        }

        @Test
        void mayBeLoggedByADirectorOfTheCenter() {
            fixture.given(opened())
                    .when(session(LocalDate.of(2026, 3, 9), 90, 0, 0),
                            actor("rosa.director", Set.of(Role.DIRECTOR), Set.of(TGU), Role.DIRECTOR))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void mayBeOnTheIntakeDayAndToday() {
            fixture.given(opened()).when(session(INTAKE, 60, 0, 0), ANA_AT_TGU).expectSuccessfulHandlerExecution();
            fixture.given(opened()).when(session(TODAY, 60, 0, 0), ANA_AT_TGU).expectSuccessfulHandlerExecution();
        }

        @Test
        void isRefusedOnAnUnknownEngagement() {
            fixture.givenNoPriorActivity()
                    .when(session(LocalDate.of(2026, 3, 9), 90, 0, 0), ANA_AT_TGU)
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void isRefusedBeforeIntake() {
            fixture.given(opened())
                    .when(session(INTAKE.minusDays(1), 90, 0, 0), ANA_AT_TGU)
                    .expectException(refusal("date-before-intake", "date"))
                    .expectNoEvents();
        }

        @Test
        void isRefusedInTheFuture() {
            fixture.given(opened())
                    .when(session(TODAY.plusDays(1), 90, 0, 0), ANA_AT_TGU)
                    .expectException(refusal("date-in-future", "date"))
                    .expectNoEvents();
        }

        @Test
        void needsContactMinutes() {
            fixture.given(opened())
                    .when(session(TODAY, 0, 30, 0), ANA_AT_TGU)
                    .expectException(refusal("contact-minutes-not-positive", "contactMinutes"))
                    .expectNoEvents();
        }

        @Test
        void refusesNegativePreparationOrTravel() {
            fixture.given(opened())
                    .when(session(TODAY, 60, -1, 0), ANA_AT_TGU)
                    .expectException(refusal("minutes-negative", "prepMinutes"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(session(TODAY, 60, 0, -5), ANA_AT_TGU)
                    .expectException(refusal("minutes-negative", "travelMinutes"))
                    .expectNoEvents();
        }

        @Test
        void refusesMoreThanADay() {
            fixture.given(opened())
                    .when(session(TODAY, 24 * 60 + 1, 0, 0), ANA_AT_TGU)
                    .expectException(refusal("minutes-too-many", "contactMinutes"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameSessionTwice() {
            LogCounselingSession session = session(TODAY, 60, 0, 0);
            fixture.given(opened(), new CounselingSessionLogged(ID, SESSION, TODAY, ANA, SessionType.PHONE, "FINANCE",
                            60, 0, 0, null, null, 1))
                    .when(session, ANA_AT_TGU)
                    .expectException(refusal("session-exists", "sessionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Financing {

        @Test
        void isRecorded() {
            fixture.given(opened())
                    .when(financing(LocalDate.of(2026, 5, 20), "120000.00", "HNL"), ANA_AT_TGU)
                    .expectResultMessagePayload(RESULT)
                    .expectEvents(new FinancingObtained(ID, RESULT, FinancingInstrument.LOAN, "Banco Atlántida",
                            Money.of("120000.00", "HNL"), LocalDate.of(2026, 5, 20)));
        }

        @Test
        void isRefusedOnAnUnknownEngagement() {
            fixture.givenNoPriorActivity()
                    .when(financing(LocalDate.of(2026, 5, 20), "100.00", "USD"), ANA_AT_TGU)
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void needsAPositiveAmount() {
            fixture.given(opened())
                    .when(financing(LocalDate.of(2026, 5, 20), "0.00", "HNL"), ANA_AT_TGU)
                    .expectException(refusal("amount-not-positive", "amount"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(financing(LocalDate.of(2026, 5, 20), "-500", "HNL"), ANA_AT_TGU)
                    .expectException(refusal("amount-not-positive", "amount"))
                    .expectNoEvents();
        }

        @Test
        void refusesMoreDecimalsThanTheCurrencyHas() {
            fixture.given(opened())
                    .when(financing(LocalDate.of(2026, 5, 20), "100.005", "HNL"), ANA_AT_TGU)
                    .expectException(refusal("amount-too-precise", "amount"))
                    .expectNoEvents();
        }

        @Test
        void isRefusedBeforeIntakeOrInTheFuture() {
            fixture.given(opened())
                    .when(financing(INTAKE.minusDays(1), "100.00", "HNL"), ANA_AT_TGU)
                    .expectException(refusal("date-before-intake", "dateObtained"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(financing(TODAY.plusDays(1), "100.00", "HNL"), ANA_AT_TGU)
                    .expectException(refusal("date-in-future", "dateObtained"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameResultTwice() {
            fixture.given(opened(), new FinancingObtained(ID, RESULT, FinancingInstrument.GRANT, "EU",
                            Money.of("10.00", "EUR"), INTAKE))
                    .when(financing(LocalDate.of(2026, 5, 20), "100.00", "HNL"), ANA_AT_TGU)
                    .expectException(refusal("result-exists", "resultId"))
                    .expectNoEvents();
        }
    }
}
