package org.casebook.query.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.FinancingObtained;
import org.casebook.shared.event.JobsReported;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.SalesIncreaseReported;
import org.casebook.shared.event.BusinessStartReported;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;
import org.junit.jupiter.api.Test;

/** The figures, counted by hand for small histories. */
class FiguresCalculatorTest {

    static final String TGU = "HN-TGU-01";
    static final String GUA = "GT-GUA-01";
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final Rates HNL_MAY_ONLY = (currency, month) ->
            currency.equals("HNL") && month.equals(YearMonth.of(2026, 5))
                    ? Optional.of(new BigDecimal("0.0405")) : Optional.empty();

    /** An engagement's history, each event recorded a minute after the one before, from a start. */
    static final class History {
        final EngagementId id;
        final List<EngagementEvent> events = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        Instant clock;

        History(String id, String center, LocalDate intake, Gender gender, Instant start, String... programmes) {
            this.id = new EngagementId(id);
            this.clock = start;
            add(new EngagementOpened(this.id, new CenterId(center), new CounselorId("ana.lopez"), intake,
                    new Enterprise("E " + id, null, "HN", "1071", Stage.START_UP, null), new Owner(null, gender, null),
                    null, null, null, null, List.of(programmes).stream().map(ProgrammeCode::new).toList(), List.of()));
        }

        History add(EngagementEvent event) {
            events.add(event);
            times.add(clock);
            clock = clock.plusSeconds(60);
            return this;
        }

        History session(String session, LocalDate date, int contact, int prep, int travel) {
            return add(new CounselingSessionLogged(id, new SessionId(session), date, new CounselorId("ana.lopez"),
                    SessionType.IN_PERSON, "FINANCE", contact, prep, travel, null, null, 1));
        }

        EngagementFacts facts() {
            EngagementFacts facts = null;
            for (int i = 0; i < events.size(); i++) {
                facts = EngagementFacts.fold(facts, events.get(i), times.get(i), i);
            }
            return facts;
        }
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }

    static Dashboard center(String center, Instant asOf, Rates rates, History... histories) {
        return FiguresCalculator.dashboard("center:" + center, List.of(histories).stream().map(History::facts).toList(),
                center::equals, FROM, TO, asOf, rates);
    }

    @Test
    void sessionsMakeClientsServedHoursAndLongTermClients() {
        History maria = new History("e-1", TGU, LocalDate.of(2026, 3, 2), Gender.FEMALE, at("2026-03-02T15:00:00Z"))
                .session("s-1", LocalDate.of(2026, 3, 9), 180, 60, 30)
                .session("s-2", LocalDate.of(2026, 4, 9), 60, 0, 0)
                .session("s-3", LocalDate.of(2026, 4, 10), 500, 0, 0);
        maria.add(new CounselingSessionVoided(maria.id, new SessionId("s-3"), "Logged twice"));
        History jose = new History("e-2", TGU, LocalDate.of(2025, 11, 2), Gender.MALE, at("2025-11-02T15:00:00Z"))
                .session("s-4", LocalDate.of(2025, 12, 20), 600, 0, 0)
                .session("s-5", LocalDate.of(2026, 1, 5), 45, 15, 0);
        jose.add(new CounselingSessionCorrected(jose.id, new SessionId("s-5"), LocalDate.of(2026, 1, 6),
                new CounselorId("ana.lopez"), SessionType.PHONE, "FINANCE", 90, 30, 0, null, null, "Longer", 1));

        Figures figures = center(TGU, null, HNL_MAY_ONLY, maria, jose).figures();
        assertThat(figures.clientsServed()).isEqualTo(2);
        assertThat(figures.newClients()).as("José came in 2025").isEqualTo(1);
        // María: 240 + 60 (the voided 500 does not count); José: the corrected 120, not the 600 of 2025
        assertThat(figures.counselingHours()).isEqualByComparingTo("7.00");
        assertThat(figures.travelHours()).isEqualByComparingTo("0.50");
        assertThat(figures.longTermClients()).as("María has 5 hours in the range, José 2").isEqualTo(1);
    }

    @Test
    void resultsCountClaimedAndVerifiedInUsdAtTheRateOfTheirMonth() {
        History history = new History("e-1", TGU, LocalDate.of(2026, 3, 2), Gender.FEMALE, at("2026-03-02T15:00:00Z"));
        ResultId loan = new ResultId("r-1");
        ResultId grant = new ResultId("r-2");
        ResultId dollars = new ResultId("r-3");
        ResultId jobs = new ResultId("r-4");
        ResultId rejected = new ResultId("r-5");
        history.add(new FinancingObtained(history.id, loan, FinancingInstrument.LOAN, "Banco",
                        Money.of("120000.00", "HNL"), LocalDate.of(2026, 5, 20)))
                .add(new ResultAttested(history.id, loan, AttestationMethod.SIGNED_FORM, "f", "a".repeat(64),
                        LocalDate.of(2026, 5, 21)))
                .add(new ResultVerified(history.id, loan))
                .add(new FinancingObtained(history.id, grant, FinancingInstrument.GRANT, "EU",
                        Money.of("10000.00", "HNL"), LocalDate.of(2026, 6, 2)))
                .add(new FinancingObtained(history.id, dollars, FinancingInstrument.EQUITY, "Angel",
                        Money.of("2500.50", "USD"), LocalDate.of(2026, 6, 3)))
                .add(new JobsReported(history.id, jobs, LocalDate.of(2026, 6, 30), 2, 1, 3))
                .add(new JobsReported(history.id, rejected, LocalDate.of(2026, 6, 30), 9, 9, 9))
                .add(new ResultRejected(history.id, rejected, "No payroll"))
                .add(new SalesIncreaseReported(history.id, new ResultId("r-6"), LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 5, 31), Money.of("100000.00", "HNL"), Money.of("160000.00", "HNL")))
                .add(new BusinessStartReported(history.id, new ResultId("r-7"), LocalDate.of(2026, 4, 1), "RM-1"));

        Dashboard dashboard = center(TGU, null, HNL_MAY_ONLY, history);
        Figures figures = dashboard.figures();
        // 120000 HNL × 0.0405 = 4860.00; the June grant has no rate and is left out; 2500.50 USD needs none
        assertThat(figures.capitalObtainedUsd().claimed()).isEqualTo("7360.50");
        assertThat(figures.capitalObtainedUsd().verified()).isEqualTo("4860.00");
        assertThat(figures.capitalObtainedByCurrency().get("HNL").claimed()).isEqualTo("130000.00");
        assertThat(figures.capitalObtainedByCurrency().get("HNL").verified()).isEqualTo("120000.00");
        assertThat(dashboard.missingRates()).containsExactly(new Dashboard.RateKey("HNL", "2026-06"));
        assertThat(dashboard.ratesUsed()).containsExactly(
                new Dashboard.RateUsed("HNL", "2026-05", new BigDecimal("0.0405")));
        // 2 full-time + 0.5 × 1 part-time; the rejected result does not count
        assertThat(figures.jobsCreated().claimed()).isEqualByComparingTo("2.5");
        assertThat(figures.jobsCreated().verified()).isEqualByComparingTo("0");
        assertThat(figures.jobsRetained().claimed()).isEqualByComparingTo("3");
        // (160000 − 100000) HNL at May's rate
        assertThat(figures.salesIncreaseUsd().claimed()).isEqualTo("2430.00");
        assertThat(figures.businessStarts().claimed()).isEqualTo(1);
        assertThat(figures.businessStarts().verified()).isZero();
        assertThat(dashboard.breakdowns().get("gender").get("FEMALE").capitalObtainedUsd().claimed())
                .isEqualTo("7360.50");
    }

    @Test
    void aTransferMovesLaterFiguresNeverEarlierOnes() {
        History history = new History("e-1", TGU, LocalDate.of(2026, 3, 2), Gender.FEMALE, at("2026-03-02T15:00:00Z"))
                .session("s-1", LocalDate.of(2026, 3, 9), 60, 0, 0);
        history.add(new EngagementTransferred(history.id, new CenterId(TGU), new CenterId(GUA),
                        new CounselorId("luis.perez"), LocalDate.of(2026, 4, 1)))
                .session("s-2", LocalDate.of(2026, 4, 9), 120, 0, 0);
        assertThat(center(TGU, null, HNL_MAY_ONLY, history).figures().counselingHours()).isEqualByComparingTo("1.00");
        assertThat(center(GUA, null, HNL_MAY_ONLY, history).figures().counselingHours()).isEqualByComparingTo("2.00");
        assertThat(center(GUA, null, HNL_MAY_ONLY, history).figures().newClients()).isZero();
    }

    @Test
    void asOfCountsOnlyWhatWasRecordedByThen() {
        History history = new History("e-1", TGU, LocalDate.of(2026, 3, 2), Gender.FEMALE, at("2026-03-02T15:00:00Z"))
                .session("s-1", LocalDate.of(2026, 3, 9), 60, 0, 0);
        history.clock = at("2026-04-01T10:00:00Z");
        history.add(new CounselingSessionCorrected(history.id, new SessionId("s-1"), LocalDate.of(2026, 3, 9),
                new CounselorId("ana.lopez"), SessionType.PHONE, "FINANCE", 180, 0, 0, null, null, "Longer", 1));
        history.session("s-2", LocalDate.of(2026, 3, 30), 30, 0, 0);

        Dashboard before = center(TGU, at("2026-03-31T23:59:59Z"), HNL_MAY_ONLY, history);
        Dashboard now = center(TGU, null, HNL_MAY_ONLY, history);
        assertThat(before.figures().counselingHours()).isEqualByComparingTo("1.00");
        assertThat(now.figures().counselingHours()).isEqualByComparingTo("3.50");
        assertThat(center(TGU, at("2026-03-01T00:00:00Z"), HNL_MAY_ONLY, history).figures().newClients())
                .as("nothing was recorded yet").isZero();
        assertThat(center(TGU, at("2026-03-31T23:59:59Z"), HNL_MAY_ONLY, history))
                .as("the same answer every time").isEqualTo(before);
    }

    @Test
    void anEmptyScopeHasZeroFigures() {
        Figures figures = center(GUA, null, HNL_MAY_ONLY).figures();
        assertThat(figures.clientsServed()).isZero();
        assertThat(figures.capitalObtainedUsd()).isEqualTo(new Figures.Both<>("0.00", "0.00"));
        assertThat(figures.capitalObtainedByCurrency()).isEqualTo(Map.of());
    }
}
