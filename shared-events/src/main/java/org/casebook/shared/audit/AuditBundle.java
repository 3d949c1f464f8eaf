package org.casebook.shared.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casebook.shared.json.CasebookJson;
import org.casebook.shared.personal.PersonalFields;

/**
 * The donor export: a JSON Lines file. Its first line is the manifest ({@code {"manifest": {...}}}) with
 * each engagement's event count and chain head and the SHA-256 of everything after that first line; every
 * other line is one event, with its stored form (metadata, and the payload bytes as stored, in base64)
 * from which its hash is recomputed, and its readable payload (personal data opened where the client
 * consented to sharing it, redacted otherwise). {@link #verify} checks a bundle with nothing but the file.
 */
public final class AuditBundle {

    public static final String FORMAT = "casebook-audit-bundle-1";
    private static final String EVENTS_PACKAGE = "org.casebook.shared.event.";
    private static final ObjectMapper JSON = CasebookJson.newMapper();

    private AuditBundle() {
    }

    /** One chain as the manifest lists it; {@code personalData} is {@code shared}, {@code redacted} or {@code erased}. */
    public record ManifestEntry(String engagementId, long events, String headHash, String personalData) {
    }

    public record Manifest(String format, String programme, String from, String to, String generatedAt,
                           String generatedBy, List<ManifestEntry> engagements, String eventsSha256) {
    }

    /** One event line. */
    public record EventLine(String engagementId, long sequence, String aggregateType, String eventId,
                            String payloadType, String payloadRevision, String recordedAt, JsonNode metaData,
                            String storedPayload, JsonNode payload, String summary) {

        public static EventLine of(StoredEvent stored, JsonNode payload, String summary) {
            try {
                return new EventLine(stored.aggregateId(), stored.sequence(), stored.aggregateType(), stored.eventId(),
                        stored.payloadType(), stored.payloadRevision(), stored.timestamp(),
                        stored.metaData().length == 0 ? JSON.createObjectNode() : JSON.readTree(stored.metaData()),
                        Base64.getEncoder().encodeToString(stored.payload()), payload, summary);
            } catch (IOException e) {
                throw new IllegalArgumentException("The stored metadata of " + stored + " is not JSON", e);
            }
        }

        StoredEvent stored() throws IOException {
            return new StoredEvent(aggregateType, engagementId, sequence, eventId, payloadType, payloadRevision,
                    recordedAt, JSON.writeValueAsBytes(metaData), Base64.getDecoder().decode(storedPayload));
        }
    }

    public static byte[] line(Object value) throws IOException {
        byte[] json = JSON.writeValueAsBytes(value);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    public static byte[] manifestLine(Manifest manifest) throws IOException {
        return line(Map.of("manifest", manifest));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What a check of a bundle found: whole, or the problems, each naming its engagement and event. */
    public record Report(int chains, long events, List<String> problems) {

        public boolean whole() {
            return problems.isEmpty();
        }
    }

    /** Checks a bundle file: the digest of its events, every chain against the manifest, every readable payload. */
    public static Report verify(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> problems = new ArrayList<>();
        int newline = indexOf(bytes, (byte) '\n', 0);
        if (newline < 0) {
            return new Report(0, 0, List.of("The file is not an audit bundle: it has no manifest line."));
        }
        Manifest manifest;
        try {
            manifest = JSON.treeToValue(JSON.readTree(new String(bytes, 0, newline, StandardCharsets.UTF_8))
                    .get("manifest"), Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            return new Report(0, 0, List.of("The manifest cannot be read: " + e.getMessage()));
        }
        if (manifest == null || !FORMAT.equals(manifest.format()) || manifest.engagements() == null
                || manifest.eventsSha256() == null) {
            return new Report(0, 0, List.of("The file is not an audit bundle of format " + FORMAT + "."));
        }
        MessageDigest digest = digest();
        digest.update(bytes, newline + 1, bytes.length - newline - 1);
        if (!HexFormat.of().formatHex(digest.digest()).equals(manifest.eventsSha256())) {
            problems.add("The events differ from the manifest's digest: the file was changed after it was made.");
        }
        Map<String, List<EventLine>> chains = new LinkedHashMap<>();
        long events = 0;
        int lineNumber = 1;
        for (int start = newline + 1; start < bytes.length; ) {
            int end = indexOf(bytes, (byte) '\n', start);
            end = end < 0 ? bytes.length : end;
            lineNumber++;
            if (end > start) {
                try {
                    EventLine event = JSON.readValue(bytes, start, end - start, EventLine.class);
                    chains.computeIfAbsent(event.engagementId(), id -> new ArrayList<>()).add(event);
                    events++;
                } catch (IOException | RuntimeException e) {
                    problems.add("Line " + lineNumber + " cannot be read as an event: it was damaged.");
                }
            }
            start = end + 1;
        }
        for (ManifestEntry entry : manifest.engagements()) {
            List<EventLine> chain = chains.remove(entry.engagementId());
            check(entry, chain == null ? List.of() : chain, problems);
        }
        chains.keySet().forEach(id -> problems.add("Engagement " + id + ": its events are not in the manifest."));
        return new Report(manifest.engagements().size(), events, problems);
    }

    private static void check(ManifestEntry entry, List<EventLine> chain, List<String> problems) {
        List<StoredEvent> stored = new ArrayList<>();
        for (EventLine line : chain) {
            try {
                stored.add(line.stored());
            } catch (IOException | IllegalArgumentException e) {
                problems.add(name(entry, line.sequence()) + " cannot be read: it was damaged.");
                return;
            }
            String difference = readableDiffers(line);
            if (difference != null) {
                problems.add(name(entry, line.sequence()) + ": its readable payload differs from its stored form ("
                        + difference + ").");
            }
        }
        stored.sort(java.util.Comparator.comparingLong(StoredEvent::sequence));
        AuditChain.Verification verification = AuditChain.verify(stored, entry.events(), entry.headHash());
        if (!verification.valid()) {
            problems.add(name(entry, verification.firstBrokenSequence()) + " " + describe(verification.problem()) + ".");
        }
    }

    private static String name(ManifestEntry entry, long sequence) {
        return "Engagement " + entry.engagementId() + ", event " + sequence;
    }

    private static String describe(String problem) {
        return switch (problem) {
            case "missing" -> "is missing";
            case "out-of-order" -> "is out of order";
            case "not-chained" -> "does not follow the event before it (moved, reordered or one before it removed)";
            case "altered" -> "was altered after it was stored";
            case "unexpected" -> "is not in the manifest's count";
            default -> "ends the chain with another hash than the manifest's";
        };
    }

    /**
     * Whether the readable payload says anything the stored one does not: every stored value that is not
     * personal data must read the same (a later revision may add fields, never change these).
     */
    static String readableDiffers(EventLine line) {
        try {
            JsonNode stored = JSON.readTree(Base64.getDecoder().decode(line.storedPayload()));
            JsonNode readable = line.payload() == null ? JSON.createObjectNode() : line.payload().deepCopy();
            if (!line.payloadType().startsWith(EVENTS_PACKAGE)) {
                return null;
            }
            // Named by an untrusted file: looked up, never initialized.
            Class<?> type = Class.forName(line.payloadType(), false, AuditBundle.class.getClassLoader());
            PersonalFields.replaceAll(type, stored, "");
            PersonalFields.replaceAll(type, readable, "");
            return firstDifference("", stored, readable);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "the stored payload cannot be read";
        }
    }

    private static String firstDifference(String path, JsonNode stored, JsonNode readable) {
        if (stored instanceof ObjectNode object && readable != null && readable.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String difference = firstDifference(path + (path.isEmpty() ? "" : ".") + field.getKey(),
                        field.getValue(), readable.get(field.getKey()));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return stored.equals(readable) || (stored.isNull() && readable == null) ? null : path;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The offline verifier's command line: prints what it found; 0 only when every chain is whole. */
    public static int run(Path file, PrintStream out) {
        try {
            Report report = verify(file);
            report.problems().forEach(problem -> out.println("BROKEN  " + problem));
            out.println(report.whole()
                    ? "OK  " + report.chains() + " chains, " + report.events() + " events: every chain is whole."
                    : "BROKEN  " + report.problems().size() + " problem(s) in " + report.chains() + " chains, "
                    + report.events() + " events.");
            return report.whole() ? 0 : 1;
        } catch (IOException e) {
            out.println("The bundle cannot be read: " + e.getMessage());
            return 2;
        }
    }
}
