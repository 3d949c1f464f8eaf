package org.casebook.query.figures;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts the period figures noted while the figures processor replayed past events, or found behind
 * once written, every few seconds once the processor no longer replays here. Several nodes may count the same period side by side; the counts
 * guard the figures (see {@link PeriodFiguresWrites}). Until a period is counted, its dashboards are
 * counted from the center-months.
 */
@Component
public class PendingPeriodFigures implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PendingPeriodFigures.class);
    private static final Duration EVERY = Duration.ofSeconds(2);
    private static final int AT_ONCE = 200;

    private final FactsProjection projection;
    private final EventProcessingConfiguration processing;
    private ScheduledExecutorService scheduler;

    public PendingPeriodFigures(FactsProjection projection, EventProcessingConfiguration processing) {
        this.projection = projection;
        this.processing = processing;
    }

    /** Counts every noted period now, unless the processor still replays. */
    public void countNoted() {
        boolean replaying = processing.eventProcessorByProcessingGroup(FactsProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).map(StreamingEventProcessor::isReplaying).orElse(false);
        if (replaying) {
            return;
        }
        int counted = 0;
        for (int now = projection.countPendingPeriodFigures(AT_ONCE); now > 0;
             now = projection.countPendingPeriodFigures(AT_ONCE)) {
            counted += now;
        }
        if (counted > 0) {
            LOG.info("Counted the figures of {} noted periods", counted);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "period-figures");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                countNoted();
            } catch (RuntimeException e) {
                LOG.warn("Could not count the noted period figures yet: {}", e.getMessage());
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
