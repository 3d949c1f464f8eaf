package org.casebook.query.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.query.engagement.EngagementEvents.ID;
import static org.casebook.query.engagement.EngagementEvents.financing;
import static org.casebook.query.engagement.EngagementEvents.opened;
import static org.casebook.query.engagement.EngagementEvents.session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.JobsReported;
import org.casebook.shared.event.PersonalDataErased;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultCorrected;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;
import org.casebook.shared.value.SessionType;
import org.junit.jupiter.api.Test;

/** The fold of an engagement's events, as plain code. */
class EngagementViewTest {

    static EngagementView foldAll(List<EngagementEvent> events) {
        EngagementView view = null;
        long sequence = 0;
        for (EngagementEvent event : events) {
            view = EngagementView.fold(view, event, sequence++);
        }
        return view;
    }

    @Test
    void foldsIntakeSessionsAndResults() {
        EngagementView view = foldAll(List.of(opened(),
                session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 20),
                session("s-2", LocalDate.of(2026, 3, 9), 45, 0, 0),
                financing("r-1", "120000.00")));

        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.enterprise().name()).isEqualTo("Panadería La Esperanza");
        assertThat(view.sessions()).extracting(EngagementView.Session::sessionId).containsExactly("s-1", "s-2");
        assertThat(view.totals().sessions()).isEqualTo(2);
        // (90 + 30 + 45) minutes of contact and preparation; travel apart
        assertThat(view.totals().counselingHours()).isEqualByComparingTo(new BigDecimal("2.75"));
        assertThat(view.totals().travelHours()).isEqualByComparingTo(new BigDecimal("0.33"));
        assertThat(view.lastContact()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(view.results()).singleElement().satisfies(result -> {
            assertThat(((ResultDetails.Financing) result.details()).amount().amount()).isEqualByComparingTo("120000.00");
            assertThat(result.status()).isEqualTo(ResultStatus.CLAIMED);
        });
        assertThat(view.lastSequence()).isEqualTo(3);
    }

    @Test
    void aCorrectedSessionCountsWithItsLatestValuesAndAVoidedOneNotAtAll() {
        EngagementView view = foldAll(List.of(opened(),
                session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 0),
                session("s-2", LocalDate.of(2026, 3, 9), 45, 0, 0),
                new CounselingSessionCorrected(ID, new SessionId("s-1"), LocalDate.of(2026, 3, 21),
                        new CounselorId("ana.lopez"), SessionType.PHONE, "FINANCE", 60, 0, 0, null, null, "Shorter", 1),
                new CounselingSessionVoided(ID, new SessionId("s-2"), "Logged twice")));
        assertThat(view.totals().sessions()).isEqualTo(1);
        assertThat(view.totals().contactMinutes()).isEqualTo(60);
        assertThat(view.lastContact()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(view.sessions()).extracting(EngagementView.Session::status).containsExactly("CORRECTED", "VOIDED");
    }

    @Test
    void resultsFollowTheirEvidence() {
        ResultId jobs = new ResultId("r-2");
        EngagementView view = foldAll(List.of(opened(),
                new JobsReported(ID, jobs, LocalDate.of(2026, 6, 1), 2, 1, 0),
                new ResultRejected(ID, jobs, "No payroll"),
                new ResultCorrected(ID, jobs, new ResultDetails.Jobs(LocalDate.of(2026, 6, 1), 1, 1, 0), "Payroll"),
                new ResultAttested(ID, jobs, AttestationMethod.EMAIL, "mail-42", "a".repeat(64), LocalDate.of(2026, 6, 2)),
                new ResultVerified(ID, jobs)));
        assertThat(view.results()).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(ResultStatus.VERIFIED);
            assertThat(result.details()).isEqualTo(new ResultDetails.Jobs(LocalDate.of(2026, 6, 1), 1, 1, 0));
            assertThat(result.attestation().evidenceRef()).isEqualTo("mail-42");
        });
    }

    @Test
    void transfersAndClosureMoveAndEndTheEngagement() {
        EngagementView view = foldAll(List.of(opened(),
                new EngagementTransferred(ID, new CenterId("HN-TGU-01"), new CenterId("GT-GUA-01"),
                        new CounselorId("luis.perez"), LocalDate.of(2026, 4, 1)),
                new EngagementClosed(ID, ClosureReason.COMPLETED, null)));
        assertThat(view.centerId()).isEqualTo("GT-GUA-01");
        assertThat(view.counselorId()).isEqualTo("luis.perez");
        assertThat(view.transfers()).singleElement().satisfies(t -> assertThat(t.fromCenterId()).isEqualTo("HN-TGU-01"));
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.closureReason()).isEqualTo(ClosureReason.COMPLETED);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        EngagementView once = foldAll(List.of(opened(), session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 0),
                financing("r-1", "100.00")));
        EngagementView twice = EngagementView.fold(EngagementView.fold(once,
                session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 0), 1), financing("r-1", "100.00"), 2);
        assertThat(twice).isSameAs(once);
        assertThat(EngagementView.fold(once, opened(), 0)).isSameAs(once);
    }

    @Test
    void anErasureLeavesEveryPersonalValueErasedAndEveryCountInPlace() {
        EngagementView before = foldAll(List.of(opened(), session("s-1", LocalDate.of(2026, 3, 20), 90, 30, 20),
                new CounselingSessionVoided(ID, new SessionId("s-1"), "Logged twice by Ana"),
                session("s-2", LocalDate.of(2026, 3, 9), 45, 0, 0)));
        EngagementView after = EngagementView.fold(before, new PersonalDataErased(ID, "Client's request"), 4);

        assertThat(after.owner().name()).isEqualTo(PersonalData.ERASED);
        assertThat(after.owner().gender()).isEqualTo(before.owner().gender());
        assertThat(after.contact().email()).isEqualTo(PersonalData.ERASED);
        assertThat(after.contact().phone()).as("an absent value stays absent").isNull();
        assertThat(after.enterprise().taxId()).isEqualTo(PersonalData.ERASED);
        assertThat(after.enterprise().name()).isEqualTo(before.enterprise().name());
        assertThat(after.sessions()).extracting(EngagementView.Session::notes).containsOnly(PersonalData.ERASED);
        assertThat(after.sessions().get(0).reason()).isEqualTo(PersonalData.ERASED);
        assertThat(after.totals()).isEqualTo(before.totals());
        assertThat(after.lastSequence()).isEqualTo(4);
        assertThat(EngagementView.fold(after, new PersonalDataErased(ID, "again"), 4)).as("a repeat changes nothing")
                .isSameAs(after);
    }
}
