package org.casebook.shared.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The hash chain of an engagement's events. Each event's metadata carries {@value #HASH}: the SHA-256 of
 * the previous event's hash and of the event's canonical stored form (aggregate, sequence, identifier,
 * payload type and revision, recording time, its metadata without the two chain entries, and the payload
 * bytes as stored), and {@value #PREVIOUS_HASH}, the hash it was chained to. The first event is chained to
 * the empty text. Anyone holding the stored forms can recompute the chain; this class needs nothing but the JDK and
 * Jackson, so the offline verifier runs it as the service does.
 */
public final class AuditChain {

    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String GENESIS = "";
    private static final String VERSION = "casebook-audit-chain-1";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final TypeReference<TreeMap<String, Object>> MAP = new TypeReference<>() {
    };

    private AuditChain() {
    }

    /** The hash of an event chained to {@code previousHash}; the chain entries of its metadata are left out. */
    public static String hash(String previousHash, StoredEvent event) {
        return hash(previousHash, event, canonicalMetaData(event.metaData()));
    }

    /** The same, with the metadata given already in canonical form (see {@link #canonicalMetaData}). */
    public static String hash(String previousHash, StoredEvent event, byte[] canonicalMetaData) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + event.payload().length);
            DataOutputStream out = new DataOutputStream(bytes);
            // Each part is length-prefixed, so no two different events share a canonical form.
            text(out, VERSION);
            text(out, previousHash);
            text(out, event.aggregateType());
            text(out, event.aggregateId());
            out.writeLong(event.sequence());
            text(out, event.eventId());
            text(out, event.payloadType());
            text(out, event.payloadRevision());
            text(out, event.timestamp());
            block(out, canonicalMetaData);
            block(out, event.payload());
            out.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Stored metadata (JSON) in the one form the chain hashes: keys sorted at every level, the chain's
     * own entries left out. The same metadata gives the same bytes however it was spaced or ordered.
     */
    public static byte[] canonicalMetaData(byte[] storedMetaData) {
        try {
            Map<String, Object> entries = storedMetaData.length == 0 ? new TreeMap<>()
                    : CANONICAL.readValue(storedMetaData, MAP);
            entries.remove(HASH);
            entries.remove(PREVIOUS_HASH);
            return CANONICAL.writeValueAsBytes(entries);
        } catch (IOException e) {
            throw new IllegalArgumentException("The event's metadata is not JSON", e);
        }
    }

    /** A chain entry of the stored metadata, or {@code null}. */
    public static String entry(byte[] storedMetaData, String key) {
        try {
            if (storedMetaData.length == 0) {
                return null;
            }
            Object value = CANONICAL.readValue(storedMetaData, MAP).get(key);
            return value == null ? null : value.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Recomputes an engagement's chain from its stored events, in sequence order, and says where it first
     * breaks: a missing sequence, an event that does not follow the one before it (moved or reordered),
     * or an event whose stored form changed.
     *
     * @param knownEvents how many events the chain is known to hold (from the store's chain heads or an
     *                    export's manifest), or {@code null}; fewer events than that means the last were removed
     * @param knownHead   the head hash it is known to end with, or {@code null}
     */
    public static Verification verify(List<StoredEvent> events, Long knownEvents, String knownHead) {
        String previous = GENESIS;
        long expected = 0;
        for (StoredEvent event : events) {
            if (event.sequence() != expected) {
                return Verification.broken(events.size(), previous, Math.min(expected, event.sequence()),
                        event.sequence() > expected ? "missing" : "out-of-order");
            }
            String storedPrevious = entry(event.metaData(), PREVIOUS_HASH);
            if (entry(event.metaData(), HASH) == null) {
                // Stored before events were chained, or its chain entries were stripped.
                return Verification.broken(events.size(), previous, event.sequence(), "unchained");
            }
            String computed = hash(previous, event);
            if (!previous.equals(storedPrevious == null ? "" : storedPrevious)) {
                return Verification.broken(events.size(), previous, event.sequence(), "not-chained");
            }
            if (!computed.equals(entry(event.metaData(), HASH))) {
                return Verification.broken(events.size(), previous, event.sequence(), "altered");
            }
            previous = computed;
            expected++;
        }
        if (knownEvents != null && knownEvents > events.size()) {
            return Verification.broken(events.size(), previous, (long) events.size(), "missing");
        }
        if (knownEvents != null && knownEvents < events.size()) {
            return Verification.broken(events.size(), previous, knownEvents, "unexpected");
        }
        if (knownHead != null && !knownHead.equals(previous)) {
            return Verification.broken(events.size(), previous, Math.max(0, events.size() - 1L), "head-differs");
        }
        return new Verification(true, events.size(), previous, null, null);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        block(out, value == null ? new byte[] {-1} : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void block(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    /**
     * What a check of one chain found.
     *
     * @param events              how many events were checked
     * @param headHash            the hash the chain ends with (up to the break, if broken)
     * @param firstBrokenSequence the first sequence number at fault, or {@code null} if the chain is whole
     * @param problem             {@code missing}, {@code out-of-order}, {@code unchained} (no hash at all),
     *                            {@code not-chained}, {@code altered}, {@code unexpected} or
     *                            {@code head-differs}; {@code null} if whole
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Verification(boolean valid, long events, String headHash, Long firstBrokenSequence, String problem) {

        static Verification broken(long events, String headHash, long sequence, String problem) {
            return new Verification(false, events, headHash, sequence, problem);
        }
    }
}
