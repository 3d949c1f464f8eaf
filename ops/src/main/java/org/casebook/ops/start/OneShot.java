package org.casebook.ops.start;

import java.time.Duration;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The end of a run that does one thing and stops (a benchmark, a check): the service closes, then the
 * process ends with the run's status. A close that takes longer than {@link #GRACE} (an event processor
 * in the middle of a long batch, say) is cut short, so a terminal never waits on a run that is over;
 * the events are safe in PostgreSQL whatever a read model was doing.
 */
public final class OneShot {

    static final Duration GRACE = Duration.ofSeconds(30);

    private OneShot() {
    }

    /** Work that may fail in any way; a failure ends the run with status 1. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Does the work, then ends the run: status 0 when it is done, 1 when it failed, with a last line that
     * says why (a stack trace in the log only for a failure nobody foresaw).
     *
     * @param what what the work is, as a sentence names it ("query benchmark")
     */
    public static void run(ConfigurableApplicationContext context, String what, Work work) {
        int status = 1;
        String lastWord = null;
        try {
            work.run();
            status = 0;
        } catch (Exception e) {
            if (StartFailure.of(e).isEmpty()) {
                LoggerFactory.getLogger(OneShot.class).error("The {} failed", what, e);
            }
            lastWord = "Casebook " + what + " stopped: " + StartFailure.explain(e);
        } finally {
            exit(context, status, lastWord);
        }
    }

    public static void exit(ConfigurableApplicationContext context, int status) {
        exit(context, status, null);
    }

    /** @param lastWord a line printed once the service has closed, so that it is the last a terminal shows */
    public static void exit(ConfigurableApplicationContext context, int status, String lastWord) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("Casebook did not stop within " + GRACE.toSeconds() + " s; ending the process."
                    + (lastWord == null ? "" : " " + lastWord));
            Runtime.getRuntime().halt(status);
        }, "casebook-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int code = SpringApplication.exit(context, () -> status);
        if (lastWord != null) {
            System.err.println(lastWord);
        }
        System.exit(code);
    }
}
