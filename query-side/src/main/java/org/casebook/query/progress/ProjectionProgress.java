package org.casebook.query.progress;

import java.time.Duration;

/**
 * How far the read models that serve the queries have folded the global event stream. A read model
 * has reached a position when every segment of its processor has handled the event at that position,
 * on whichever node holds the segment.
 */
public interface ProjectionProgress {

    boolean hasReached(long position);

    /** Waits until the read models reach the position; false if the time ran out first. */
    default boolean await(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasReached(position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
