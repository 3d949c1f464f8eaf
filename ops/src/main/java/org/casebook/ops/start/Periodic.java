package org.casebook.ops.start;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * Work a node repeats in the background on a daemon thread of its own (following PostgreSQL,
 * refreshing gauges): a round that fails is logged and the next one tries again.
 */
public final class Periodic {

    private final ScheduledExecutorService thread;

    private Periodic(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /**
     * Runs {@code work} every {@code every} (between the end of one round and the start of the next),
     * the first time after {@code first}.
     */
    public static Periodic every(String threadName, Duration first, Duration every, Runnable work, Logger log,
                                 String failure) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread daemon = new Thread(task, threadName);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", failure, e.getMessage());
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(thread);
    }

    /** Stops, waiting a little for a round under way. */
    public void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
