package org.casebook.query.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.FieldWrites;
import org.casebook.query.store.FiscalYears;
import org.casebook.query.store.ProjectionBatch;
import org.casebook.query.store.Projection;
import org.casebook.shared.event.EngagementEvent;

/**
 * Keeps each engagement's {@link EngagementFacts} ({@code engagement_facts}) and, derived from them,
 * the {@link CenterMonth} documents ({@code center_month_parts}) that dashboards read and the
 * {@link CenterMonthRoster}s ({@code center_month_rosters}) that as-of dashboards start from, and from
 * the center-months each center's {@link PeriodFigures} ({@code period_figures}) for the kept periods.
 */
public class FactsProjection implements Projection {

    private final DocumentCollection<EngagementFacts> facts;
    private final DocumentCollection<CenterMonth> centerMonths;
    private final ProjectionBatch<EngagementFacts> batch;
    private final FieldWrites monthWrites;
    private final DocumentCollection<CenterMonthRoster> rosters;
    private final FieldWrites rosterWrites;
    private final DocumentCollection<PeriodFigures> periodFigures;
    private final PeriodFiguresWrites periodWrites;
    private final DocumentCollection<PeriodFigures.Pending> pendingPeriods;

    public FactsProjection(DocumentCollection<EngagementFacts> facts, DocumentCollection<CenterMonth> centerMonths,
                           DocumentCollection<CenterMonthRoster> rosters, DocumentCollection<PeriodFigures> periodFigures,
                           DocumentCollection<PeriodFigures.Pending> pendingPeriods, FiscalYears fiscalYears) {
        this.facts = facts;
        this.centerMonths = centerMonths;
        this.rosters = rosters;
        this.periodFigures = periodFigures;
        this.monthWrites = new FieldWrites(centerMonths.raw(), "center-months");
        this.rosterWrites = new FieldWrites(rosters.raw(), "center-month-rosters");
        this.pendingPeriods = pendingPeriods;
        this.periodWrites = new PeriodFiguresWrites(periodFigures, pendingPeriods, centerMonths, fiscalYears.yearStarts(),
                "period-figures");
        // Period figures are counted from the center-months, so they go after them.
        this.batch = new ProjectionBatch<>(facts, "figures", monthWrites, rosterWrites, periodWrites);
    }

    /**
     * Folds the event into the engagement's facts, then rewrites the engagement's entries in every
     * center-month it was or is part of: those entries follow from the facts alone, so a repeat changes
     * nothing. Center-months are shared by engagements of every segment, so only the engagement's own
     * field of each is written. A center-month the engagement enters is added to its rosters for good.
     */
    @EventHandler
    void on(EngagementEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence, ReplayStatus replay,
            MetaData metaData) {
        String engagement = event.engagementId().value();
        EngagementFacts[] change = new EngagementFacts[2];
        batch.update(engagement, current -> {
            change[0] = current;
            change[1] = EngagementFacts.fold(current, event, recordedAt, sequence, metaData);
            return change[1];
        });
        if (change[1] == change[0]) {
            return;
        }
        Map<String, CenterMonth.Entry> before = CenterMonth.entriesOf(change[0]);
        Map<String, CenterMonth.Entry> after = CenterMonth.entriesOf(change[1]);
        Set<String> touched = new TreeSet<>(before.keySet());
        touched.addAll(after.keySet());
        for (String id : touched) {
            CenterMonth.Entry entry = after.get(id);
            if (entry != null && entry.equals(before.get(id))) {
                continue;
            }
            String field = "engagements." + engagement;
            String[] centerAndMonth = id.split("\\|");
            String part = CenterMonth.partIdOf(id, engagement);
            monthWrites.set(part, "id", part);
            monthWrites.set(part, "centerId", centerAndMonth[0]);
            monthWrites.set(part, "month", centerAndMonth[1]);
            if (entry == null) {
                monthWrites.unset(part, field);
            } else {
                monthWrites.set(part, field, DocumentCollection.bson(entry));
                if (!before.containsKey(id)) {
                    rosterWrites.set(id, "id", id);
                    rosterWrites.set(id, field, true);
                }
            }
            periodWrites.changed(centerAndMonth[0], YearMonth.parse(centerAndMonth[1]), replay.isReplay());
        }
    }

    @Override
    public boolean isEmpty() {
        return facts.isEmpty() || centerMonths.isEmpty() || rosters.isEmpty() || periodFigures.isEmpty();
    }

    /** Counts up to {@code most} of the period figures a replay left to count. */
    @Override
    public int settle(int most) {
        return periodWrites.countPending(most);
    }
}
