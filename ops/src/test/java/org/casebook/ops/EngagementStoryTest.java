package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic engagement over HTTP, from intake to close, read back from the read model and from the
 * events; and many counselors' writes to one engagement at once. Snapshots are taken every 5 events
 * here, so the later commands meet engagements loaded from snapshots.
 */
class EngagementStoryTest {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    static Path data;
    static CasebookInstance casebook;

    @BeforeAll
    static void start() {
        casebook = CasebookInstance.start(data, "--casebook.command.snapshot-threshold=5").seeded();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    static String created(CasebookInstance.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    static CasebookInstance.Response ok(CasebookInstance.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void fromIntakeToClose() {
        CasebookInstance.Client ana = casebook.as(Users.ANA);
        CasebookInstance.Client rosa = casebook.as(Users.ROSA);
        String id = created(ana.post("/api/engagements", Requests.intake()), "id");
        String path = "/api/engagements/" + id;

        String first = created(ana.post(path + "/sessions", Requests.session("2026-03-09", 90)), "sessionId");
        String second = created(ana.post(path + "/sessions", Requests.session("2026-03-16", 60)), "sessionId");
        String third = created(ana.post(path + "/sessions", Requests.session("2026-03-23", 45)), "sessionId");
        ok(ana.post(path + "/sessions/" + second + "/correction", """
                {"date": "2026-03-17", "counselorId": "ana.lopez", "type": "VIDEO", "area": "MARKETING",
                 "contactMinutes": 75, "prepMinutes": 15, "travelMinutes": 0, "reason": "Held by video, a day later"}"""));
        ok(ana.post(path + "/sessions/" + third + "/void", "{\"reason\": \"Logged twice\"}"));

        String loan = created(ana.post(path + "/financing", Requests.financing("120000.00", "HNL", "2026-05-20")),
                "resultId");
        ok(ana.post(path + "/results/" + loan + "/attestation", """
                {"method": "SIGNED_FORM", "evidenceRef": "forms/2026/0042.pdf", "evidenceSha256": "%s",
                 "date": "2026-05-25"}""".formatted(SHA)));
        CasebookInstance.Response counselorVerifies = ana.post(path + "/results/" + loan + "/verification", "{}");
        assertThat(counselorVerifies.status()).isEqualTo(403);
        assertThat(counselorVerifies.json().get("code").asText()).isEqualTo("director-only");
        ok(rosa.post(path + "/results/" + loan + "/verification", "{}"));
        CasebookInstance.Response twice = rosa.post(path + "/results/" + loan + "/verification", "{}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("result-already-verified");

        String jobs = created(ana.post(path + "/jobs",
                "{\"date\": \"2026-06-01\", \"fullTimeCreated\": 2, \"partTimeCreated\": 1, \"retained\": 3}"), "resultId");
        ok(rosa.post(path + "/results/" + jobs + "/rejection", "{\"reason\": \"No payroll evidence\"}"));
        ok(ana.post(path + "/results/" + jobs + "/correction", """
                {"kind": "JOBS", "date": "2026-06-01", "fullTimeCreated": 1, "partTimeCreated": 1, "retained": 3,
                 "reason": "Payroll attached; one full-time job was seasonal"}"""));
        CasebookInstance.Response negative = ana.post(path + "/jobs",
                "{\"date\": \"2026-06-01\", \"fullTimeCreated\": -1}");
        assertThat(negative.json().get("code").asText()).isEqualTo("number-negative");
        CasebookInstance.Response backwards = ana.post(path + "/sales-increases", """
                {"periodStart": "2026-06-30", "periodEnd": "2026-01-01",
                 "baselineSales": {"amount": "1.00", "currency": "HNL"}, "newSales": {"amount": "2.00", "currency": "HNL"}}""");
        assertThat(backwards.json().get("code").asText()).isEqualTo("period-ends-before-start");

        ok(ana.post(path + "/transfer", "{\"toCenterId\": \"GT-GUA-01\", \"counselorId\": \"luis.perez\", "
                + "\"effectiveDate\": \"2026-06-10\"}"));
        assertThat(ana.post(path + "/sessions", Requests.session("2026-06-11", 30)).status())
                .as("the engagement left Ana's center").isEqualTo(404);
        CasebookInstance.Client luis = casebook.as(Users.LUIS);
        String moved = created(luis.post(path + "/sessions", Requests.session("2026-06-12", 30)), "sessionId");
        assertThat(moved).isNotBlank();
        assertThat(luis.get("/api/engagements?size=200&minPosition=" + casebook.jdbc().queryForObject(
                "SELECT MAX(global_index) FROM domain_event_entry", Long.class)).json().get("items")
                .findValuesAsText("id")).as("the new center's caseload").contains(id);
        assertThat(ana.get("/api/engagements?size=200").json().get("items").findValuesAsText("id"))
                .as("no longer in the old center's caseload").doesNotContain(id);
        CasebookInstance.Response closed = ok(luis.post(path + "/close", "{\"reason\": \"COMPLETED\"}"));
        CasebookInstance.Response afterClose = luis.post(path + "/sessions", Requests.session("2026-06-13", 30));
        assertThat(afterClose.status()).isEqualTo(422);
        assertThat(afterClose.json().get("code").asText()).isEqualTo("engagement-closed");

        JsonNode view = luis.get(path + "?minPosition=" + closed.header("Casebook-Position")).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("closureReason").asText()).isEqualTo("COMPLETED");
        assertThat(view.get("centerId").asText()).isEqualTo(Users.GUA);
        assertThat(view.at("/transfers/0/fromCenterId").asText()).isEqualTo(Users.TGU);
        assertThat(view.get("sessions").findValuesAsText("status"))
                .containsExactly("LOGGED", "CORRECTED", "VOIDED", "LOGGED");
        assertThat(view.at("/sessions/1/date").asText()).isEqualTo("2026-03-17");
        // 90 + 30, 75 + 15 and 30 + 30 minutes count; the voided 45 + 30 do not
        assertThat(view.at("/totals/sessions").asInt()).isEqualTo(3);
        assertThat(view.at("/totals/contactMinutes").asInt()).isEqualTo(195);
        assertThat(view.at("/totals/counselingHours").decimalValue()).isEqualByComparingTo("4.50");
        JsonNode loanView = view.get("results").get(0);
        assertThat(loanView.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(loanView.at("/attestation/evidenceSha256").asText()).isEqualTo(SHA);
        JsonNode jobsView = view.get("results").get(1);
        assertThat(jobsView.get("status").asText()).isEqualTo("CLAIMED");
        assertThat(jobsView.at("/details/fullTimeCreated").asInt()).isEqualTo(1);

        List<String> history = casebook.jdbc().queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                String.class, id).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        assertThat(history).containsExactly("EngagementOpened", "CounselingSessionLogged", "CounselingSessionLogged",
                "CounselingSessionLogged", "CounselingSessionCorrected", "CounselingSessionVoided", "FinancingObtained",
                "ResultAttested", "ResultVerified", "JobsReported", "ResultRejected", "ResultCorrected",
                "EngagementTransferred", "CounselingSessionLogged", "EngagementClosed");
        Integer snapshots = casebook.jdbc().queryForObject(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
        assertThat(snapshots).as("snapshots every 5 events").isPositive();

        String metaOfTransfer = casebook.jdbc().queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%EngagementTransferred'""", String.class, id);
        assertThat(metaOfTransfer).contains("\"centerId\":\"HN-TGU-01\"");
    }

    @Test
    void timelineVerificationQueueAndCaseload() {
        CasebookInstance.Client ana = casebook.as(Users.ANA);
        CasebookInstance.Client rosa = casebook.as(Users.ROSA);
        String id = created(ana.post("/api/engagements", Requests.intake()), "id");
        String path = "/api/engagements/" + id;
        created(ana.post(path + "/sessions", Requests.session("2026-03-09", 300)), "sessionId");
        String jobs = created(ana.post(path + "/jobs", "{\"date\": \"2026-06-01\", \"fullTimeCreated\": 2}"), "resultId");
        String attested = ok(ana.post(path + "/results/" + jobs + "/attestation", """
                {"method": "EMAIL", "evidenceRef": "mail-2026-0042", "evidenceSha256": "%s", "date": "2026-06-02"}"""
                .formatted(SHA))).header("Casebook-Position");

        JsonNode queue = rosa.get("/api/verification-queue?minPosition=" + attested).json();
        assertThat(queue.findValuesAsText("resultId")).contains(jobs);
        assertThat(casebook.as(Users.LUIS).get("/api/verification-queue").json().findValuesAsText("resultId"))
                .as("another center's queue").doesNotContain(jobs);

        JsonNode line = null;
        for (JsonNode item : ana.get("/api/engagements?size=200&sort=intakeDate").json().get("items")) {
            if (item.get("id").asText().equals(id)) {
                line = item;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("resultsAwaitingVerification").asInt()).isEqualTo(1);
        assertThat(line.get("resultsAwaitingAttestation").asInt()).isZero();
        // 300 + 30 minutes in March 2026: this fiscal year (a calendar year in Honduras) while it is 2026
        boolean thisYear = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear() == 2026;
        assertThat(line.get("longTerm").asBoolean()).isEqualTo(thisYear);

        String verified = ok(rosa.post(path + "/results/" + jobs + "/verification", "{}")).header("Casebook-Position");
        assertThat(rosa.get("/api/verification-queue?minPosition=" + verified).json().findValuesAsText("resultId"))
                .doesNotContain(jobs);

        JsonNode timeline = ana.get(path + "/timeline?minPosition=" + verified, "Accept-Language", "es").json();
        assertThat(timeline.get("entries").findValuesAsText("type")).containsExactly("EngagementOpened",
                "CounselingSessionLogged", "JobsReported", "ResultAttested", "ResultVerified");
        assertThat(timeline.at("/entries/1/summary").asText()).contains("300 min de contacto");
        assertThat(timeline.at("/entries/4/userId").asText()).isEqualTo(Users.ROSA);
        assertThat(timeline.at("/entries/4/role").asText()).isEqualTo("DIRECTOR");
        assertThat(casebook.as(Users.LUIS).get(path + "/timeline").status()).isEqualTo(404);
    }

    @Test
    void exchangeRatesAreSetByAdministrators() {
        CasebookInstance.Client admin = casebook.as(Users.ADMIN);
        CasebookInstance.Response set = admin.put("/api/admin/exchange-rates/HNL/2026-05", "{\"usdPerUnit\": \"0.0405\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("usdPerUnit").asText()).isEqualTo("0.0405");
        CasebookInstance.Response usd = admin.put("/api/admin/exchange-rates/USD/2026-05", "{\"usdPerUnit\": \"1\"}");
        assertThat(usd.json().get("code").asText()).isEqualTo("rate-of-usd");
        CasebookInstance.Response month = admin.put("/api/admin/exchange-rates/HNL/May-2026", "{\"usdPerUnit\": \"1\"}");
        assertThat(month.status()).isEqualTo(400);
        CasebookInstance.Response zero = admin.put("/api/admin/exchange-rates/GTQ/2026-05", "{\"usdPerUnit\": \"0\"}");
        assertThat(zero.json().get("code").asText()).isEqualTo("rate-not-positive");
        assertThat(admin.put("/api/admin/exchange-rates/HNL/2026-05", "{\"usdPerUnit\": \"0.0410\"}").status())
                .isEqualTo(200);
        List<String> history = casebook.jdbc().queryForList("""
                SELECT convert_from(payload, 'UTF8')::json ->> 'usdPerUnit' FROM domain_event_entry
                 WHERE aggregate_identifier = 'rate:HNL:2026-05' ORDER BY sequence_number""", String.class);
        assertThat(history).containsExactly("0.0405", "0.041");
    }

    @Test
    void aSecondIntakeOfAnOpenEnterpriseNamesItsCenterUntilTheFirstCloses() {
        String intake = Requests.intake(Users.TGU, Users.ANA, "2026-03-02", "05019995012345");
        String first = created(casebook.as(Users.ANA).post("/api/engagements", intake), "id");
        CasebookInstance.Response elsewhere = casebook.as(Users.LUIS).post("/api/engagements",
                Requests.intake(Users.GUA, Users.LUIS, "2026-04-02", "0501-9995-012345"));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("code").asText()).isEqualTo("enterprise-engagement-open");
        assertThat(elsewhere.json().get("detail").asText()).contains(Users.TGU);

        ok(casebook.as(Users.ANA).post("/api/engagements/" + first + "/close", "{\"reason\": \"CLIENT_WITHDREW\"}"));
        created(casebook.as(Users.LUIS).post("/api/engagements",
                Requests.intake(Users.GUA, Users.LUIS, "2026-04-02", "0501-9995-012345")), "id");
    }

    @Test
    void fiftyConcurrentSessionLogsAreEachStoredOnceOrRefusedWithAConflict() throws Exception {
        String id = created(casebook.as(Users.ANA).post("/api/engagements", Requests.intake()), "id");
        HttpClient http = HttpClient.newHttpClient();
        String credentials = "Basic " + Base64.getEncoder()
                .encodeToString((Users.ANA + ":" + Users.passwordOf(Users.ANA)).getBytes());
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + "/api/engagements/" + id
                            + "/sessions"))
                    .header("Content-Type", "application/json").header("Authorization", credentials)
                    .POST(HttpRequest.BodyPublishers.ofString(Requests.session("2026-03-09", 10 + i))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> stored = new HashSet<>();
        int conflicts = 0;
        ObjectMapper json = new ObjectMapper();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
            if (response.statusCode() == 201) {
                stored.add(json.readTree(response.body()).get("sessionId").asText());
            } else {
                conflicts++;
            }
        }
        List<String> inTheStore = casebook.jdbc().queryForList("""
                SELECT convert_from(payload, 'UTF8')::json ->> 'sessionId' FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%CounselingSessionLogged'""", String.class, id);
        assertThat(inTheStore).hasSize(stored.size()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(stored.size() + conflicts).isEqualTo(50);
    }
}
