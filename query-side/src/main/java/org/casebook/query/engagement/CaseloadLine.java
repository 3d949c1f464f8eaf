package org.casebook.query.engagement;

import java.time.LocalDate;
import java.util.List;

import org.casebook.shared.value.ResultStatus;

/**
 * An engagement as a line of its center's caseload. All lines of a center live in one document
 * ({@code caseloads}, by center id), so a caseload page is one key lookup and a sort in memory on every
 * MongoDB server.
 */
public record CaseloadLine(String id, String centerId, String counselorId, String status, String enterpriseName,
                           String taxId, String country, LocalDate intakeDate, LocalDate lastContact,
                           List<Minutes> sessions, long awaitingAttestation, long awaitingVerification) {

    /** Counseling minutes (contact and preparation) of a session that counts, on its date. */
    public record Minutes(LocalDate date, int minutes) {
    }

    public static CaseloadLine of(EngagementView view) {
        return new CaseloadLine(view.id(), view.centerId(), view.counselorId(), view.status(),
                view.enterprise().name(), view.enterprise().taxId(), view.enterprise().country(), view.intakeDate(),
                view.lastContact(), view.sessions().stream().filter(EngagementView.Session::counts)
                .map(session -> new Minutes(session.date(), session.contactMinutes() + session.prepMinutes()))
                .toList(), view.resultsIn(ResultStatus.CLAIMED), view.resultsIn(ResultStatus.ATTESTED));
    }

    public int minutesSince(LocalDate from) {
        return sessions.stream().filter(session -> !session.date().isBefore(from)).mapToInt(Minutes::minutes).sum();
    }

    public int minutes() {
        return sessions.stream().mapToInt(Minutes::minutes).sum();
    }
}
