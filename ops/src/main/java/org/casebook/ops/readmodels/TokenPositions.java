package org.casebook.ops.readmodels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.casebook.query.progress.ProjectionProgress;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelVersions;
import org.springframework.stereotype.Component;

/**
 * How far each processor has folded the events, read from the token store: the same answer on every
 * node, whichever node holds a segment. A processor's tokens are stored in the same transaction as the
 * end of each batch, after the batch's read-model writes, so a position read here is in the read model.
 */
@Component
public class TokenPositions implements ProjectionProgress {

    /** How long the serving versions' tokens, once read, answer for everyone. */
    private static final long SHARED_FOR_NANOS = 5_000_000;

    private record Seen(List<String> processors, Map<String, List<Segment>> segments, long at) {
    }

    private volatile Seen lastSeen;
    private final ReadModelTables tables;
    private final Serializer serializer;
    private final List<ReadModel> readModels;
    private final ReadModelVersions versions;

    public TokenPositions(ReadModelTables tables, Serializer serializer, List<ReadModel> readModels,
                          ReadModelVersions versions) {
        this.tables = tables;
        this.serializer = serializer;
        this.readModels = readModels;
        this.versions = versions;
    }

    /** One segment: the position it has folded, and whether it still replays past events. */
    public record Segment(int segment, long position, boolean replaying, String owner, java.time.Instant claimedAt,
                          TrackingToken token) {

        boolean covers(long wanted) {
            TrackingToken handled = WrappedToken.unwrapLowerBound(token);
            if (handled instanceof GapAwareTrackingToken gapAware) {
                return gapAware.getIndex() >= wanted && !gapAware.getGaps().contains(wanted);
            }
            return handled != null && handled.position().orElse(-1) >= wanted;
        }
    }

    /**
     * Whether a segment still replays past events: its token is a replay token short of the position
     * the replay was started at. (Axon keeps the replay token, marked as replaying, until an event past
     * that position arrives; a segment at that position has replayed everything.)
     */
    private static boolean replaying(TrackingToken token, long position) {
        if (!ReplayToken.isReplay(token)) {
            return false;
        }
        java.util.OptionalLong resetAt = ReplayToken.getTokenAtReset(token);
        return resetAt.isEmpty() || position < resetAt.getAsLong();
    }

    /** The segments of each of these processors, by processor name; none for a processor not started yet. */
    public Map<String, List<Segment>> segments(Collection<String> processors) {
        Map<String, List<Segment>> found = new LinkedHashMap<>();
        processors.forEach(name -> found.put(name, new ArrayList<>()));
        for (ReadModelTables.TokenRow row : tables.tokens(List.copyOf(processors))) {
            TrackingToken token = row.token() == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(row.token(), byte[].class, row.tokenType(), null));
            TrackingToken handled = WrappedToken.unwrapLowerBound(token);
            long position = handled == null ? -1 : handled.position().orElse(-1);
            found.get(row.processor()).add(new Segment(row.segment(), position, replaying(token, position), row.owner(),
                    row.claimedAt(), token));
        }
        return found;
    }

    public List<Segment> segments(String processor) {
        return segments(List.of(processor)).get(processor);
    }

    /** The position every segment has folded: the lowest; -1 when the processor has not started. */
    public static long position(List<Segment> segments) {
        return segments.stream().mapToLong(Segment::position).min().orElse(-1);
    }

    /**
     * Whether every serving read model has folded the event at this position, on whichever node. The
     * tokens read are shared for a few milliseconds by every request that waits, so many waiting
     * requests cost one small query per interval, not one each.
     */
    @Override
    public boolean hasReached(long position) {
        List<String> serving = readModels.stream()
                .map(model -> ReadModelProcessors.processorName(model.name(), versions.current(model.name()))).toList();
        Seen seen = lastSeen;
        if (seen == null || !seen.processors().equals(serving) || System.nanoTime() - seen.at() > SHARED_FOR_NANOS) {
            seen = new Seen(serving, segments(serving), System.nanoTime());
            lastSeen = seen;
        }
        for (List<Segment> segments : seen.segments().values()) {
            if (segments.isEmpty() || !segments.stream().allMatch(segment -> segment.covers(position))) {
                return false;
            }
        }
        return true;
    }
}
