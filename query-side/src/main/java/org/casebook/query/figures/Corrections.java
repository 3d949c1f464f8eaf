package org.casebook.query.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.casebook.query.figures.EngagementFacts.ResultVersion;
import org.casebook.query.figures.EngagementFacts.SessionVersion;

/**
 * A period's figures as submitted (as of the submission time) beside the same figures as corrected
 * since (now): their differences, and the recorded changes behind them.
 */
public record Corrections(Instant submittedAt, Dashboard asSubmitted, Dashboard asCorrected,
                          Map<String, BigDecimal> differences, List<Change> changes) {

    /** A fact of the period recorded after the submission: a session or a result, new or changed. */
    public record Change(String engagementId, Instant recordedAt, String fact, String id, LocalDate date) {
    }

    public static Corrections of(Instant submittedAt, Dashboard asSubmitted, Dashboard asCorrected,
                                 Iterable<EngagementFacts> engagements, Predicate<String> inScope, LocalDate from,
                                 LocalDate to) {
        return new Corrections(submittedAt, asSubmitted, asCorrected,
                differences(asSubmitted.figures(), asCorrected.figures()),
                changes(engagements, inScope, from, to, submittedAt));
    }

    static Map<String, BigDecimal> differences(Figures before, Figures after) {
        Map<String, BigDecimal> differences = new LinkedHashMap<>();
        put(differences, "clientsServed", BigDecimal.valueOf(before.clientsServed()), BigDecimal.valueOf(after.clientsServed()));
        put(differences, "newClients", BigDecimal.valueOf(before.newClients()), BigDecimal.valueOf(after.newClients()));
        put(differences, "counselingHours", before.counselingHours(), after.counselingHours());
        put(differences, "travelHours", before.travelHours(), after.travelHours());
        put(differences, "longTermClients", BigDecimal.valueOf(before.longTermClients()),
                BigDecimal.valueOf(after.longTermClients()));
        put(differences, "capitalObtainedUsd.claimed", new BigDecimal(before.capitalObtainedUsd().claimed()),
                new BigDecimal(after.capitalObtainedUsd().claimed()));
        put(differences, "capitalObtainedUsd.verified", new BigDecimal(before.capitalObtainedUsd().verified()),
                new BigDecimal(after.capitalObtainedUsd().verified()));
        put(differences, "jobsCreated.claimed", before.jobsCreated().claimed(), after.jobsCreated().claimed());
        put(differences, "jobsCreated.verified", before.jobsCreated().verified(), after.jobsCreated().verified());
        put(differences, "jobsRetained.claimed", before.jobsRetained().claimed(), after.jobsRetained().claimed());
        put(differences, "salesIncreaseUsd.claimed", new BigDecimal(before.salesIncreaseUsd().claimed()),
                new BigDecimal(after.salesIncreaseUsd().claimed()));
        put(differences, "businessStarts.claimed", BigDecimal.valueOf(before.businessStarts().claimed()),
                BigDecimal.valueOf(after.businessStarts().claimed()));
        put(differences, "formalizations.claimed", BigDecimal.valueOf(before.formalizations().claimed()),
                BigDecimal.valueOf(after.formalizations().claimed()));
        return differences;
    }

    private static void put(Map<String, BigDecimal> differences, String figure, BigDecimal before, BigDecimal after) {
        differences.put(figure, after.subtract(before));
    }

    static List<Change> changes(Iterable<EngagementFacts> engagements, Predicate<String> inScope, LocalDate from,
                                LocalDate to, Instant submittedAt) {
        List<Change> changes = new ArrayList<>();
        for (EngagementFacts engagement : engagements) {
            EngagementFacts.Snapshot now = engagement.asOf(null);
            Map<String, LocalDate> previousDates = new LinkedHashMap<>();
            for (SessionVersion session : engagement.sessions()) {
                LocalDate before = previousDates.put("session:" + session.sessionId(), session.date());
                if (session.recordedAt().isAfter(submittedAt)
                        && (counts(now, inScope, from, to, session.date()) || counts(now, inScope, from, to, before))) {
                    changes.add(new Change(engagement.id(), session.recordedAt(), "session", session.sessionId(),
                            session.date()));
                }
            }
            for (ResultVersion result : engagement.results()) {
                LocalDate date = result.details().date();
                LocalDate before = previousDates.put("result:" + result.resultId(), date);
                if (result.recordedAt().isAfter(submittedAt)
                        && (counts(now, inScope, from, to, date) || counts(now, inScope, from, to, before))) {
                    changes.add(new Change(engagement.id(), result.recordedAt(), "result", result.resultId(), date));
                }
            }
        }
        changes.sort((a, b) -> a.recordedAt().compareTo(b.recordedAt()));
        return changes;
    }

    private static boolean counts(EngagementFacts.Snapshot now, Predicate<String> inScope, LocalDate from, LocalDate to,
                                  LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to) && inScope.test(now.centerOn(date));
    }
}
