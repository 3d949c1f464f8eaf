package org.casebook.shared.audit;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
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

    /**
     * Everything about the bundle, signed as a whole: the signature covers the manifest's JSON form with
     * {@code signature} left empty, and through {@code eventsSha256} every event line.
     */
    public record Manifest(String format, String programme, String from, String to, String generatedAt,
                           String generatedBy, List<ManifestEntry> engagements, String eventsSha256,
                           Signature signature) {

        public Manifest withSignature(Signature value) {
            return new Manifest(format, programme, from, to, generatedAt, generatedBy, engagements, eventsSha256, value);
        }

        /** The bytes the signature is over. */
        public byte[] signedBytes() throws IOException {
            return JSON.writeValueAsBytes(withSignature(null));
        }
    }

    /** An Ed25519 signature and the public key (X.509, base64) that checks it. */
    public record Signature(String algorithm, String publicKey, String value) {

        /** SHA-256 of the public key, in hex: what a donor pins and compares. */
        public String fingerprint() {
            MessageDigest digest = digest();
            return HexFormat.of().formatHex(digest.digest(Base64.getDecoder().decode(publicKey)));
        }
    }

    public static final String SIGNATURE_ALGORITHM = "Ed25519";

    /** The manifest signed with the key pair. */
    public static Manifest sign(Manifest manifest, java.security.KeyPair keys) throws IOException {
        try {
            java.security.Signature signer = java.security.Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(manifest.withSignature(null).signedBytes());
            return manifest.withSignature(new Signature(SIGNATURE_ALGORITHM,
                    Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                    Base64.getEncoder().encodeToString(signer.sign())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The manifest could not be signed", e);
        }
    }

    private static boolean signatureHolds(Manifest manifest) {
        try {
            java.security.PublicKey key = java.security.KeyFactory.getInstance(SIGNATURE_ALGORITHM).generatePublic(
                    new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(manifest.signature().publicKey())));
            java.security.Signature checker = java.security.Signature.getInstance(SIGNATURE_ALGORITHM);
            checker.initVerify(key);
            checker.update(manifest.signedBytes());
            return checker.verify(Base64.getDecoder().decode(manifest.signature().value()));
        } catch (java.security.GeneralSecurityException | IOException | IllegalArgumentException e) {
            return false;
        }
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

    /**
     * What a check of a bundle found: whole, or the problems, each naming its engagement and event.
     *
     * @param signedBy the fingerprint of the key that signed the manifest, or {@code null}
     */
    public record Report(int chains, long events, List<String> problems, String signedBy) {

        public boolean whole() {
            return problems.isEmpty();
        }
    }

    /** Checks a bundle file; see {@link #verify(Path, String)}. */
    public static Report verify(Path file) throws IOException {
        return verify(file, null);
    }

    /**
     * Checks a bundle file: the manifest's signature (by the key with fingerprint {@code expectedKey}, if
     * given), the digest of its events, every chain against the manifest, every readable payload against
     * its stored form. Reads the file once, line by line, holding one engagement's events at a time.
     */
    public static Report verify(Path file, String expectedKey) throws IOException {
        List<String> problems = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] first = firstLine(in);
            if (first == null) {
                return new Report(0, 0, List.of("The file is not an audit bundle: it has no manifest line."), null);
            }
            Manifest manifest;
            try {
                manifest = JSON.treeToValue(JSON.readTree(first).get("manifest"), Manifest.class);
            } catch (IOException | IllegalArgumentException e) {
                return new Report(0, 0, List.of("The manifest cannot be read: " + e.getMessage()), null);
            }
            if (manifest == null || !FORMAT.equals(manifest.format()) || manifest.engagements() == null
                    || manifest.eventsSha256() == null) {
                return new Report(0, 0, List.of("The file is not an audit bundle of format " + FORMAT + "."), null);
            }
            String signedBy = null;
            if (manifest.signature() == null) {
                problems.add("The manifest is not signed.");
            } else if (!signatureHolds(manifest)) {
                problems.add("The manifest's signature does not hold: the manifest was changed after it was signed.");
            } else {
                signedBy = manifest.signature().fingerprint();
                if (expectedKey != null && !expectedKey.equalsIgnoreCase(signedBy)) {
                    problems.add("The manifest was signed by key " + signedBy + ", not by " + expectedKey + ".");
                }
            }
            Map<String, ManifestEntry> listed = new LinkedHashMap<>();
            manifest.engagements().forEach(entry -> listed.put(entry.engagementId(), entry));
            java.util.Set<String> seen = new java.util.HashSet<>();
            MessageDigest digest = digest();
            long events = 0;
            int lineNumber = 1;
            List<EventLine> chain = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(new DigestInputStream(in, digest),
                    StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                EventLine event;
                try {
                    event = JSON.readValue(line, EventLine.class);
                } catch (IOException | RuntimeException e) {
                    problems.add("Line " + lineNumber + " cannot be read as an event: it was damaged.");
                    continue;
                }
                events++;
                if (!chain.isEmpty() && !chain.get(0).engagementId().equals(event.engagementId())) {
                    finish(chain, listed, seen, problems);
                }
                if (chain.isEmpty() && seen.contains(event.engagementId())) {
                    problems.add("Engagement " + event.engagementId() + ": its events are not all together.");
                }
                chain.add(event);
            }
            finish(chain, listed, seen, problems);
            if (!HexFormat.of().formatHex(digest.digest()).equals(manifest.eventsSha256())) {
                problems.add(0, "The events differ from the manifest's digest: the file was changed after it was made.");
            }
            listed.values().stream().filter(entry -> !seen.contains(entry.engagementId()))
                    .forEach(entry -> check(entry, List.of(), problems));
            return new Report(listed.size(), events, problems, signedBy);
        }
    }

    private static void finish(List<EventLine> chain, Map<String, ManifestEntry> listed, java.util.Set<String> seen,
                               List<String> problems) {
        if (chain.isEmpty()) {
            return;
        }
        String engagement = chain.get(0).engagementId();
        ManifestEntry entry = listed.get(engagement);
        if (entry == null) {
            problems.add("Engagement " + engagement + ": its events are not in the manifest.");
        } else if (seen.add(engagement)) {
            check(entry, List.copyOf(chain), problems);
        }
        chain.clear();
    }

    /** The bytes of the first line, without its newline; {@code null} if the file has none. */
    private static byte[] firstLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        return null;
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
            case "unchained" -> "carries no hash (stored before events were chained, or stripped)";
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

    /**
     * The offline verifier's command line: prints what it found; 0 only when every chain is whole (and,
     * given {@code expectedKey}, the manifest was signed by that key), 1 otherwise, 2 if unreadable.
     */
    public static int run(Path file, String expectedKey, PrintStream out) {
        try {
            Report report = verify(file, expectedKey);
            report.problems().forEach(problem -> out.println("BROKEN  " + problem));
            if (report.signedBy() != null) {
                out.println("Signed by key " + report.signedBy()
                        + (expectedKey == null ? " (compare it with GET /api/audit/signing-key, or pass --key)" : ""));
            }
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
