package org.casebook.query.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.casebook.query.figures.EngagementFacts.Placement;
import org.casebook.query.figures.EngagementFacts.ResultVersion;
import org.casebook.query.figures.EngagementFacts.SessionVersion;
import org.casebook.query.figures.EngagementFacts.Snapshot;
import org.casebook.query.store.DocumentParts;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Stage;

/**
 * What each engagement contributes to one center's figures in one month, as things stand now: the
 * sessions and results dated in that month while the center held the engagement, and the intake if
 * it fell there. A dashboard for a scope and a month range reads these by their composite id, which
 * every MongoDB server answers from its index. A center-month ({@code HN-TGU-01|2026-03}) is kept in
 * {@link DocumentParts parts}, each engagement's entry in one of them.
 */
public record CenterMonth(String id, String centerId, String month, Map<String, Entry> engagements) {

    /** A center-month whose last engagement left it (moved by a transfer, say) has no map left. */
    public CenterMonth {
        engagements = engagements == null ? Map.of() : engagements;
    }

    /**
     * One engagement's part of the center-month, derived from its facts alone: an event that changes
     * nothing of it leaves it, and its document, unwritten. {@code moved}: the engagement was
     * transferred at some time, so other centers may have parts of it too.
     */
    public record Entry(Gender gender, String sector, Stage stage, List<String> programmes,
                        LocalDate intakeDate, List<SessionVersion> sessions, List<ResultVersion> results,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean moved,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String importedFrom) {
    }

    /** A center-month's id: {@code HN-TGU-01|2026-03}. */
    public static String idOf(String center, YearMonth month) {
        return center + "|" + month;
    }

    /** The id of the part of the center-month that holds the engagement's entry. */
    public static String partIdOf(String centerMonthId, String engagement) {
        return DocumentParts.partOf(centerMonthId, engagement);
    }

    /** The ids of every part of these center-months. */
    public static List<String> partIdsOf(Iterable<String> centerMonthIds) {
        return DocumentParts.partsOf(centerMonthIds);
    }

    /** The engagement's entries by center-month id, as its facts now stand. */
    public static Map<String, Entry> entriesOf(EngagementFacts facts) {
        Map<String, Entry> entries = new TreeMap<>();
        if (facts == null) {
            return entries;
        }
        Snapshot now = facts.asOf(null);
        if (now == null) {
            return entries;
        }
        Map<String, List<SessionVersion>> sessions = new HashMap<>();
        for (SessionVersion session : now.sessions()) {
            if (!session.voided()) {
                sessions.computeIfAbsent(idOf(now.centerOn(session.date()), YearMonth.from(session.date())),
                        key -> new ArrayList<>()).add(session);
            }
        }
        Map<String, List<ResultVersion>> results = new HashMap<>();
        for (ResultVersion result : now.results()) {
            if (result.status().isClaimed()) {
                LocalDate date = result.details().date();
                results.computeIfAbsent(idOf(now.centerOn(date), YearMonth.from(date)), key -> new ArrayList<>())
                        .add(result);
            }
        }
        String intakeKey = idOf(now.centerOn(facts.intakeDate()), YearMonth.from(facts.intakeDate()));
        java.util.Set<String> keys = new java.util.TreeSet<>(sessions.keySet());
        keys.addAll(results.keySet());
        keys.add(intakeKey);
        for (String key : keys) {
            entries.put(key, new Entry(facts.gender(), facts.sector(), facts.stage(),
                    facts.programmes(), key.equals(intakeKey) ? facts.intakeDate() : null,
                    List.copyOf(sessions.getOrDefault(key, List.of())),
                    List.copyOf(results.getOrDefault(key, List.of())), facts.centers().size() > 1, facts.importedFrom()));
        }
        return entries;
    }

    /**
     * The facts of the engagements found in some center-months, merged per engagement, with every fact
     * credited to a center of the scope: they were read from the scope's center-months.
     */
    public static List<EngagementFacts> merge(Iterable<CenterMonth> months, java.util.function.Predicate<Entry> wanted) {
        Map<String, List<Entry>> byEngagement = new LinkedHashMap<>();
        for (CenterMonth month : months) {
            month.engagements().forEach((engagement, entry) -> {
                if (wanted.test(entry)) {
                    byEngagement.computeIfAbsent(engagement, key -> new ArrayList<>()).add(entry);
                }
            });
        }
        List<EngagementFacts> facts = new ArrayList<>();
        byEngagement.forEach((engagement, entries) -> {
            Entry first = entries.get(0);
            LocalDate intake = entries.stream().map(Entry::intakeDate).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(LocalDate.MIN);
            List<SessionVersion> sessions = new ArrayList<>();
            List<ResultVersion> results = new ArrayList<>();
            entries.forEach(entry -> {
                sessions.addAll(entry.sessions());
                results.addAll(entry.results());
            });
            facts.add(new EngagementFacts(engagement, intake, Instant.EPOCH, first.gender(), first.sector(),
                    first.stage(), first.programmes(), List.of(SCOPE), List.of(new Placement(SCOPE, LocalDate.MIN,
                    Instant.EPOCH)), sessions, results, 0, first.importedFrom(), null));
        });
        return facts;
    }

    /** Center-months grouped by their center. */
    public static Map<String, List<CenterMonth>> byCenter(Iterable<CenterMonth> months) {
        Map<String, List<CenterMonth>> byCenter = new HashMap<>();
        months.forEach(month -> byCenter.computeIfAbsent(month.centerId(), key -> new ArrayList<>()).add(month));
        return byCenter;
    }

        /** The stand-in center of merged facts: every fact read from the scope's center-months belongs to it. */
    public static final String SCOPE = "scope";
}
