package org.casebook.query.figures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.casebook.query.store.DerivedWrites;
import org.casebook.query.store.DocumentCollection;

/**
 * Counts again the {@link PeriodFigures} of every kept period that holds a center-month the batch
 * changed, once per batch, after the center-months are written and before the records they come from
 * (so a batch that failed part-way is counted again when it is retried).
 * <p>
 * Segments of the processor change center-months of the same center side by side, so each count is
 * labelled: first the period's {@code dirty} count goes up by one, then the count is read back, then the
 * center-months are read, which by then hold every change that count stands for. The figures are
 * written with that count as {@code computedFrom}. Figures are used only while {@code computedFrom}
 * equals {@code dirty}: when two segments count the same period at once and the one that read the
 * lower count writes last, its figures read as behind (and are counted from the center-months) until
 * they are counted again in the background (see below); they never read as current. The writes go by {@code _id} alone, which every
 * MongoDB server answers from its index (the embedded one searches every document for any other filter).
 * <p>
 * While the processor replays past events (a rebuild), a batch only counts the change and notes the
 * period in {@code period_figures_pending}: a rebuild would otherwise count this year's figures again
 * in every batch of the year. {@link #countPending} counts the noted periods once the replay is over.
 * A live batch that changes more than {@link #COUNTED_IN_BATCH} periods (a processor catching up after a
 * bulk import) notes them too, and they are counted in the background; so does a count that finds its
 * figures behind once written (another segment counted meanwhile). Figures noted and not yet counted
 * read as behind, or do not exist yet, and the dashboards count them from the center-months meanwhile.
 */
final class PeriodFiguresWrites implements DerivedWrites {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /**
     * The most periods a live batch counts itself; a larger batch (a processor catching up, a bulk import)
     * notes them for the background count, so that each period is counted once for many batches.
     */
    static final int COUNTED_IN_BATCH = 64;
    /**
     * A pending period's latest noting: a value never used before, so that a count can tell whether the
     * period was noted again while it counted, even if another count removed the note meanwhile.
     */
    private static final String NOTED = "noted";

    private final MongoCollection<Document> figures;
    private final DocumentCollection<PeriodFigures> periodFigures;
    private final DocumentCollection<PeriodFigures.Pending> pendingPeriods;
    private final DocumentCollection<CenterMonth> centerMonths;
    private final Set<Integer> yearStarts;
    private final String resourceKey;

    PeriodFiguresWrites(DocumentCollection<PeriodFigures> figures, DocumentCollection<PeriodFigures.Pending> pendingPeriods,
                        DocumentCollection<CenterMonth> centerMonths, Set<Integer> yearStarts, String name) {
        this.figures = figures.raw();
        this.periodFigures = figures;
        this.pendingPeriods = pendingPeriods;
        this.centerMonths = centerMonths;
        this.yearStarts = Set.copyOf(yearStarts);
        this.resourceKey = PeriodFiguresWrites.class.getName() + "/" + name;
    }

    /**
     * The center-month has changed (it is written already, or will be when the batch commits).
     *
     * @param replaying whether the change comes from replaying past events
     */
    void changed(String center, YearMonth month, boolean replaying) {
        if (!CurrentUnitOfWork.isStarted()) {
            Map<String, Kept> kept = kept(Map.of(center, Set.of(month)));
            if (replaying) {
                note(kept);
            } else {
                count(kept);
            }
            return;
        }
        Changes changes = pending(CurrentUnitOfWork.get().root());
        (replaying ? changes.replayed : changes.live).computeIfAbsent(center, key -> new TreeSet<>()).add(month);
    }

    @Override
    public void enlist(UnitOfWork<?> root) {
        pending(root);
    }

    private static final class Changes {
        final Map<String, Set<YearMonth>> live = new TreeMap<>();
        final Map<String, Set<YearMonth>> replayed = new TreeMap<>();
    }

    private Changes pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(resourceKey, key -> {
            Changes changes = new Changes();
            root.onPrepareCommit(unit -> {
                note(kept(changes.replayed));
                Map<String, Kept> live = kept(changes.live);
                if (live.size() > COUNTED_IN_BATCH) {
                    note(live);
                } else {
                    count(live);
                }
            });
            return changes;
        });
    }

    private record Kept(String center, Period period) {
    }

    /** The kept periods that hold the changed months, by id. */
    private Map<String, Kept> kept(Map<String, Set<YearMonth>> changed) {
        Map<String, Kept> kept = new LinkedHashMap<>();
        changed.forEach((center, months) -> months.forEach(month -> Period.holding(month, yearStarts)
                .forEach(period -> kept.put(period.idFor(center), new Kept(center, period)))));
        return kept;
    }

    /**
     * Counts the changes of the figures that exist, and notes the periods to count later. Figures not
     * counted yet are not created here: nobody can read them as current, and a rebuild would otherwise
     * rewrite each period's figures once a batch, only to raise its count.
     */
    private void note(Map<String, Kept> kept) {
        if (kept.isEmpty()) {
            return;
        }
        countChanges(kept, false);
        remember(kept);
    }

    /** Notes the periods to count: a count removes a note only if it was not noted again meanwhile. */
    private void remember(Map<String, Kept> kept) {
        List<WriteModel<Document>> notes = new ArrayList<>(kept.size());
        kept.forEach((id, what) -> notes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                Updates.set("id", id), Updates.set("centerId", what.center()),
                Updates.set("from", what.period().from().toString()), Updates.set("to", what.period().to().toString()),
                Updates.set(NOTED, new ObjectId())), UPSERT)));
        pendingPeriods.raw().bulkWrite(notes, UNORDERED);
    }

    /**
     * Counts up to {@code most} of the periods noted while replaying. A note is removed once its period
     * is counted, and only if it was not noted again meanwhile; a node that dies while counting leaves
     * the note for the next count.
     *
     * @return how many it counted; none: nothing is noted
     */
    int countPending(int most) {
        Map<String, Kept> kept = new LinkedHashMap<>();
        Map<String, Object> noted = new HashMap<>();
        for (Document note : pendingPeriods.raw().find().sort(Sorts.ascending("_id")).limit(most)) {
            String id = note.getString("_id");
            kept.put(id, new Kept(note.getString("centerId"), new Period(java.time.LocalDate.parse(note.getString("from")),
                    java.time.LocalDate.parse(note.getString("to")))));
            noted.put(id, note.get(NOTED));
        }
        if (kept.isEmpty()) {
            return 0;
        }
        count(kept);
        List<WriteModel<Document>> removals = new ArrayList<>(kept.size());
        noted.forEach((id, noting) -> removals.add(new DeleteOneModel<>(Filters.and(Filters.eq("_id", id),
                Filters.eq(NOTED, noting)))));
        pendingPeriods.raw().bulkWrite(removals, UNORDERED);
        return kept.size();
    }

    /**
     * Raises the count of changes of each period's figures.
     *
     * @param create whether figures that do not exist yet are created (with nothing counted)
     */
    private void countChanges(Map<String, Kept> kept, boolean create) {
        List<WriteModel<Document>> counts = new ArrayList<>(kept.size());
        kept.forEach((id, what) -> counts.add(create
                ? new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.inc("dirty", 1L),
                        Updates.setOnInsert("id", id), Updates.setOnInsert("centerId", what.center()),
                        Updates.setOnInsert("from", what.period().from().toString()),
                        Updates.setOnInsert("to", what.period().to().toString()), Updates.setOnInsert("computedFrom", 0L)),
                        UPSERT)
                : new UpdateOneModel<>(Filters.eq("_id", id), Updates.inc("dirty", 1L))));
        figures.bulkWrite(counts, UNORDERED);
    }

    private void count(Map<String, Kept> kept) {
        if (kept.isEmpty()) {
            return;
        }
        countChanges(kept, true);
        Map<String, Long> dirty = new HashMap<>();
        labels(kept.keySet()).forEach((id, label) -> dirty.put(id, label[0]));
        Set<String> monthIds = new TreeSet<>();
        kept.values().forEach(what -> what.period().months().forEach(month -> monthIds.add(CenterMonth.idOf(what.center(), month))));
        Map<String, List<CenterMonth>> byCenter = CenterMonth.byCenter(centerMonths.findAll(CenterMonth.partIdsOf(monthIds)));
        List<WriteModel<Document>> writes = new ArrayList<>(kept.size());
        kept.forEach((id, what) -> {
            Long count = dirty.get(id);
            if (count == null) {
                return; // cleared by a reset meanwhile
            }
            PeriodFigures counted = PeriodFigures.count(what.center(), what.period(),
                    byCenter.getOrDefault(what.center(), List.of()));
            List<Document> parts = counted.parts().stream().map(DocumentCollection::bson).toList();
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.combine(Updates.set("parts", parts), Updates.set("moved", counted.moved()),
                            Updates.set("computedFrom", count))));
        });
        if (!writes.isEmpty()) {
            figures.bulkWrite(writes, UNORDERED);
        }
        // A segment that read a lower count may have written after this one: such figures read as behind,
        // and are noted so that they are counted again in the background.
        Map<String, Kept> behind = new LinkedHashMap<>();
        labels(kept.keySet()).forEach((id, label) -> {
            if (label[0] != label[1]) {
                behind.put(id, kept.get(id));
            }
        });
        if (!behind.isEmpty()) {
            remember(behind);
        }
    }

    /** Each period's {@code dirty} and {@code computedFrom}, by id. */
    private Map<String, long[]> labels(Collection<String> periods) {
        Map<String, long[]> labels = new HashMap<>();
        periodFigures.findAll(new ArrayList<>(periods), Projections.include("dirty", "computedFrom"),
                document -> labels.put(document.getString("_id"), new long[] {
                        ((Number) document.get("dirty")).longValue(), ((Number) document.get("computedFrom")).longValue()}));
        return labels;
    }
}
