package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.ops.Users.ADMIN;
import static org.casebook.ops.Users.ANA;
import static org.casebook.ops.Users.EU;
import static org.casebook.ops.Users.KFW;
import static org.casebook.ops.Users.ROSA;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.casebook.ops.audit.ChainCheck;
import org.casebook.shared.audit.AuditBundle;
import org.casebook.shared.audit.AuditChain;
import org.casebook.shared.audit.StoredEvent;
import org.casebook.shared.json.CasebookJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit histories, their chains and donor exports over HTTP, against the embedded PostgreSQL and
 * MongoDB; tampering done straight in PostgreSQL and in an exported file, as an attacker would.
 */
class AuditHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TAX_IDS = new AtomicLong(8011977100000L);

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    static CasebookInstance casebook;

    @BeforeAll
    static void start() {
        // Snapshots every few events, so that the erasure meets one; the clients' keys wrapped under a master key.
        casebook = CasebookInstance.start(data, "--casebook.command.snapshot-threshold=2",
                "--casebook.personal-data.master-key=" + Base64.getEncoder().encodeToString(new byte[32])).seeded();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    /** A client with personal values of its own, so a scan for them finds nothing else. */
    record Client(String id, String owner, String email, String phone, String taxId, String notes) {
    }

    private static Client open(String tag, boolean consents, String... correlation) {
        String taxId = "0" + TAX_IDS.incrementAndGet();
        String owner = "Xiomara " + tag + " Quintanilla";
        String email = "xiomara." + tag.toLowerCase() + "@correo.example";
        String phone = "+504 3141-" + (1000 + TAX_IDS.get() % 9000);
        CasebookInstance.Response opened = casebook.as(ANA).post("/api/engagements", """
                {"centerId": "HN-TGU-01", "counselorId": "ana.lopez", "intakeDate": "2026-03-02",
                 "enterprise": {"name": "Taller %s", "taxId": "%s", "country": "HN", "sector": "1071",
                                "stage": "IN_BUSINESS", "legalForm": "SOLE_PROPRIETOR"},
                 "owner": {"name": "%s", "gender": "FEMALE", "birthYear": 1980},
                 "contact": {"email": "%s", "phone": "%s"},
                 "consents": {"shareWithFunders": %s, "surveys": false},
                 "programmes": ["DINAMICA"]}
                """.formatted(tag, taxId, owner, email, phone, consents), correlation);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("id").asText();
        String notes = "Receta secreta de " + tag;
        session(id, notes, 90);
        return new Client(id, owner, email, phone, taxId, notes);
    }

    private static String session(String engagement, String notes, int minutes) {
        CasebookInstance.Response logged = casebook.as(ANA).post("/api/engagements/" + engagement + "/sessions", """
                {"date": "2026-03-09", "counselorId": "ana.lopez", "type": "IN_PERSON", "area": "FINANCE",
                 "contactMinutes": %d, "prepMinutes": 30, "travelMinutes": 0, "notes": "%s"}
                """.formatted(minutes, notes));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        return logged.header("Casebook-Position");
    }

    private static long head() {
        return casebook.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    private static JsonNode verification(String engagement) {
        CasebookInstance.Response answer = casebook.as(ROSA).get("/api/engagements/" + engagement
                + "/audit/verification?minPosition=" + head());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void everyEventIsChainedAndReadsAsAnAuditHistoryInJsonCsvAndPdf() throws Exception {
        Client client = open("Historia", true, "X-Correlation-Id", "audit-story-0001");
        session(client.id(), "Segunda visita", 45);
        String base = "/api/engagements/" + client.id() + "/audit?minPosition=" + head();

        JsonNode history = casebook.as(ROSA).get(base).json();
        JsonNode events = history.get("events");
        assertThat(events).hasSize(3);
        String previous = "";
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("hash").asText()).matches("[0-9a-f]{64}");
            assertThat(event.get("previousHash").asText()).isEqualTo(previous);
            assertThat(event.get("actor").get("userId").asText()).isEqualTo(ANA);
            assertThat(event.get("actor").get("role").asText()).isEqualTo("COUNSELOR");
            assertThat(event.get("centerId").asText()).isEqualTo("HN-TGU-01");
            assertThat(event.get("recordedAt").asText()).isNotBlank();
            previous = event.get("hash").asText();
        }
        assertThat(events.get(0).get("type").asText()).isEqualTo("EngagementOpened");
        assertThat(events.get(0).get("correlationId").asText()).isEqualTo("audit-story-0001");
        assertThat(events.get(0).get("summary").asText()).startsWith("Intake at HN-TGU-01");
        assertThat(events.get(0).get("payload").get("owner").get("name").asText()).isEqualTo(client.owner());
        assertThat(events.get(1).get("payload").get("notes").asText()).isEqualTo(client.notes());
        assertThat(casebook.as(ROSA).get(base, "Accept-Language", "es").json().get("events").get(0)
                .get("summary").asText()).startsWith("Ingreso");

        JsonNode verification = verification(client.id());
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(3);
        assertThat(verification.get("headHash").asText()).isEqualTo(previous);
        assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();

        CasebookInstance.Response csv = casebook.as(ROSA).get(base, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(4);
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("sequence,recordedAt,type,actor,userId,role");
        assertThat(csv.body()).contains(previous);

        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(casebook.baseUrl() + base))
                        .header("Accept", "application/pdf")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (ROSA + ":" + Users.passwordOf(ROSA)).getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Audit history of engagement " + client.id()).contains("chain valid")
                    .contains("EngagementOpened").contains("CounselingSessionLogged").contains(previous);
        }

        assertThat(casebook.as(ANA).get(base).status()).as("counselors do not read audits").isEqualTo(403);
        assertThat(casebook.as(Users.LUIS).get(base).status()).isEqualTo(403);
        JsonNode readings = casebook.as(ROSA).get("/api/audit/readings?engagementId=" + client.id()).json();
        List<String> what = new ArrayList<>();
        readings.forEach(reading -> {
            assertThat(reading.get("userId").asText()).isEqualTo(ROSA);
            what.add(reading.get("what").asText());
        });
        assertThat(what).contains("history-json", "history-csv", "history-pdf", "verification");
    }

    @Test
    void aChangedADeletedAndAReorderedEventAreEachFoundWhereTheChainBreaks() {
        Client changed = open("Cambio", true);
        Client deleted = open("Borrado", true);
        Client reordered = open("Orden", true);
        Client truncated = open("Cola", true);
        Client untouched = open("Intacto", true);
        for (Client client : List.of(changed, deleted, reordered, truncated, untouched)) {
            session(client.id(), "Tercera visita", 60);
            session(client.id(), "Cuarta visita", 30);
        }
        var jdbc = casebook.jdbc();
        assertThat(jdbc.update("""
                UPDATE domain_event_entry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"contactMinutes":60',
                                                    '"contactMinutes":600'), 'UTF8')
                 WHERE aggregate_identifier = ? AND sequence_number = 2""", changed.id())).isEqualTo(1);
        assertThat(jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                deleted.id())).isEqualTo(1);
        jdbc.update("UPDATE domain_event_entry SET sequence_number = -1 WHERE aggregate_identifier = ? AND sequence_number = 1",
                reordered.id());
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 1 WHERE aggregate_identifier = ? AND sequence_number = 2",
                reordered.id());
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = ? AND sequence_number = -1",
                reordered.id());
        assertThat(jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3",
                truncated.id())).isEqualTo(1);

        assertBroken(verification(changed.id()), 2);
        assertBroken(verification(deleted.id()), 1);
        assertBroken(verification(reordered.id()), 1);
        assertBroken(verification(truncated.id()), 3);
        assertThat(verification(untouched.id()).get("valid").asBoolean()).isTrue();

        ChainCheck.Outcome outcome = casebook.bean(ChainCheck.class).run();
        assertThat(outcome.broken()).extracting(ChainCheck.Broken::aggregateId, ChainCheck.Broken::firstBrokenSequence)
                .contains(org.assertj.core.groups.Tuple.tuple(changed.id(), 2L),
                        org.assertj.core.groups.Tuple.tuple(deleted.id(), 1L),
                        org.assertj.core.groups.Tuple.tuple(reordered.id(), 1L),
                        org.assertj.core.groups.Tuple.tuple(truncated.id(), 3L));
        assertThat(outcome.broken()).extracting(ChainCheck.Broken::aggregateId).doesNotContain(untouched.id());
        assertThat(outcome.good()).isGreaterThanOrEqualTo(1);
        assertThat(ChainCheck.report(outcome)).last().asString().contains(outcome.good() + " good, "
                + outcome.broken().size() + " broken");
    }

    private static void assertRefused(CasebookInstance.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private static void assertBroken(JsonNode verification, long at) {
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.get("firstBrokenSequence").asLong()).as(verification.toString()).isEqualTo(at);
    }

    @Test
    void erasureLeavesNoPersonalValueInAnyReadModelEvenAfterARebuildAndTheChainWhole() throws Exception {
        Client client = open("Olvido", true);
        String path = "/api/engagements/" + client.id();
        List<String> personal = List.of(client.owner(), client.email(), client.phone(), client.taxId(), client.notes());
        session(client.id(), "Visita al taller", 45);
        casebook.as(ANA).get(path + "?minPosition=" + head());
        assertThat(scanReadModels(personal)).as("the scan finds values before the erasure").isNotEmpty();
        assertThat(casebook.jdbc().queryForObject("SELECT wrapped AND length(data_key) = 60 FROM personal_data_key "
                + "WHERE engagement_id = ?", Boolean.class, client.id())).as("the key is stored wrapped").isTrue();
        List<String> snapshots = snapshotsOf(client.id());
        assertThat(snapshots).as("the engagement was snapshot").isNotEmpty()
                .noneMatch(snapshot -> snapshot.contains(client.taxId().substring(1)));

        assertThat(casebook.as(ANA).post(path + "/personal-data/erasure", "{\"reason\": \"Solicitud 2026-114\"}")
                .status()).isEqualTo(403);
        assertThat(casebook.as(ROSA).post(path + "/personal-data/erasure", "{}").status()).isEqualTo(400);
        CasebookInstance.Response erased = casebook.as(ROSA).post(path + "/personal-data/erasure",
                "{\"reason\": \"Solicitud del cliente 2026-114\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        CasebookInstance.Response again = casebook.as(ROSA).post(path + "/personal-data/erasure",
                "{\"reason\": \"Otra vez\"}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("personal-data-erased-already");
        String late = "Nota tardía de Olvido";
        session(client.id(), late, 30);

        JsonNode view = casebook.as(ROSA).get(path + "?minPosition=" + head()).json();
        assertThat(view.get("owner").get("name").asText()).isEqualTo("[erased]");
        assertThat(view.get("contact").get("email").asText()).isEqualTo("[erased]");
        assertThat(view.get("enterprise").get("taxId").asText()).isEqualTo("[erased]");
        assertThat(view.get("sessions")).allSatisfy(session -> assertThat(session.get("notes").asText()).isEqualTo("[erased]"));
        assertThat(view.get("totals").get("contactMinutes").asInt()).as("hours stay").isEqualTo(165);
        assertThat(scanReadModels(withLate(personal, late))).isEmpty();

        var jdbc = casebook.jdbc();
        assertThat(jdbc.queryForObject("SELECT data_key IS NULL FROM personal_data_key WHERE engagement_id = ?",
                Boolean.class, client.id())).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enterprise_identity WHERE engagement_id = ?",
                Integer.class, client.id())).isZero();
        assertThat(snapshotsOf(client.id())).noneMatch(snapshot -> snapshot.contains(client.taxId().substring(1)));
        List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, client.id());
        assertThat(stored).hasSize(5).noneMatch(text -> withLate(personal, late).stream().anyMatch(text::contains));

        casebook.rebuildReadModels(head());
        JsonNode rebuilt = casebook.as(ROSA).get(path).json();
        assertThat(rebuilt.get("owner").get("name").asText()).isEqualTo("[erased]");
        assertThat(rebuilt.get("sessions")).hasSize(3);
        assertThat(scanReadModels(withLate(personal, late))).as("nothing erased comes back with a rebuild").isEmpty();

        JsonNode verification = verification(client.id());
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(5);
        JsonNode history = casebook.as(ROSA).get(path + "/audit").json();
        assertThat(history.get("personalData").asText()).isEqualTo("erased");
        assertThat(history.get("events").get(0).get("payload").get("owner").get("name").asText()).isEqualTo("[erased]");
        assertThat(history.toString()).doesNotContain(client.owner(), client.email(), client.notes(), late);
    }

    /** The engagement's snapshots as stored, once the snapshotter (on its own thread) has written one. */
    private static List<String> snapshotsOf(String engagement) throws InterruptedException {
        for (int tries = 0; tries < 50; tries++) {
            List<String> found = casebook.jdbc().queryForList("SELECT convert_from(payload, 'UTF8') FROM "
                    + "snapshot_event_entry WHERE aggregate_identifier = ?", String.class, engagement);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static List<String> withLate(List<String> personal, String late) {
        List<String> all = new ArrayList<>(personal);
        all.add(late);
        return all;
    }

    /** Every document of every read-model collection that holds any of the values. */
    private static List<String> scanReadModels(List<String> values) {
        MongoDatabase database = casebook.bean(MongoDatabase.class);
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                String json = document.toJson();
                values.stream().filter(json::contains).forEach(value -> found.add(collection + ": " + value));
            }
        }
        return found;
    }

    @Test
    void aDonorExportHoldsPersonalDataOnlyByConsentAndAnyTamperingIsNamedOffline() throws Exception {
        Client secret = open("Reservada", false);
        Client shared = open("Compartida", true);
        String query = "/api/audit/exports?programme=DINAMICA&from=2026-01-01&to=2026-12-31&minPosition=" + head();
        assertThat(casebook.as(EU).get(query).status()).isEqualTo(403);
        assertThat(casebook.as(ANA).get(query).status()).isEqualTo(403);
        assertRefused(casebook.as(KFW).get("/api/audit/exports?from=2026-01-01&to=2026-12-31"), 400, "field-required");
        assertRefused(casebook.as(KFW).get("/api/audit/exports?programme=DINAMICA&from=enero&to=2026-12-31"), 400,
                "field-invalid");
        assertRefused(casebook.as(KFW).get("/api/audit/exports?programme=DINAMICA&from=2026-12-31&to=2026-01-01"), 422,
                "period-ends-before-start");
        assertRefused(casebook.as(ROSA).get("/api/engagements/" + secret.id() + "/audit?format=xml"), 400,
                "field-invalid");

        Path bundle = export(query, "good.jsonl");
        String text = Files.readString(bundle);
        StringBuilder decoded = new StringBuilder();
        for (String line : text.lines().skip(1).toList()) {
            decoded.append(new String(Base64.getDecoder().decode(JSON.readTree(line).get("storedPayload").asText()),
                    StandardCharsets.UTF_8));
        }
        for (String value : List.of(secret.owner(), secret.email(), secret.phone(), secret.taxId(), secret.notes())) {
            assertThat(text).as("readable bundle").doesNotContain(value);
            assertThat(decoded.toString()).as("stored payloads in the bundle").doesNotContain(value);
        }
        assertThat(text).as("a client who consented is shown").contains(shared.owner()).contains(shared.notes());
        JsonNode manifest = JSON.readTree(text.lines().findFirst().orElseThrow()).get("manifest");
        assertThat(manifest.get("programme").asText()).isEqualTo("DINAMICA");
        assertThat(personalDataOf(manifest, secret.id())).isEqualTo("redacted");
        assertThat(personalDataOf(manifest, shared.id())).isEqualTo("shared");

        assertThat(verify(bundle)).isEqualTo(0);
        assertThat(CasebookApplication.verify(new String[] {"verify", bundle.toString()})).isEqualTo(0);
        String fingerprint = casebook.as(KFW).get("/api/audit/signing-key").json().get("fingerprint").asText();
        assertThat(AuditBundle.verify(bundle, fingerprint).whole()).isTrue();
        assertThat(AuditBundle.verify(bundle, fingerprint).signedBy()).isEqualTo(fingerprint);
        assertThat(CasebookApplication.verify(new String[] {"verify", bundle.toString(), "--key", "00" + fingerprint}))
                .isEqualTo(1);

        // A careful forger: one payload changed, its chain and the manifest's head and digest recomputed.
        Path forged = files.resolve("forged.jsonl");
        Files.writeString(forged, forge(text, secret.id(), null));
        assertThat(AuditBundle.verify(forged).problems()).containsExactly(
                "The manifest's signature does not hold: the manifest was changed after it was signed.");
        // ... who also signs with a key of their own: only the pinned key tells.
        Files.writeString(forged, forge(text, secret.id(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair()));
        assertThat(AuditBundle.verify(forged).whole()).as("a forger's own signature holds by itself").isTrue();
        assertThat(AuditBundle.verify(forged, fingerprint).problems()).singleElement().asString()
                .startsWith("The manifest was signed by key ").endsWith("not by " + fingerprint + ".");

        // One byte of one stored payload in the file.
        List<String> lines = new ArrayList<>(text.lines().toList());
        int target = indexOfEvent(lines, secret.id(), 1);
        JsonNode event = JSON.readTree(lines.get(target));
        String payload = event.get("storedPayload").asText();
        int at = payload.length() / 2;
        String edited = payload.substring(0, at) + (payload.charAt(at) == 'A' ? 'B' : 'A') + payload.substring(at + 1);
        lines.set(target, lines.get(target).replace(payload, edited));
        Path tampered = files.resolve("tampered.jsonl");
        Files.writeString(tampered, String.join("\n", lines) + "\n");
        assertThat(Files.size(tampered)).isEqualTo(Files.size(bundle));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditBundle.run(tampered, null, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Engagement " + secret.id() + ", event 1 was altered")
                .contains("differ from the manifest's digest");

        // A missing event in the file.
        List<String> shorter = new ArrayList<>(text.lines().toList());
        shorter.remove(indexOfEvent(shorter, shared.id(), 0));
        Path missing = files.resolve("missing.jsonl");
        Files.writeString(missing, String.join("\n", shorter) + "\n");
        AuditBundle.Report report = AuditBundle.verify(missing);
        assertThat(report.problems()).anyMatch(problem -> problem.contains("Engagement " + shared.id() + ", event 0 is missing"));

        // One row in PostgreSQL, then a new export.
        assertThat(casebook.jdbc().update("""
                UPDATE domain_event_entry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"contactMinutes":90',
                                                    '"contactMinutes":95'), 'UTF8')
                 WHERE aggregate_identifier = ? AND sequence_number = 1""", shared.id())).isEqualTo(1);
        Path afterEdit = export(query, "after-edit.jsonl");
        AuditBundle.Report edited2 = AuditBundle.verify(afterEdit);
        assertThat(edited2.whole()).isFalse();
        assertThat(edited2.problems()).anyMatch(problem -> problem.contains("Engagement " + shared.id() + ", event 1"));
        assertThat(edited2.problems()).noneMatch(problem -> problem.contains(secret.id()));

        JsonNode readings = casebook.as(ADMIN).get("/api/audit/readings").json();
        List<String> exports = new ArrayList<>();
        readings.forEach(reading -> {
            if ("export".equals(reading.get("what").asText())) {
                exports.add(reading.get("userId").asText() + " " + reading.get("programme").asText());
            }
        });
        assertThat(exports).contains(KFW + " DINAMICA");
    }

    /**
     * The bundle with the engagement's event 1 changed (90 contact minutes become 95) and everything a
     * forger can recompute recomputed: the chain from there, the manifest's head, the digest; signed
     * again with {@code forgersKey}, or with the old signature left in place when that is null.
     */
    private static String forge(String bundle, String engagement, KeyPair forgersKey) throws Exception {
        List<String> lines = new ArrayList<>(bundle.lines().toList());
        String previous = null;
        for (int i = 1; i < lines.size(); i++) {
            ObjectNode event = (ObjectNode) JSON.readTree(lines.get(i));
            if (!event.get("engagementId").asText().equals(engagement) || event.get("sequence").asLong() < 1) {
                continue;
            }
            String payload = new String(Base64.getDecoder().decode(event.get("storedPayload").asText()),
                    StandardCharsets.UTF_8);
            if (event.get("sequence").asLong() == 1) {
                payload = payload.replace("\"contactMinutes\":90", "\"contactMinutes\":95");
                event.put("storedPayload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
                ((ObjectNode) event.get("payload")).put("contactMinutes", 95);
            }
            ObjectNode metaData = (ObjectNode) event.get("metaData");
            if (previous == null) {
                previous = metaData.get("previousHash").asText();
            }
            StoredEvent stored = new StoredEvent(event.get("aggregateType").asText(), engagement,
                    event.get("sequence").asLong(), event.get("eventId").asText(), event.get("payloadType").asText(),
                    event.get("payloadRevision").asText(), event.get("recordedAt").asText(),
                    JSON.writeValueAsBytes(metaData), payload.getBytes(StandardCharsets.UTF_8));
            String hash = AuditChain.hash(previous, stored);
            metaData.put("previousHash", previous).put("hash", hash);
            previous = hash;
            lines.set(i, JSON.writeValueAsString(event));
        }
        String events = String.join("\n", lines.subList(1, lines.size())) + "\n";
        ObjectNode manifest = (ObjectNode) JSON.readTree(lines.get(0)).get("manifest");
        for (JsonNode entry : manifest.get("engagements")) {
            if (entry.get("engagementId").asText().equals(engagement)) {
                ((ObjectNode) entry).put("headHash", previous);
            }
        }
        manifest.put("eventsSha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(events.getBytes(StandardCharsets.UTF_8))));
        AuditBundle.Manifest rewritten = CasebookJson.newMapper().treeToValue(manifest, AuditBundle.Manifest.class);
        if (forgersKey != null) {
            rewritten = AuditBundle.sign(rewritten, forgersKey);
        }
        return new String(AuditBundle.manifestLine(rewritten), StandardCharsets.UTF_8) + events;
    }

    private static Path export(String query, String name) throws Exception {
        CasebookInstance.Response response = casebook.as(KFW).get(query, "Accept", "application/x-ndjson");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Path file = files.resolve(name);
        Files.writeString(file, response.body());
        return file;
    }

    private static int verify(Path bundle) {
        return AuditBundle.run(bundle, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static String personalDataOf(JsonNode manifest, String engagement) {
        for (JsonNode entry : manifest.get("engagements")) {
            if (entry.get("engagementId").asText().equals(engagement)) {
                return entry.get("personalData").asText();
            }
        }
        throw new AssertionError(engagement + " is not in the manifest");
    }

    private static int indexOfEvent(List<String> lines, String engagement, long sequence) throws Exception {
        for (int i = 1; i < lines.size(); i++) {
            JsonNode event = JSON.readTree(lines.get(i));
            if (event.get("engagementId").asText().equals(engagement) && event.get("sequence").asLong() == sequence) {
                return i;
            }
        }
        throw new AssertionError("no event " + sequence + " of " + engagement);
    }
}
