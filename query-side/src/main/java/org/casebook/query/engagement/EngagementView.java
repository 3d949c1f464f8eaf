package org.casebook.query.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.CounselorAssigned;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.EngagementReopened;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.PersonalDataErased;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultCorrected;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultReopened;
import org.casebook.shared.event.ResultReported;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.ResultWithdrawn;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.imported.Imported.LegacyVerification;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;
import org.casebook.shared.value.SessionType;

/**
 * An engagement as counselors and directors read it: the intake, where it stands, its sessions and
 * results with their latest values, and running totals. Immutable; {@link #fold} gives the next view
 * for each event, and ignores an event that is not newer than what the view has seen
 * ({@code lastSequence}), so delivering an event twice changes nothing.
 */
public record EngagementView(
        String id,
        String centerId,
        String counselorId,
        String status,
        ClosureReason closureReason,
        LocalDate intakeDate,
        Enterprise enterprise,
        Owner owner,
        Contact contact,
        String referralSource,
        Consents consents,
        Baseline baseline,
        List<String> programmes,
        List<String> needs,
        List<Transfer> transfers,
        List<Session> sessions,
        List<Result> results,
        long lastSequence,
        List<String> redacted,
        /* where the engagement came from when it was imported from a legacy system; null: recorded in Casebook */
        @JsonInclude(JsonInclude.Include.NON_NULL) Imported imported) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public record Transfer(String fromCenterId, String toCenterId, String counselorId, LocalDate effectiveDate) {
    }

    /** A session with its latest values; {@code status} is LOGGED, CORRECTED or VOIDED. */
    public record Session(String sessionId, LocalDate date, String counselorId, SessionType type, String area,
                          int contactMinutes, int prepMinutes, int travelMinutes, String programme, String notes,
                          int participants, String status, String reason) {

        boolean counts() {
            return !"VOIDED".equals(status);
        }
    }

    public record Attestation(AttestationMethod method, String evidenceRef, String evidenceSha256, LocalDate date) {
    }

    /**
     * A result with its latest values and where it stands; {@code reason} is the last one given.
     * {@code verifiedBefore}: it stands verified by a verification the legacy system made before Casebook
     * (who and when), not by a director in Casebook.
     */
    public record Result(String resultId, ResultDetails details, ResultStatus status, Attestation attestation,
                         String reason, @JsonInclude(JsonInclude.Include.NON_NULL) LegacyVerification verifiedBefore) {

        Result with(ResultStatus next, String why) {
            return new Result(resultId, details, next, attestation, why, null);
        }
    }

    /** Counseling hours are contact plus preparation minutes of the sessions that count; travel apart. */
    public record Totals(int sessions, int contactMinutes, int prepMinutes, int travelMinutes) {

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public BigDecimal counselingHours() {
            return hours(contactMinutes + prepMinutes);
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public BigDecimal travelHours() {
            return hours(travelMinutes);
        }

        public static BigDecimal hours(long minutes) {
            return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
        }
    }

    /** Totals and the last contact follow from the sessions; shown, never stored. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Totals totals() {
        int count = 0;
        int contact = 0;
        int prep = 0;
        int travel = 0;
        for (Session session : sessions) {
            if (session.counts()) {
                count++;
                contact += session.contactMinutes();
                prep += session.prepMinutes();
                travel += session.travelMinutes();
            }
        }
        return new Totals(count, contact, prep, travel);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public LocalDate lastContact() {
        return sessions.stream().filter(Session::counts).map(Session::date).max(LocalDate::compareTo).orElse(null);
    }

    /** Whether the engagement came from an import batch that was revoked: it was never real, and counts nowhere. */
    @JsonIgnore
    public boolean isRevoked() {
        return closureReason == ClosureReason.IMPORTED_IN_ERROR;
    }

    public long resultsIn(ResultStatus wanted) {
        return results.stream().filter(result -> result.status() == wanted).count();
    }

    /** The view after the event: {@code current} is null before intake, when only the intake creates a view. */
    public static EngagementView fold(EngagementView current, EngagementEvent event, long sequence) {
        return fold(current, event, sequence, Map.of());
    }

    /** The same, reading where an imported event came from in its metadata. */
    public static EngagementView fold(EngagementView current, EngagementEvent event, long sequence,
                                      Map<String, ?> metaData) {
        if (current == null) {
            return event instanceof EngagementOpened opened
                    ? opened(opened, sequence, Imported.of(metaData).orElse(null)) : null;
        }
        if (sequence <= current.lastSequence) {
            return current;
        }
        return current.apply(event, metaData).seen(sequence);
    }

    static EngagementView opened(EngagementOpened event, long sequence, Imported imported) {
        return new EngagementView(event.engagementId().value(), event.centerId().value(),
                event.counselorId().value(), OPEN, null, event.intakeDate(), event.enterprise(), event.owner(),
                event.contact(), event.referralSource(), event.consents(), event.baseline(),
                event.programmes().stream().map(ProgrammeCode::value).toList(), event.needs(),
                List.of(), List.of(), List.of(), sequence, null, imported);
    }

    private EngagementView apply(EngagementEvent event, Map<String, ?> metaData) {
        if (event instanceof CounselorAssigned assigned) {
            return withPlace(centerId, assigned.counselorId().value(), transfers);
        }
        if (event instanceof EngagementTransferred moved) {
            return withPlace(moved.toCenterId().value(), moved.counselorId().value(), append(transfers,
                    new Transfer(moved.fromCenterId().value(), moved.toCenterId().value(),
                            moved.counselorId().value(), moved.effectiveDate())));
        }
        if (event instanceof EngagementClosed closed) {
            return withStatus(CLOSED, closed.reason());
        }
        if (event instanceof EngagementReopened) {
            return withStatus(OPEN, null);
        }
        if (event instanceof PersonalDataErased) {
            return erased();
        }
        if (event instanceof CounselingSessionLogged logged) {
            return withSessions(append(sessions, new Session(logged.sessionId().value(), logged.date(),
                    logged.counselorId().value(), logged.type(), logged.area(), logged.contactMinutes(),
                    logged.prepMinutes(), logged.travelMinutes(), value(logged.programme()), logged.notes(),
                    logged.participants(), "LOGGED", null)));
        }
        if (event instanceof CounselingSessionCorrected corrected) {
            return withSessions(replace(sessions, Session::sessionId, corrected.sessionId().value(),
                    session -> new Session(session.sessionId(), corrected.date(), corrected.counselorId().value(),
                            corrected.type(), corrected.area(), corrected.contactMinutes(), corrected.prepMinutes(),
                            corrected.travelMinutes(), value(corrected.programme()), corrected.notes(),
                            corrected.participants(), "CORRECTED", corrected.reason())));
        }
        if (event instanceof CounselingSessionVoided voided) {
            return withSessions(replace(sessions, Session::sessionId, voided.sessionId().value(),
                    session -> new Session(session.sessionId(), session.date(), session.counselorId(), session.type(),
                            session.area(), session.contactMinutes(), session.prepMinutes(), session.travelMinutes(),
                            session.programme(), session.notes(), session.participants(), "VOIDED", voided.reason())));
        }
        if (event instanceof ResultReported reported) {
            return withResults(append(results, new Result(reported.resultId().value(), reported.details(),
                    ResultStatus.CLAIMED, null, null, null)));
        }
        if (event instanceof ResultCorrected corrected) {
            return withResult(corrected.resultId().value(), result -> new Result(result.resultId(),
                    corrected.details(), ResultStatus.CLAIMED, result.attestation(), corrected.reason(), null));
        }
        if (event instanceof ResultAttested attested) {
            return withResult(attested.resultId().value(), result -> new Result(result.resultId(), result.details(),
                    ResultStatus.ATTESTED, new Attestation(attested.method(), attested.evidenceRef(),
                    attested.evidenceSha256(), attested.date()), result.reason(), null));
        }
        if (event instanceof ResultVerified verified) {
            LegacyVerification before = LegacyVerification.of(metaData).orElse(null);
            return withResult(verified.resultId().value(), result -> new Result(result.resultId(), result.details(),
                    ResultStatus.VERIFIED, result.attestation(), null, before));
        }
        if (event instanceof ResultRejected rejected) {
            return withResult(rejected.resultId().value(),
                    result -> result.with(ResultStatus.REJECTED, rejected.reason()));
        }
        if (event instanceof ResultWithdrawn withdrawn) {
            return withResult(withdrawn.resultId().value(),
                    result -> result.with(ResultStatus.WITHDRAWN, withdrawn.reason()));
        }
        if (event instanceof ResultReopened reopened) {
            return withResult(reopened.resultId().value(), result -> result.with(
                    result.attestation() != null ? ResultStatus.ATTESTED : ResultStatus.CLAIMED, reopened.reason()));
        }
        return this;
    }

    /** The personal data fields, by their path in this view. */
    static final List<String> PERSONAL_DATA = List.of("owner.name", "contact", "enterprise.taxId", "sessions.notes",
            "sessions.reason", "results.reason");

    /**
     * The view without personal data (owner name, contact, tax id, notes and reasons), for readers who may
     * not see it; counts, hours and amounts stay. {@code redacted} lists what was taken out.
     */
    public EngagementView withoutPersonalData() {
        return withPersonalData(value -> null, PERSONAL_DATA);
    }

    /** The view once the client's personal data was erased: every personal value reads as erased. */
    public EngagementView erased() {
        return withPersonalData(value -> value == null ? null : PersonalData.ERASED, redacted);
    }

    private EngagementView withPersonalData(UnaryOperator<String> change, List<String> redactedNow) {
        Enterprise business = enterprise == null ? null : new Enterprise(enterprise.name(),
                change.apply(enterprise.taxId()), enterprise.country(), enterprise.sector(), enterprise.stage(),
                enterprise.legalForm());
        Owner changedOwner = owner == null ? null : new Owner(change.apply(owner.name()), owner.gender(),
                owner.birthYear());
        Contact changedContact = contact == null ? null
                : new Contact(change.apply(contact.email()), change.apply(contact.phone()));
        if (changedContact != null && changedContact.email() == null && changedContact.phone() == null) {
            changedContact = null;
        }
        List<Session> changedSessions = sessions.stream().map(session -> new Session(session.sessionId(),
                session.date(), session.counselorId(), session.type(), session.area(), session.contactMinutes(),
                session.prepMinutes(), session.travelMinutes(), session.programme(), change.apply(session.notes()),
                session.participants(), session.status(), change.apply(session.reason()))).toList();
        List<Result> changedResults = results.stream().map(result -> new Result(result.resultId(), result.details(),
                result.status(), result.attestation(), change.apply(result.reason()), result.verifiedBefore())).toList();
        return new EngagementView(id, centerId, counselorId, status, closureReason, intakeDate, business,
                changedOwner, changedContact, referralSource, consents, baseline, programmes, needs, transfers,
                changedSessions, changedResults, lastSequence, redactedNow, imported);
    }

    private EngagementView seen(long sequence) {
        return new EngagementView(id, centerId, counselorId, status, closureReason, intakeDate, enterprise, owner,
                contact, referralSource, consents, baseline, programmes, needs, transfers, sessions, results, sequence,
                redacted, imported);
    }

    private EngagementView withPlace(String center, String counselor, List<Transfer> moves) {
        return new EngagementView(id, center, counselor, status, closureReason, intakeDate, enterprise, owner,
                contact, referralSource, consents, baseline, programmes, needs, moves, sessions, results, lastSequence,
                redacted, imported);
    }

    private EngagementView withStatus(String next, ClosureReason reason) {
        return new EngagementView(id, centerId, counselorId, next, reason, intakeDate, enterprise, owner, contact,
                referralSource, consents, baseline, programmes, needs, transfers, sessions, results, lastSequence,
                redacted, imported);
    }

    private EngagementView withSessions(List<Session> next) {
        return new EngagementView(id, centerId, counselorId, status, closureReason, intakeDate, enterprise, owner,
                contact, referralSource, consents, baseline, programmes, needs, transfers, next, results, lastSequence,
                redacted, imported);
    }

    private EngagementView withResults(List<Result> next) {
        return new EngagementView(id, centerId, counselorId, status, closureReason, intakeDate, enterprise, owner,
                contact, referralSource, consents, baseline, programmes, needs, transfers, sessions, next, lastSequence,
                redacted, imported);
    }

    private EngagementView withResult(String resultId, UnaryOperator<Result> change) {
        return withResults(replace(results, Result::resultId, resultId, change));
    }

    private static String value(ProgrammeCode programme) {
        return programme == null ? null : programme.value();
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return List.copyOf(next);
    }

    private static <T> List<T> replace(List<T> list, java.util.function.Function<T, String> idOf, String id,
                                       UnaryOperator<T> change) {
        return list.stream().map(item -> Objects.equals(idOf.apply(item), id) ? change.apply(item) : item).toList();
    }
}
