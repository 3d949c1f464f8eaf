package org.casebook.ops.readmodels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.casebook.query.store.ReadModelVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks that the serving read models are exactly what the events say: folds every event again into a
 * scratch version of each read model (its own processor and collections, on this node only), then
 * compares it document for document with the serving version, by collection and id. Events that
 * arrive meanwhile fold into both; a document that differs is compared again once the scratch version
 * has folded as far as the serving one and both have done the work their folds left for later, so only
 * lasting differences are reported.
 */
@Component
public class ConsistencyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConsistencyCheck.class);
    /** How many differences are listed one by one; the count covers them all. */
    private static final int LISTED = 1000;
    private static final int ROUNDS = 4;
    /** The pause before the second round of comparing; it doubles each round. */
    private static final Duration PAUSE = Duration.ofMillis(250);

    /** One document that differs: {@code MISSING} from the serving version, {@code EXTRA} in it, or {@code DIFFERENT}. */
    public record Difference(String readModel, String collection, String id, String kind) {
    }

    public record Report(long differences, long documents, List<Difference> details, Map<String, Long> documentsByCollection) {
    }

    /** Told how far the scratch versions have folded, for a progress bar. */
    public interface Progress {
        void folded(String readModel, long position, long head);

        Progress NONE = (readModel, position, head) -> { };
    }

    private final ReadModelVersionSwitch versionSwitch;
    private final ReadModelTables tables;
    private final ReadModelProcessors processors;
    private final TokenPositions positions;
    private final ReadModelVersions versions;
    private final ReadModelStore store;

    public ConsistencyCheck(ReadModelVersionSwitch versionSwitch, ReadModelTables tables, ReadModelProcessors processors,
                            TokenPositions positions, ReadModelVersions versions, ReadModelStore store) {
        this.versionSwitch = versionSwitch;
        this.tables = tables;
        this.processors = processors;
        this.positions = positions;
        this.versions = versions;
        this.store = store;
    }

    public Report run(String checkedBy, Duration timeout, Progress progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Difference> all = new ArrayList<>();
        Map<String, Long> documents = new LinkedHashMap<>();
        for (ReadModel readModel : versionSwitch.readModels()) {
            check(readModel, checkedBy, deadline, progress, all, documents);
        }
        long total = documents.values().stream().mapToLong(Long::longValue).sum();
        LOG.info("Consistency check by {}: {} documents, {} differences", checkedBy, total, all.size());
        return new Report(all.size(), total, all.size() > LISTED ? List.copyOf(all.subList(0, LISTED)) : all, documents);
    }

    private void check(ReadModel readModel, String checkedBy, long deadline, Progress progress, List<Difference> found,
                       Map<String, Long> documents) throws InterruptedException {
        ReadModelTables.Build build = tables.start(readModel.name(), ReadModelTables.Kind.CHECK, checkedBy,
                versions.current(readModel.name()));
        String scratch = ReadModelProcessors.processorName(readModel.name(), build.version());
        boolean done = false;
        try {
            ReadModelProcessors.Run run = processors.start(readModel, build.version(), false);
            long head = tables.head();
            awaitFolded(readModel, scratch, head, deadline, progress);
            ReadModelVersionSwitch.settle(run.projection());
            int serving = awaitServing(readModel, head, deadline);
            List<Difference> differences = compare(readModel, build.version(), serving, null, documents);
            for (int round = 1; round < ROUNDS && !differences.isEmpty(); round++) {
                // Events may have arrived since: let the scratch version fold as far as the serving one,
                // and the serving one finish the work its folds left for later (figures to count again).
                Thread.sleep(PAUSE.toMillis() << (round - 1));
                versionSwitch.settleAll();
                serving = awaitServing(readModel, tables.head(), deadline);
                long servingAt = TokenPositions.position(positions.segments(
                        ReadModelProcessors.processorName(readModel.name(), serving)));
                awaitFolded(readModel, scratch, servingAt, deadline, Progress.NONE);
                ReadModelVersionSwitch.settle(run.projection());
                TreeSet<String> ids = new TreeSet<>();
                differences.forEach(difference -> ids.add(difference.collection() + "\u0000" + difference.id()));
                differences = compare(readModel, build.version(), serving, ids, null);
            }
            found.addAll(differences);
            done = true;
        } finally {
            processors.stop(scratch);
            tables.finish(build.id(), done ? ReadModelTables.Status.CHECKED : ReadModelTables.Status.FAILED, null);
            if (tables.claimDrop(build.id())) {
                tables.forget(scratch);
                store.drop(readModel, build.version());
            }
        }
    }

    /**
     * Waits until the serving version has folded the events up to the position; the serving version as
     * PostgreSQL says now (a rebuild may switch versions while the check runs).
     */
    private int awaitServing(ReadModel readModel, long position, long deadline) throws InterruptedException {
        while (true) {
            int serving = tables.servingVersions().getOrDefault(readModel.name(), ReadModelVersions.FIRST);
            List<TokenPositions.Segment> segments = positions.segments(
                    ReadModelProcessors.processorName(readModel.name(), serving));
            if (position < 0 || folded(readModel, segments, position)) {
                return serving;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The serving version " + serving + " of the read model '"
                        + readModel.name() + "' did not fold the events up to " + position + " in time");
            }
            Thread.sleep(100);
        }
    }

    private static boolean folded(ReadModel readModel, List<TokenPositions.Segment> segments, long position) {
        return segments.size() >= readModel.segments() && TokenPositions.position(segments) >= position
                && segments.stream().noneMatch(TokenPositions.Segment::replaying);
    }

    private void awaitFolded(ReadModel readModel, String processor, long position, long deadline, Progress progress)
            throws InterruptedException {
        while (true) {
            List<TokenPositions.Segment> segments = positions.segments(processor);
            long at = TokenPositions.position(segments);
            progress.folded(readModel.name(), Math.max(0, at), Math.max(0, position));
            if (position < 0 || folded(readModel, segments, position)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The read model '" + readModel.name() + "' (" + processor
                        + ") did not fold the events up to " + position + " in time: its segments are at "
                        + segments.stream().map(segment -> segment.position() + (segment.replaying() ? " (replaying)" : ""))
                        .toList());
            }
            Thread.sleep(100);
        }
    }

    /**
     * The documents of each collection that differ between the scratch and the serving version.
     *
     * @param only     the collection and id pairs to compare again; null: every document
     * @param counted  where to count the serving version's documents; null: not counted
     */
    private List<Difference> compare(ReadModel readModel, int scratch, int serving, TreeSet<String> only,
                                     Map<String, Long> counted) {
        List<Difference> differences = new ArrayList<>();
        for (String collection : readModel.collections()) {
            MongoCollection<Document> expected = store.collection(collection, scratch);
            MongoCollection<Document> actual = store.collection(collection, serving);
            long[] documents = {0};
            if (only == null) {
                try (MongoCursor<Document> want = sorted(expected); MongoCursor<Document> have = sorted(actual)) {
                    merge(readModel, collection, want, have, differences, documents);
                }
            } else {
                List<String> ids = only.stream().filter(key -> key.startsWith(collection + "\u0000"))
                        .map(key -> key.substring(collection.length() + 1)).toList();
                if (ids.isEmpty()) {
                    continue;
                }
                try (MongoCursor<Document> want = expected.find(Filters.in("_id", ids)).sort(Sorts.ascending("_id")).iterator();
                     MongoCursor<Document> have = actual.find(Filters.in("_id", ids)).sort(Sorts.ascending("_id")).iterator()) {
                    merge(readModel, collection, want, have, differences, documents);
                }
            }
            if (counted != null) {
                counted.merge(collection, documents[0], Long::sum);
            }
        }
        return differences;
    }

    private static MongoCursor<Document> sorted(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).iterator();
    }

    /** Walks two cursors sorted by id side by side, as a merge does. */
    private static void merge(ReadModel readModel, String collection, Iterator<Document> want, Iterator<Document> have,
                              List<Difference> differences, long[] documents) {
        Document expected = next(readModel, collection, want);
        Document actual = next(readModel, collection, have);
        while (expected != null || actual != null) {
            int order = expected == null ? 1 : actual == null ? -1
                    : String.valueOf(expected.get("_id")).compareTo(String.valueOf(actual.get("_id")));
            if (order < 0) {
                differences.add(new Difference(readModel.name(), collection, String.valueOf(expected.get("_id")), "MISSING"));
                expected = next(readModel, collection, want);
            } else if (order > 0) {
                documents[0]++;
                differences.add(new Difference(readModel.name(), collection, String.valueOf(actual.get("_id")), "EXTRA"));
                actual = next(readModel, collection, have);
            } else {
                documents[0]++;
                if (!Objects.equals(expected, actual)) {
                    differences.add(new Difference(readModel.name(), collection, String.valueOf(actual.get("_id")),
                            "DIFFERENT"));
                }
                expected = next(readModel, collection, want);
                actual = next(readModel, collection, have);
            }
        }
    }

    /** The next document worth comparing. */
    private static Document next(ReadModel readModel, String collection, Iterator<Document> documents) {
        while (documents.hasNext()) {
            Document comparable = readModel.comparable(collection, documents.next());
            if (comparable != null) {
                return comparable;
            }
        }
        return null;
    }
}
