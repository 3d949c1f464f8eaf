package org.casebook.ops.readmodels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.casebook.query.store.Projection;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.casebook.query.store.ReadModelVersions;
import org.casebook.shared.refusal.Refusal;
import org.casebook.ops.start.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Blue/green versions of the read models, on every node alike. Each node follows PostgreSQL every
 * {@code poll}: it serves the recorded version, folds every version being rebuilt beside it, and stops
 * folding versions cancelled or replaced. A rebuilt version takes over once it has folded every event
 * the serving version has and has settled what its replay left for later; the switch is one
 * transaction, made by whichever node sees it first, and every node serves the new version at its
 * next poll. The replaced version keeps folding for {@code retire-after} (a request on its way still
 * reads it), then its tokens, dead letters and collections are dropped.
 * <p>
 * At start, a serving read model whose store is empty while events exist (a new MongoDB, a dropped
 * database) folds again from the first event, unless another node holds its segments.
 */
@Component
public class ReadModelVersionSwitch implements ConfigurerModule {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelVersionSwitch.class);
    /** Work a replay left for later, done in steps of this many. */
    private static final int SETTLE_AT_ONCE = 200;
    /** How long the rate of a rebuild is measured over. */
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /** A consistency check still running after this long has lost its process. */
    private static final Duration ABANDONED_CHECK = Duration.ofHours(3);
    /** How long after a cancel its version is dropped, so every node has stopped folding it. */
    private static final Duration DROP_AFTER_STOP = Duration.ofSeconds(5);

    /** This node, named as Axon's token store names the owner of a claim. */
    static final String NODE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    /** A node not heard from for this long no longer counts in the share of segments. */
    private static final Duration ALIVE_WITHIN = Duration.ofSeconds(5);

    private final List<ReadModel> readModels;
    private final ReadModelTables tables;
    private final ReadModelProcessors processors;
    private final TokenPositions positions;
    private final ReadModelVersions versions;
    private final ReadModelStore store;
    private final ProcessingProperties properties;
    private final Clock clock;
    private final Map<Long, Deque<long[]>> samples = new ConcurrentHashMap<>();
    private Periodic following;

    public ReadModelVersionSwitch(List<ReadModel> readModels, ReadModelTables tables, ReadModelProcessors processors,
                                  TokenPositions positions, ReadModelVersions versions, ReadModelStore store,
                                  ProcessingProperties properties, Clock clock) {
        this.readModels = readModels;
        this.tables = tables;
        this.processors = processors;
        this.positions = positions;
        this.versions = versions;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS, this::begin);
        configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, () -> CompletableFuture.runAsync(this::end));
    }

    public List<ReadModel> readModels() {
        return readModels;
    }

    public ReadModel readModel(String name) {
        ReadModel readModel = readModelNamed(name);
        if (readModel == null) {
            throw Refusal.notFound("read-model-unknown", name);
        }
        return readModel;
    }

    synchronized void begin() {
        tables.servingVersions().forEach(versions::serve);
        if (!properties.enabled()) {
            return;
        }
        tables.heartbeat(NODE);
        processors.liveNodes(tables.liveNodes(ALIVE_WITHIN));
        for (ReadModel readModel : readModels) {
            int serving = versions.current(readModel.name());
            refoldIfEmpty(readModel, serving);
            processors.start(readModel, serving);
        }
        following = Periodic.every("read-model-versions", Duration.ZERO, properties.poll(), this::follow, LOG,
                "Could not follow the read models' versions this time");
    }

    synchronized void end() {
        if (following != null) {
            following.stop();
            following = null;
        }
        processors.stopAll();
        if (properties.enabled()) {
            try {
                tables.leave(NODE);
            } catch (RuntimeException e) {
                LOG.debug("Could not say this node leaves: {}", e.getMessage());
            }
        }
    }

    /**
     * Starts a rebuild of the read model: a new version, folded from the first event on every node.
     *
     * @throws Refusal (conflict) when one is already running
     */
    public ReadModelTables.Build startRebuild(String name, String startedBy) {
        ReadModel readModel = readModel(name);
        ReadModelTables.Build build = tables.start(readModel.name(), ReadModelTables.Kind.REBUILD, startedBy,
                versions.current(readModel.name()));
        LOG.info("{} started a rebuild of the read model '{}' as version {}", startedBy, name, build.version());
        if (properties.enabled()) {
            processors.start(readModel, build.version());
        }
        return build;
    }

    /** Cancels the running rebuild: the serving version stays. */
    public ReadModelTables.Build cancelRebuild(String name, String cancelledBy) {
        ReadModel readModel = readModel(name);
        ReadModelTables.Build build = tables.runningRebuild(readModel.name())
                .orElseThrow(() -> Refusal.notFound("rebuild-not-running", name));
        if (!tables.finish(build.id(), ReadModelTables.Status.CANCELLED, "cancelled by " + cancelledBy)) {
            throw Refusal.notFound("rebuild-not-running", name);
        }
        LOG.info("{} cancelled the rebuild of the read model '{}' (version {})", cancelledBy, name, build.version());
        processors.stop(ReadModelProcessors.processorName(name, build.version()));
        return tables.build(build.id()).orElse(build);
    }

    /** Events per second a running build has folded lately, as this node has seen it; 0 before it knows. */
    public double eventsPerSecond(long buildId) {
        Deque<long[]> seen = samples.get(buildId);
        if (seen == null || seen.size() < 2) {
            return 0;
        }
        long[] first = seen.peekFirst();
        long[] last = seen.peekLast();
        double seconds = (last[0] - first[0]) / 1e9;
        return seconds <= 0 ? 0 : Math.max(0, (last[1] - first[1]) / seconds);
    }

    /** One look at PostgreSQL: serve, fold, switch, stop and drop as it says. */
    synchronized void follow() {
        tables.heartbeat(NODE);
        processors.liveNodes(tables.liveNodes(ALIVE_WITHIN));
        Map<String, Integer> serving = tables.servingVersions();
        for (ReadModel readModel : readModels) {
            int version = serving.getOrDefault(readModel.name(), ReadModelVersions.FIRST);
            if (versions.current(readModel.name()) != version) {
                LOG.info("Version {} of the read model '{}' serves the queries now", version, readModel.name());
                versions.serve(readModel.name(), version);
            }
            processors.start(readModel, version);
        }
        Set<String> keep = new HashSet<>();
        readModels.forEach(model -> keep.add(ReadModelProcessors.processorName(model.name(), versions.current(model.name()))));
        Instant now = clock.instant();
        for (ReadModelTables.Build build : tables.openBuilds()) {
            if (build.kind() == ReadModelTables.Kind.CHECK) {
                // A consistency check's scratch version folds only where the check runs. One whose process
                // died is given up after the longest a check may take, and dropped.
                if (build.running() && processors.run(ReadModelProcessors.processorName(build.readModel(),
                        build.version())).isPresent()) {
                    keep.add(ReadModelProcessors.processorName(build.readModel(), build.version()));
                } else if (build.running() && now.isAfter(build.startedAt().plus(ABANDONED_CHECK))) {
                    tables.finish(build.id(), ReadModelTables.Status.FAILED, "abandoned: its process stopped");
                } else if (!build.running() && readModelNamed(build.readModel()) != null) {
                    drop(build, readModelNamed(build.readModel()), build.version());
                }
                continue;
            }
            ReadModel readModel = readModelNamed(build.readModel());
            if (readModel == null) {
                continue;
            }
            String name = ReadModelProcessors.processorName(build.readModel(), build.version());
            switch (build.status()) {
                case RUNNING -> {
                    keep.add(name);
                    processors.start(readModel, build.version());
                    sample(build);
                    switchIfCaughtUp(readModel, build);
                }
                case SWITCHED -> {
                    String replaced = ReadModelProcessors.processorName(build.readModel(), build.replaced());
                    Instant retire = build.finishedAt().plus(properties.retireAfter());
                    samples.remove(build.id());
                    if (now.isBefore(retire)) {
                        keep.add(replaced);
                    } else if (now.isAfter(retire.plus(DROP_AFTER_STOP))) {
                        drop(build, readModel, build.replaced());
                    }
                }
                default -> {
                    samples.remove(build.id());
                    if (now.isAfter(build.finishedAt().plus(DROP_AFTER_STOP))) {
                        drop(build, readModel, build.version());
                    }
                }
            }
        }
        for (ReadModelProcessors.Run run : processors.runs()) {
            if (!keep.contains(run.name())) {
                LOG.info("No longer folding version {} of the read model '{}' here", run.version(), run.readModel().name());
                processors.stop(run.name());
            }
        }
        settle();
    }

    /** Does the work replays left for later, on every version whose processor no longer replays here. */
    public synchronized void settleAll() {
        settle();
    }

    private void settle() {
        List<ReadModelProcessors.Run> runs = List.copyOf(processors.runs());
        Map<String, List<TokenPositions.Segment>> segments = positions.segments(
                runs.stream().map(ReadModelProcessors.Run::name).toList());
        for (ReadModelProcessors.Run run : runs) {
            List<TokenPositions.Segment> folded = segments.get(run.name());
            if (!folded.isEmpty() && folded.stream().noneMatch(TokenPositions.Segment::replaying)) {
                settle(run.projection());
            }
        }
    }

    /** Does all the work the projection's replay left for later, until nothing is left. */
    static void settle(Projection projection) {
        while (projection.settle(SETTLE_AT_ONCE) > 0) {
            // until nothing is left
        }
    }

    private void sample(ReadModelTables.Build build) {
        long position = TokenPositions.position(positions.segments(
                ReadModelProcessors.processorName(build.readModel(), build.version())));
        Deque<long[]> seen = samples.computeIfAbsent(build.id(), id -> new ArrayDeque<>());
        long now = System.nanoTime();
        seen.addLast(new long[] {now, position});
        while (seen.size() > 2 && now - seen.peekFirst()[0] > RATE_WINDOW.toNanos()) {
            seen.removeFirst();
        }
    }

    private void switchIfCaughtUp(ReadModel readModel, ReadModelTables.Build build) {
        int serving = versions.current(readModel.name());
        String rebuilt = ReadModelProcessors.processorName(readModel.name(), build.version());
        String current = ReadModelProcessors.processorName(readModel.name(), serving);
        Map<String, List<TokenPositions.Segment>> segments = positions.segments(List.of(rebuilt, current));
        List<TokenPositions.Segment> rebuiltSegments = segments.get(rebuilt);
        if (rebuiltSegments.isEmpty() || rebuiltSegments.size() < readModel.segments()
                || rebuiltSegments.stream().anyMatch(TokenPositions.Segment::replaying)) {
            return;
        }
        long rebuiltAt = TokenPositions.position(rebuiltSegments);
        long servingAt = TokenPositions.position(segments.get(current));
        if (rebuiltAt < servingAt) {
            return;
        }
        Optional<ReadModelProcessors.Run> run = processors.run(rebuilt);
        if (run.isEmpty()) {
            return;
        }
        settle(run.get().projection());
        if (tables.switchTo(build, serving)) {
            versions.serve(readModel.name(), build.version());
            LOG.info("Version {} of the read model '{}' has caught up (position {}) and serves the queries now",
                    build.version(), readModel.name(), rebuiltAt);
        }
    }

    private ReadModel readModelNamed(String name) {
        return readModels.stream().filter(model -> model.name().equals(name)).findFirst().orElse(null);
    }

    /** Drops a version nobody serves or folds any more: once, by the node that claims it. */
    private void drop(ReadModelTables.Build build, ReadModel readModel, int version) {
        String name = ReadModelProcessors.processorName(readModel.name(), version);
        processors.stop(name);
        if (tables.claimDrop(build.id())) {
            tables.forget(name);
            store.drop(readModel, version);
            LOG.info("Dropped version {} of the read model '{}': its tokens, dead letters and collections", version,
                    readModel.name());
        }
    }

    /**
     * Before this node folds a serving version: if its store is empty while events exist, and no node
     * holds its segments, it folds again from the first event.
     */
    private void refoldIfEmpty(ReadModel readModel, int version) {
        if (tables.head() < 0 || !readModel.projection(store, version).isEmpty()) {
            return;
        }
        String name = ReadModelProcessors.processorName(readModel.name(), version);
        List<TokenPositions.Segment> segments = positions.segments(name);
        if (segments.isEmpty()) {
            return;
        }
        Instant stale = clock.instant().minus(Duration.ofSeconds(10));
        boolean held = segments.stream().anyMatch(segment -> segment.owner() != null
                && segment.claimedAt() != null && segment.claimedAt().isAfter(stale));
        if (held) {
            LOG.warn("Read model '{}' is empty, but other nodes hold its segments; an operator can start a rebuild",
                    readModel.name());
            return;
        }
        tables.forget(name);
        store.drop(readModel, version);
        LOG.info("Read model '{}' is empty while events exist: folding it again from the first event", readModel.name());
    }
}
