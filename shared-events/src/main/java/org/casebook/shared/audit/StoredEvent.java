package org.casebook.shared.audit;

import java.util.Arrays;
import java.util.Objects;

/**
 * An event exactly as the event store holds it: the row of {@code domain_event_entry}, with the
 * payload and metadata as stored bytes (personal values sealed). The audit chain is computed over this
 * form, so erasing a key leaves it whole.
 *
 * @param timestamp the recording time as stored (ISO-8601 text)
 */
public record StoredEvent(String aggregateType, String aggregateId, long sequence, String eventId,
                          String payloadType, String payloadRevision, String timestamp, byte[] metaData,
                          byte[] payload) {

    public StoredEvent {
        Objects.requireNonNull(aggregateId, "aggregateId");
        metaData = metaData == null ? new byte[0] : metaData;
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent that && sequence == that.sequence
                && Objects.equals(aggregateType, that.aggregateType) && aggregateId.equals(that.aggregateId)
                && Objects.equals(eventId, that.eventId) && Objects.equals(payloadType, that.payloadType)
                && Objects.equals(payloadRevision, that.payloadRevision) && Objects.equals(timestamp, that.timestamp)
                && Arrays.equals(metaData, that.metaData) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aggregateId, sequence, eventId);
    }

    @Override
    public String toString() {
        return "StoredEvent[" + aggregateId + "#" + sequence + " " + payloadType + "]";
    }
}
