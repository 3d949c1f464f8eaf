package org.casebook.ops.readmodels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelVersions;
import org.springframework.stereotype.Component;

/** What operators see of each read model: its serving version, how far behind it is, and its rebuild. */
@Component
public class ReadModelStatuses {

    /** One read model, as {@code GET /api/ops/projections} answers it ({@code "rebuild": null} when none runs). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Status(String name, int version, String status, long position, long head, long lagEvents,
                         double lagSeconds, Rebuild rebuild, Rebuild lastRebuild, long deadLetters,
                         List<SegmentStatus> segments) {
    }

    /** A version built beside the serving one; while it runs, how far and how fast. */
    public record Rebuild(int version, String status, long position, double percent, double eventsPerSecond,
                          Long etaSeconds, Instant startedAt, String startedBy, Instant finishedAt, String failure) {
    }

    /** One segment of the serving version. */
    public record SegmentStatus(int segment, long position, long lagEvents, double lagSeconds, boolean replaying,
                                String owner) {
    }

    private final ReadModelVersionSwitch versionSwitch;
    private final ReadModelTables tables;
    private final TokenPositions positions;
    private final ReadModelVersions versions;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public ReadModelStatuses(ReadModelVersionSwitch versionSwitch, ReadModelTables tables, TokenPositions positions,
                             ReadModelVersions versions, DeadLetters deadLetters, Clock clock) {
        this.versionSwitch = versionSwitch;
        this.tables = tables;
        this.positions = positions;
        this.versions = versions;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    public List<Status> all() {
        long head = tables.head();
        Map<String, Long> parked = deadLetters.countsByProcessor();
        List<Status> statuses = new ArrayList<>();
        for (ReadModel readModel : versionSwitch.readModels()) {
            statuses.add(status(readModel, head, parked));
        }
        statuses.sort(java.util.Comparator.comparing(Status::name));
        return statuses;
    }

    public Status of(String name) {
        return status(versionSwitch.readModel(name), tables.head(), deadLetters.countsByProcessor());
    }

    private Status status(ReadModel readModel, long head, Map<String, Long> parked) {
        int version = versions.current(readModel.name());
        String processor = ReadModelProcessors.processorName(readModel.name(), version);
        List<TokenPositions.Segment> segments = positions.segments(processor);
        long position = TokenPositions.position(segments);
        List<SegmentStatus> segmentStatuses = segments.stream().map(segment -> new SegmentStatus(segment.segment(),
                segment.position(), lag(head, segment.position()), lagSeconds(head, segment.position()),
                segment.replaying(), segment.owner())).toList();
        boolean replaying = segments.stream().anyMatch(TokenPositions.Segment::replaying);
        Rebuild running = tables.runningRebuild(readModel.name()).map(build -> rebuild(build, head)).orElse(null);
        Rebuild last = running != null ? null : tables.latestRebuild(readModel.name()).map(build -> rebuild(build, head))
                .orElse(null);
        return new Status(readModel.name(), version, replaying ? "REPLAYING" : "CURRENT", position, head,
                lag(head, position), lagSeconds(head, position), running, last, parked.getOrDefault(processor, 0L),
                segmentStatuses);
    }

    /** A build as operators see it; the rate is this node's own measure of the last seconds. */
    Rebuild rebuild(ReadModelTables.Build build, long head) {
        if (!build.running()) {
            return new Rebuild(build.version(), build.status().name(), -1, build.status()
                    == ReadModelTables.Status.SWITCHED ? 100 : 0, 0, null, build.startedAt(), build.startedBy(),
                    build.finishedAt(), build.failure());
        }
        long position = TokenPositions.position(positions.segments(
                ReadModelProcessors.processorName(build.readModel(), build.version())));
        double percent = head <= 0 ? 100 : Math.min(100, Math.max(0, position) * 100.0 / head);
        double rate = versionSwitch.eventsPerSecond(build.id());
        Long eta = rate <= 0 ? null : (long) Math.ceil(lag(head, position) / rate);
        return new Rebuild(build.version(), build.status() == ReadModelTables.Status.RUNNING ? "REBUILDING"
                : build.status().name(), position, Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, eta,
                build.startedAt(), build.startedBy(), build.finishedAt(), build.failure());
    }

    private static long lag(long head, long position) {
        return Math.max(0, head - position);
    }

    /** How long ago the first event not yet folded was recorded; 0 when every event is. */
    private double lagSeconds(long head, long position) {
        if (position >= head) {
            return 0;
        }
        Optional<Instant> waiting = tables.recordedAfter(position);
        return waiting.map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
    }
}
