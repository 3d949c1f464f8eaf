package org.casebook.ops.readmodels;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.casebook.ops.start.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The read models' gauges for Prometheus, refreshed every few seconds from what every node shares
 * (tokens, builds and dead letters in PostgreSQL), so any node reports the same: per read model and
 * segment, how far behind in events and seconds; per read model, the running rebuild's progress (0 to
 * 1) and events per second, and the parked events. The events each node folds are counted as they go
 * ({@code casebook_read_model_events_folded_total}).
 */
@Component
public class ReadModelMetrics implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelMetrics.class);
    private static final long EVERY_SECONDS = 5;

    private final ReadModelStatuses statuses;
    private final MultiGauge lagEvents;
    private final MultiGauge lagSeconds;
    private final MultiGauge rebuildProgress;
    private final MultiGauge rebuildRate;
    private final MultiGauge deadLetters;
    private final MultiGauge version;
    private Periodic refreshing;

    public ReadModelMetrics(ReadModelStatuses statuses, MeterRegistry meters) {
        this.statuses = statuses;
        this.lagEvents = MultiGauge.builder("casebook.read.model.lag.events")
                .description("Events stored but not yet folded by a segment of the serving version").register(meters);
        this.lagSeconds = MultiGauge.builder("casebook.read.model.lag.seconds")
                .description("Age of the oldest event a segment of the serving version has not folded").register(meters);
        this.rebuildProgress = MultiGauge.builder("casebook.read.model.rebuild.progress.ratio")
                .description("How far the running rebuild has folded the events, 0 to 1 (0 when none runs)")
                .register(meters);
        this.rebuildRate = MultiGauge.builder("casebook.read.model.rebuild.events.per.second")
                .description("Events the running rebuild folds per second").register(meters);
        this.deadLetters = MultiGauge.builder("casebook.read.model.dead.letters")
                .description("Events parked because a projection could not fold them").register(meters);
        this.version = MultiGauge.builder("casebook.read.model.version")
                .description("The version of the read model that serves the queries").register(meters);
    }

    /** Reads the figures again. */
    public void refresh() {
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> secondsRows = new ArrayList<>();
        List<MultiGauge.Row<?>> progressRows = new ArrayList<>();
        List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> parkedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> versionRows = new ArrayList<>();
        for (ReadModelStatuses.Status status : statuses.all()) {
            Tags readModel = Tags.of("read_model", status.name());
            for (ReadModelStatuses.SegmentStatus segment : status.segments()) {
                Tags tags = readModel.and("segment", Integer.toString(segment.segment()));
                lagRows.add(MultiGauge.Row.of(tags, segment.lagEvents()));
                secondsRows.add(MultiGauge.Row.of(tags, segment.lagSeconds()));
            }
            ReadModelStatuses.Rebuild rebuild = status.rebuild();
            progressRows.add(MultiGauge.Row.of(readModel, rebuild == null ? 0 : rebuild.percent() / 100));
            rateRows.add(MultiGauge.Row.of(readModel, rebuild == null ? 0 : rebuild.eventsPerSecond()));
            parkedRows.add(MultiGauge.Row.of(readModel, status.deadLetters()));
            versionRows.add(MultiGauge.Row.of(readModel, status.version()));
        }
        lagEvents.register(lagRows, true);
        lagSeconds.register(secondsRows, true);
        rebuildProgress.register(progressRows, true);
        rebuildRate.register(rateRows, true);
        deadLetters.register(parkedRows, true);
        version.register(versionRows, true);
    }

    @Override
    public synchronized void start() {
        refreshing = Periodic.every("read-model-metrics", Duration.ZERO, Duration.ofSeconds(EVERY_SECONDS), this::refresh,
                LOG, "Could not read the read models' figures this time");
    }

    @Override
    public synchronized void stop() {
        if (refreshing != null) {
            refreshing.stop();
            refreshing = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refreshing != null;
    }
}
