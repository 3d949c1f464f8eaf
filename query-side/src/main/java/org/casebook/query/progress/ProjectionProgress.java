package org.casebook.query.progress;

import java.time.Duration;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * How far the read models have folded the global event stream. A read model has reached a position
 * when every segment of its processor has handled the event at that position.
 * <p>
 * This node can only judge the segments it processes itself; while other nodes hold some segments,
 * the answer is "not reached" and a waiting query answers after its time-out.
 */
@Component
public class ProjectionProgress {

    private static final long POLL_MILLIS = 10;

    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public boolean hasReached(long position) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> hasReached(processor.processingStatus(), position));
    }

    /** Waits until the read models reach the position; false if the time ran out first. */
    public boolean await(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasReached(position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    static boolean hasReached(Map<Integer, EventTrackerStatus> segments, long position) {
        double covered = 0;
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), position)) {
                return false;
            }
            covered += 1.0 / (status.getSegment().getMask() + 1);
        }
        return covered > 0.999_999;
    }

    private static boolean covers(TrackingToken token, long position) {
        TrackingToken handled = WrappedToken.unwrapLowerBound(token);
        if (handled instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return handled != null && handled.position().orElse(-1) >= position;
    }
}
