package org.casebook.query.engagement;

import java.time.LocalDate;
import java.util.List;

import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;

/**
 * An engagement as a line of its center's caseload. All lines of a center live in one document
 * ({@code caseload_parts}, by center), so a caseload page is a few key lookups and a sort in memory on every
 * MongoDB server. The tax id and the owner's name (personal data, erased with the client's key) are
 * kept for the center's own search.
 */
public record CaseloadLine(String id, String centerId, String counselorId, String status, String enterpriseName,
                           String taxId, String ownerName, String country, LocalDate intakeDate, LocalDate lastContact,
                           List<Minutes> sessions, long awaitingAttestation, List<Attested> attested) {

    /** Counseling minutes (contact and preparation) of a session that counts, on its date. */
    public record Minutes(LocalDate date, int minutes) {
    }

    /** A result the client attested and a director has yet to verify: an item of the verification queue. */
    public record Attested(String resultId, ResultDetails details, EngagementView.Attestation attestation) {
    }

    public long awaitingVerification() {
        return attested.size();
    }

    /** The engagement's line; one whose import was revoked waits for nothing: no attestation, no verification. */
    public static CaseloadLine of(EngagementView view) {
        boolean waits = !view.isRevoked();
        return new CaseloadLine(view.id(), view.centerId(), view.counselorId(), view.status(),
                view.enterprise().name(), view.enterprise().taxId(), view.owner() == null ? null : view.owner().name(),
                view.enterprise().country(), view.intakeDate(),
                view.lastContact(), view.sessions().stream().filter(EngagementView.Session::counts)
                .map(session -> new Minutes(session.date(), session.contactMinutes() + session.prepMinutes()))
                .toList(), waits ? view.resultsIn(ResultStatus.CLAIMED) : 0, view.results().stream()
                .filter(result -> waits && result.status() == ResultStatus.ATTESTED)
                .map(result -> new Attested(result.resultId(), result.details(), result.attestation())).toList());
    }

    public int minutesSince(LocalDate from) {
        return sessions.stream().filter(session -> !session.date().isBefore(from)).mapToInt(Minutes::minutes).sum();
    }

    public int minutes() {
        return sessions.stream().mapToInt(Minutes::minutes).sum();
    }
}
