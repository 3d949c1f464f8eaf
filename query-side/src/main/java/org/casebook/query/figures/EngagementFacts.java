package org.casebook.query.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.CounselingSessionVoided;
import org.casebook.shared.event.EngagementClosed;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.EngagementTransferred;
import org.casebook.shared.event.ResultAttested;
import org.casebook.shared.event.ResultCorrected;
import org.casebook.shared.event.ResultRejected;
import org.casebook.shared.event.ResultReopened;
import org.casebook.shared.event.ResultReported;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.event.ResultWithdrawn;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.ResultStatus;
import org.casebook.shared.value.Stage;

/**
 * What an engagement contributes to the figures, with every version of every fact and the time it
 * was recorded, so that figures can be counted as of any recording time. No personal data.
 */
public record EngagementFacts(
        String id,
        LocalDate intakeDate,
        Instant intakeRecordedAt,
        Gender gender,
        String sector,
        Stage stage,
        List<String> programmes,
        /* every center the engagement was ever credited to */
        List<String> centers,
        List<Placement> placements,
        List<SessionVersion> sessions,
        List<ResultVersion> results,
        long lastSequence,
        /* the legacy system the engagement was imported from; null: recorded in Casebook */
        @JsonInclude(JsonInclude.Include.NON_NULL) String importedFrom,
        /* when its import was revoked: from then on it counts nowhere */
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant revokedAt) {

    /** From {@code from} on (business date), the engagement is credited to the center. */
    public record Placement(String centerId, LocalDate from, Instant recordedAt) {
    }

    public record SessionVersion(String sessionId, Instant recordedAt, LocalDate date, int counselingMinutes,
                                 int travelMinutes, boolean voided) {
    }

    public record ResultVersion(String resultId, Instant recordedAt, ResultDetails details, ResultStatus status) {
    }

    /** The facts after the event; {@code current} is null before intake, when only the intake creates facts. */
    public static EngagementFacts fold(EngagementFacts current, EngagementEvent event, Instant recordedAt,
                                       long sequence) {
        return fold(current, event, recordedAt, sequence, Map.of());
    }

    /** The same, reading in the event's metadata whether it was imported. */
    public static EngagementFacts fold(EngagementFacts current, EngagementEvent event, Instant recordedAt,
                                       long sequence, Map<String, ?> metaData) {
        if (current == null) {
            if (!(event instanceof EngagementOpened opened)) {
                return null;
            }
            String center = opened.centerId().value();
            return new EngagementFacts(opened.engagementId().value(), opened.intakeDate(), recordedAt,
                    opened.owner() == null ? null : opened.owner().gender(),
                    opened.enterprise().sector(), opened.enterprise().stage(),
                    opened.programmes().stream().map(ProgrammeCode::value).toList(), List.of(center),
                    List.of(new Placement(center, opened.intakeDate(), recordedAt)), List.of(), List.of(), sequence,
                    Imported.of(metaData).map(Imported::system).orElse(null), null);
        }
        if (sequence <= current.lastSequence) {
            return current;
        }
        return current.apply(event, recordedAt).seen(sequence);
    }

    private EngagementFacts apply(EngagementEvent event, Instant at) {
        if (event instanceof EngagementTransferred moved) {
            Set<String> all = new LinkedHashSet<>(centers);
            all.add(moved.toCenterId().value());
            return new EngagementFacts(id, intakeDate, intakeRecordedAt, gender, sector, stage, programmes,
                    List.copyOf(all), append(placements, new Placement(moved.toCenterId().value(),
                    moved.effectiveDate(), at)), sessions, results, lastSequence, importedFrom, revokedAt);
        }
        if (event instanceof CounselingSessionLogged e) {
            return withSession(new SessionVersion(e.sessionId().value(), at, e.date(),
                    e.contactMinutes() + e.prepMinutes(), e.travelMinutes(), false));
        }
        if (event instanceof CounselingSessionCorrected e) {
            return withSession(new SessionVersion(e.sessionId().value(), at, e.date(),
                    e.contactMinutes() + e.prepMinutes(), e.travelMinutes(), false));
        }
        if (event instanceof CounselingSessionVoided e) {
            SessionVersion last = latestSession(e.sessionId().value());
            return last == null ? this : withSession(new SessionVersion(last.sessionId(), at, last.date(),
                    last.counselingMinutes(), last.travelMinutes(), true));
        }
        if (event instanceof ResultReported e) {
            return withResult(new ResultVersion(e.resultId().value(), at, e.details(), ResultStatus.CLAIMED));
        }
        if (event instanceof ResultCorrected e) {
            return withResult(new ResultVersion(e.resultId().value(), at, e.details(), ResultStatus.CLAIMED));
        }
        if (event instanceof ResultAttested e) {
            return withStatus(e.resultId().value(), at, ResultStatus.ATTESTED);
        }
        if (event instanceof ResultVerified e) {
            return withStatus(e.resultId().value(), at, ResultStatus.VERIFIED);
        }
        if (event instanceof ResultRejected e) {
            return withStatus(e.resultId().value(), at, ResultStatus.REJECTED);
        }
        if (event instanceof ResultWithdrawn e) {
            return withStatus(e.resultId().value(), at, ResultStatus.WITHDRAWN);
        }
        if (event instanceof EngagementClosed closed && closed.reason() == ClosureReason.IMPORTED_IN_ERROR
                && revokedAt == null) {
            return new EngagementFacts(id, intakeDate, intakeRecordedAt, gender, sector, stage, programmes, centers,
                    placements, sessions, results, lastSequence, importedFrom, at);
        }
        if (event instanceof ResultReopened e) {
            return withStatus(e.resultId().value(), at, ResultStatus.ATTESTED);
        }
        return this;
    }

    private SessionVersion latestSession(String sessionId) {
        SessionVersion last = null;
        for (SessionVersion version : sessions) {
            if (version.sessionId().equals(sessionId)) {
                last = version;
            }
        }
        return last;
    }

    private EngagementFacts withStatus(String resultId, Instant at, ResultStatus status) {
        ResultVersion last = null;
        for (ResultVersion version : results) {
            if (version.resultId().equals(resultId)) {
                last = version;
            }
        }
        return last == null ? this : withResult(new ResultVersion(resultId, at, last.details(), status));
    }

    private EngagementFacts withSession(SessionVersion version) {
        return new EngagementFacts(id, intakeDate, intakeRecordedAt, gender, sector, stage, programmes, centers,
                placements, append(sessions, version), results, lastSequence, importedFrom, revokedAt);
    }

    private EngagementFacts withResult(ResultVersion version) {
        return new EngagementFacts(id, intakeDate, intakeRecordedAt, gender, sector, stage, programmes, centers,
                placements, sessions, append(results, version), lastSequence, importedFrom, revokedAt);
    }

    private EngagementFacts seen(long sequence) {
        return new EngagementFacts(id, intakeDate, intakeRecordedAt, gender, sector, stage, programmes, centers,
                placements, sessions, results, sequence, importedFrom, revokedAt);
    }

    /**
     * The facts as they stood at the recording time ({@code null}: now), or null if none were recorded yet
     * or the engagement's import had been revoked by then.
     */
    public Snapshot asOf(Instant asOf) {
        if (asOf != null && intakeRecordedAt.isAfter(asOf)) {
            return null;
        }
        // A revoked import was never real: once revoked, the engagement counts nowhere.
        if (revokedAt != null && (asOf == null || !revokedAt.isAfter(asOf))) {
            return null;
        }
        List<Placement> known = placements.stream()
                .filter(placement -> asOf == null || !placement.recordedAt().isAfter(asOf)).toList();
        Map<String, SessionVersion> latestSessions = new LinkedHashMap<>();
        for (SessionVersion version : sessions) {
            if (asOf == null || !version.recordedAt().isAfter(asOf)) {
                latestSessions.put(version.sessionId(), version);
            }
        }
        Map<String, ResultVersion> latestResults = new LinkedHashMap<>();
        for (ResultVersion version : results) {
            if (asOf == null || !version.recordedAt().isAfter(asOf)) {
                latestResults.put(version.resultId(), version);
            }
        }
        return new Snapshot(this, known, List.copyOf(latestSessions.values()), List.copyOf(latestResults.values()));
    }

    /** The latest version of each fact known at some time. */
    public record Snapshot(EngagementFacts engagement, List<Placement> placements, List<SessionVersion> sessions,
                           List<ResultVersion> results) {

        /** The center the engagement was credited to on a business date. */
        public String centerOn(LocalDate date) {
            String center = placements.get(0).centerId();
            LocalDate since = null;
            for (Placement placement : placements) {
                if (!placement.from().isAfter(date) && (since == null || !placement.from().isBefore(since))) {
                    center = placement.centerId();
                    since = placement.from();
                }
            }
            return center;
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return List.copyOf(next);
    }
}
