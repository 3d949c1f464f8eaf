package org.casebook.ops.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import org.bson.RawBsonDocument;
import org.casebook.ops.readmodels.ReadModelVersionSwitch;
import org.casebook.ops.start.OneShot;
import org.casebook.ops.start.StartRefused;
import org.casebook.query.progress.ProjectionProgress;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.casebook.query.store.ReadModelVersions;
import org.casebook.shared.json.CasebookJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rebuild benchmark ({@code casebook.benchmark.rebuild=true}; see the README): once the history is
 * in, says how long after it was written the live read models had folded it; then rebuilds every read
 * model as an operator does (a new version of each beside the serving one, until each serves) and prints
 * its events, seconds, events per second, the heap's peak and when each read model's new version served;
 * then, on the same databases, the raw baseline: a plain JDBC scan of the same events with their payloads
 * parsed, and bulk inserts of as many documents of the same sizes as the rebuilt versions hold; and
 * their ratio on a last line of its own. Then the service stops.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 2)
class RebuildBenchmark implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildBenchmark.class);
    private static final int PAGE = 1_000;

    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ProjectionProgress progress;
    private final ReadModelVersionSwitch versionSwitch;
    private final ReadModelVersions versions;
    private final ReadModelStore store;
    private final boolean enabled;
    private final Duration wait;

    RebuildBenchmark(ConfigurableApplicationContext context, DataSource dataSource, ProjectionProgress progress,
                     ReadModelVersionSwitch versionSwitch, ReadModelVersions versions, ReadModelStore store,
                     @Value("${casebook.benchmark.rebuild:false}") boolean enabled,
                     @Value("${casebook.benchmark.wait:PT3H}") Duration wait) {
        this.context = context;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.progress = progress;
        this.versionSwitch = versionSwitch;
        this.versions = versions;
        this.store = store;
        this.enabled = enabled;
        this.wait = wait;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (enabled) {
            OneShot.run(context, "rebuild benchmark", this::measure);
        }
    }

    private void measure() throws Exception {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        if (head == null || events == null || events == 0) {
            throw new StartRefused("There are no events to rebuild from.", "Start the benchmark with "
                    + StartRefused.named("casebook.demo.engagements") + " set to the size of history to measure.");
        }
        LOG.info("Waiting for the read models to fold {} events before rebuilding them", events);
        long waited = System.nanoTime();
        if (!progress.await(head, wait)) {
            throw new StartRefused("The read models did not catch up within " + wait + ".", "Give them longer with "
                    + StartRefused.named("casebook.benchmark.wait") + ".");
        }
        versionSwitch.settleAll();
        print(String.format(Locale.ROOT, "live folding:   the read models had folded the history %.1f s after it was written",
                seconds(waited)));

        // The rebuild, as an operator starts it.
        resetHeapPeaks();
        long started = System.nanoTime();
        Map<ReadModel, Integer> rebuilding = new LinkedHashMap<>();
        for (ReadModel readModel : versionSwitch.readModels()) {
            rebuilding.put(readModel, versionSwitch.startRebuild(readModel.name(), "benchmark").version());
        }
        long deadline = started + wait.toNanos();
        Map<String, Double> serving = new LinkedHashMap<>();
        while (serving.size() < rebuilding.size()) {
            if (System.nanoTime() > deadline) {
                throw new StartRefused("The rebuild did not finish within " + wait + ".", "Give it longer with "
                        + StartRefused.named("casebook.benchmark.wait") + ".");
            }
            for (Map.Entry<ReadModel, Integer> rebuilt : rebuilding.entrySet()) {
                String name = rebuilt.getKey().name();
                if (!serving.containsKey(name) && versions.current(name) == rebuilt.getValue()) {
                    serving.put(name, seconds(started));
                }
            }
            Thread.sleep(20);
        }
        double rebuildSeconds = seconds(started);
        long peakHeap = heapPeak();
        double rebuildRate = events / rebuildSeconds;
        print(String.format(Locale.ROOT, "rebuild:        %,12d events in %9.1f s: %,9.0f events/s, peak heap %,d MB",
                events, rebuildSeconds, rebuildRate, peakHeap >> 20));
        StringBuilder each = new StringBuilder("  serving after:");
        serving.forEach((name, seconds) -> each.append(String.format(Locale.ROOT, " %s %.1f s,", name, seconds)));
        print(each.substring(0, each.length() - 1));

        // The raw baseline: read the events once, write the documents once.
        started = System.nanoTime();
        long scanned = scan();
        double scanSeconds = seconds(started);
        print(String.format(Locale.ROOT, "  scan:         %,12d events in %9.1f s: %,9.0f events/s (JDBC, payloads parsed)",
                scanned, scanSeconds, scanned / scanSeconds));
        long documents = 0;
        long bytes = 0;
        double insertSeconds = 0;
        for (Map.Entry<ReadModel, Integer> rebuilt : rebuilding.entrySet()) {
            for (String collection : rebuilt.getKey().collections()) {
                long[] copied = copy(store.collection(collection, rebuilt.getValue()).withDocumentClass(RawBsonDocument.class),
                        collection);
                documents += copied[0];
                bytes += copied[1];
                insertSeconds += copied[2] / 1e9;
            }
        }
        print(String.format(Locale.ROOT, "  inserts:      %,12d documents (%,d MB of BSON) in %9.1f s: %,9.0f documents/s",
                documents, bytes >> 20, insertSeconds, documents / Math.max(insertSeconds, 1e-9)));
        double baselineRate = events / (scanSeconds + insertSeconds);
        print(String.format(Locale.ROOT, "raw baseline:   %,12d events in %9.1f s: %,9.0f events/s", events,
                scanSeconds + insertSeconds, baselineRate));
        print(String.format(Locale.ROOT, "rebuild ratio: %.2f (%,.0f events/s against %,.0f)", rebuildRate / baselineRate,
                rebuildRate, baselineRate));
    }

    /** Reads every event with its metadata in large pages (a cursor in a transaction), and parses both. */
    private long scan() throws java.sql.SQLException, java.io.IOException {
        ObjectMapper json = CasebookJson.newMapper();
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT global_index, payload_type, payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(5_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        json.readTree(rows.getBytes(3));
                        json.readTree(rows.getBytes(4));
                        count++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return count;
    }

    /**
     * Writes as many documents of the same sizes as the collection holds into a scratch collection, a
     * thousand an insert, and drops it. Only the inserts are timed.
     *
     * @return the documents, their bytes and the nanoseconds the inserts took
     */
    private long[] copy(MongoCollection<RawBsonDocument> from, String name) {
        String scratchName = "benchmark_" + name;
        MongoCollection<RawBsonDocument> scratch = store.database().getCollection(scratchName, RawBsonDocument.class);
        if (store.database().listCollectionNames().into(new ArrayList<>()).contains(scratchName)) {
            scratch.drop();
        }
        long documents = 0;
        long bytes = 0;
        long nanos = 0;
        List<RawBsonDocument> page = new ArrayList<>(PAGE);
        for (RawBsonDocument document : from.find().batchSize(PAGE)) {
            page.add(document);
            documents++;
            bytes += document.getByteBuffer().remaining();
            if (page.size() == PAGE) {
                nanos += insert(scratch, page);
            }
        }
        if (!page.isEmpty()) {
            nanos += insert(scratch, page);
        }
        if (documents > 0) {
            scratch.drop();
        }
        return new long[] {documents, bytes, nanos};
    }

    private static long insert(MongoCollection<RawBsonDocument> scratch, List<RawBsonDocument> page) {
        long started = System.nanoTime();
        scratch.insertMany(page);
        long took = System.nanoTime() - started;
        page.clear();
        return took;
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
