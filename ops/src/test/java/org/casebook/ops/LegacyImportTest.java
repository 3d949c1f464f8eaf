package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports over HTTP: the files of IMPORT.md checked row by row (a dry run stores nothing), committed,
 * sent again (nothing doubled), added to, and revoked (gone from the dashboards, still in the audit).
 */
class LegacyImportTest {

    static final String ENGAGEMENTS = """
            legacyId,centerId,counselorId,intakeDate,enterpriseName,taxId,country,sector,stage,legalForm,ownerName,ownerGender,ownerBirthYear,email,phone,referralSource,shareWithFunders,surveys,fullTimeEmployees,partTimeEmployees,annualSales,currency,programmes,needs,closedDate,closureReason
            NS-1,HN-TGU-01,ana.lopez,2024-02-05,Panadería La Espiga,08019995000011,HN,Food,IN_BUSINESS,SRL,María Gómez,FEMALE,1980,maria@example.org,+504 2222-3333,Radio,true,true,4,2,"1200000.00",HNL,DINAMICA,Finance;Marketing,,
            NS-2,HN-TGU-01,ana.lopez,2024-03-10,"Taller Díaz, S. de R.L.",08019995000022,HN,Manufacturing,START_UP,,José Díaz,MALE,,,,,false,false,,,,,,,2025-01-31,COMPLETED
            """;
    static final String SESSIONS = """
            legacyId,engagementLegacyId,date,counselorId,type,area,contactMinutes,prepMinutes,travelMinutes,programme,notes
            S-1,NS-1,2024-02-12,ana.lopez,IN_PERSON,FINANCE,90,30,15,DINAMICA,"Cash-flow plan, first draft"
            S-2,NS-2,2024-03-15,ana.lopez,PHONE,MARKETING,45,,,,
            """;
    static final String RESULTS = """
            legacyId,engagementLegacyId,kind,date,instrument,source,amount,currency,fullTimeCreated,partTimeCreated,retained,periodStart,baselineSales,newSales,registrationNumber,registrationKind,evidenceState,evidenceRef,evidenceSha256,verifiedBy,verifiedDate
            R-1,NS-1,FINANCING,2024-06-01,LOAN,Banco Atlántida,"150000.00",HNL,,,,,,,,,VERIFIED,loan-contract.pdf,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,Lic. Rosa Mejía,2024-06-10
            R-2,NS-1,JOBS,2024-09-30,,,,,2,1,4,,,,,,ATTESTED,payroll.pdf,60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752,,
            R-3,NS-1,SALES_INCREASE,2024-12-31,,,,HNL,,,,2024-01-01,"1200000.00","1500000.00",,,CLAIMED,,,,
            R-4,NS-2,BUSINESS_START,2024-04-01,,,,,,,,,,,RTN-42,,CLAIMED,,,,
            R-5,NS-2,FORMALIZATION,2024-05-01,,,,,,,,,,,,Mercantile registry,WITHDRAWN,,,,
            R-0,NS-2,JOBS,2024-06-30,,,,,1,0,0,,,,,,REJECTED,,,,
            """;

    @TempDir
    static Path data;
    static CasebookInstance casebook;

    @BeforeAll
    static void start() {
        casebook = CasebookInstance.start(data).seeded();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    @Test
    void aSampleOfEveryFileWithEveryKindOfRowIsValidAndNothingIsStored() throws Exception {
        long events = events();
        JsonNode report = dryRun(Users.ADMIN, files(ENGAGEMENTS, SESSIONS, RESULTS), "en");
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("counts").get("engagements.csv").asInt()).isEqualTo(2);
        assertThat(report.get("counts").get("sessions.csv").asInt()).isEqualTo(2);
        assertThat(report.get("counts").get("results.csv").asInt()).isEqualTo(6);
        assertThat(report.get("problems")).isEmpty();
        assertThat(events()).as("a dry run stores nothing").isEqualTo(events);
    }

    @Test
    void eachBadRowIsReportedAtItsLineAndColumnInThePersonsLanguage() throws Exception {
        String engagements = ENGAGEMENTS
                + "NS-3,HN-XXX-99,ana.lopez,2024-04-01,Unknown center,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-4,HN-TGU-01,ana.lopez,04/01/2024,Bad date,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-5,HN-TGU-01,ana.lopez,2024-04-01,Bad money,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,\"12,50\",XYZ,,,,\n"
                + "NS-6,HN-TGU-01,ana.lopez,2024-04-01,Same identity,08019995000011,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-1,HN-TGU-01,ana.lopez,2024-04-01,Twice,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-7,HN-TGU-01,ana.lopez,2024-04-01,Bad stage,,HN,,GROWING,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-8,HN-TGU-01,ana.lopez,2024-04-01,,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-9,HN-TGU-01,nobody.here,2024-04-01,Unknown counselor,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n"
                + "NS-10,HN-TGU-01,ana.lopez,2024-04-01,Already a client,0801-1999-77777,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,,\n";
        String sessions = SESSIONS
                + "S-3,NS-99,2024-04-02,ana.lopez,PHONE,FINANCE,30,,,,\n"
                + "S-4,NS-1,2024-01-02,ana.lopez,PHONE,FINANCE,30,,,,\n"
                + "S-5,NS-1,2024-04-02,ana.lopez,PHONE,FINANCE,thirty,,,,\n";
        String results = RESULTS
                + "R-6,NS-1,GRANT,2024-06-01,,,,,,,,,,,,,CLAIMED,,,,\n";
        CasebookInstance.Response client = casebook.as(Users.ANA).post("/api/engagements",
                Requests.intake("HN-TGU-01", "ana.lopez", "2026-03-02", "0801199977777"));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        long events = events();
        JsonNode report = dryRun(Users.ADMIN, files(engagements, sessions, results), "es");
        assertThat(report.get("valid").asBoolean()).isFalse();
        Map<String, JsonNode> byPlace = new LinkedHashMap<>();
        report.get("problems").forEach(problem -> byPlace.put(problem.get("file").asText() + ":"
                + problem.get("line").asInt() + ":" + problem.get("column").asText(), problem));
        assertThat(byPlace.keySet()).containsExactlyInAnyOrder(
                "engagements.csv:4:centerId", "engagements.csv:5:intakeDate", "engagements.csv:6:annualSales",
                "engagements.csv:7:taxId", "engagements.csv:8:legacyId", "engagements.csv:9:stage",
                "engagements.csv:10:enterpriseName", "engagements.csv:11:counselorId", "engagements.csv:12:taxId",
                "sessions.csv:4:engagementLegacyId", "sessions.csv:5:date", "sessions.csv:6:contactMinutes",
                "results.csv:8:kind");
        assertThat(byPlace.get("engagements.csv:4:centerId").get("code").asText()).isEqualTo("center-unknown");
        assertThat(byPlace.get("engagements.csv:5:intakeDate").get("code").asText()).isEqualTo("import-date-invalid");
        assertThat(byPlace.get("engagements.csv:5:intakeDate").get("detail").asText())
                .isEqualTo("El campo \"intakeDate\" tiene \"04/01/2024\", que no es una fecha escrita AAAA-MM-DD.");
        assertThat(byPlace.get("engagements.csv:6:annualSales").get("code").asText()).isEqualTo("import-decimal-invalid");
        assertThat(byPlace.get("engagements.csv:7:taxId").get("code").asText()).isEqualTo("import-identity-twice");
        assertThat(byPlace.get("engagements.csv:8:legacyId").get("code").asText()).isEqualTo("import-legacy-id-twice");
        assertThat(byPlace.get("engagements.csv:9:stage").get("code").asText()).isEqualTo("import-code-unknown");
        assertThat(byPlace.get("engagements.csv:10:enterpriseName").get("code").asText()).isEqualTo("field-required");
        assertThat(byPlace.get("engagements.csv:11:counselorId").get("code").asText()).isEqualTo("import-counselor-unknown");
        assertThat(byPlace.get("engagements.csv:12:taxId").get("code").asText()).isEqualTo("enterprise-engagement-open");
        assertThat(byPlace.get("engagements.csv:12:taxId").get("detail").asText()).contains("HN-TGU-01");
        assertThat(byPlace.get("sessions.csv:4:engagementLegacyId").get("code").asText())
                .isEqualTo("import-engagement-unknown");
        assertThat(byPlace.get("sessions.csv:5:date").get("code").asText()).isEqualTo("date-before-intake");
        assertThat(byPlace.get("sessions.csv:6:contactMinutes").get("code").asText()).isEqualTo("import-number-invalid");
        assertThat(byPlace.get("results.csv:8:kind").get("code").asText()).isEqualTo("import-code-unknown");
        assertThat(events()).as("nothing stored").isEqualTo(events);
    }

    @Test
    void spanishHeadersAreReadAndUnknownColumnsReportedNotImported() throws Exception {
        String engagements = """
                idLegado,centro,asesor,fechaIngreso,empresa,pais,etapa,propietario,generoPropietario,colorFavorito
                NS-1,HN-TGU-01,ana.lopez,2024-02-05,Pulpería Doña Ana,HN,IN_BUSINESS,Ana Cruz,FEMALE,azul
                """;
        JsonNode report = dryRun(Users.ADMIN, files(engagements, null, null), "en");
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("notes")).hasSize(1);
        assertThat(report.at("/notes/0/code").asText()).isEqualTo("import-column-unknown");
        assertThat(report.at("/notes/0/column").asText()).isEqualTo("colorFavorito");
    }

    @Test
    void aMissingColumnOrFileIsNamedAndOnlyAdministratorsImport() throws Exception {
        JsonNode missing = dryRun(Users.ADMIN, files("legacyId,centerId\nNS-1,HN-TGU-01\n", null, null), "en");
        assertThat(missing.get("valid").asBoolean()).isFalse();
        assertThat(missing.get("problems")).extracting(problem -> problem.get("column").asText())
                .contains("counselorId", "intakeDate", "enterpriseName");
        JsonNode noEngagements = dryRun(Users.ADMIN, files(null, SESSIONS, null), "en");
        assertThat(noEngagements.at("/problems/0/code").asText()).isEqualTo("import-file-missing");

        assertThat(post(Users.ROSA, "/api/admin/imports?dryRun=true", files(ENGAGEMENTS, null, null), "en").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCommitWithABadRowIsRefusedWithTheSameReportAndStoresNothing() throws Exception {
        long events = events();
        String engagements = ENGAGEMENTS.replace("08019995000011", "08019995000099")
                + "NS-3,HN-TGU-01,ana.lopez,2024-04-01,Bad date,,HN,,IN_BUSINESS,,Ana,FEMALE,,,,,,,,,,,,,2023-01-01,COMPLETED\n";
        HttpResponse<String> commit = post(Users.ADMIN, "/api/admin/imports?system=Badfiles", files(engagements,
                SESSIONS, RESULTS), "en");
        assertThat(commit.statusCode()).as(commit.body()).isEqualTo(422);
        JsonNode report = new ObjectMapper().readTree(commit.body());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/problems/0/line").asInt()).isEqualTo(4);
        assertThat(report.at("/problems/0/column").asText()).isEqualTo("closedDate");
        assertThat(report.at("/problems/0/code").asText()).isEqualTo("date-before-intake");
        assertThat(events()).as("nothing stored").isEqualTo(events);
        assertThat(casebook.jdbc().queryForObject("SELECT count(*) FROM import_batch WHERE legacy_system = 'Badfiles'",
                Long.class)).isZero();
    }

    @Test
    void aCommittedImportIsTracedEverywhereSentAgainDoublesNothingAndARevokedBatchLeavesTheFigures() throws Exception {
        String engagements = ENGAGEMENTS.replace("08019995000011", "08019995000033");
        long eventsBefore = events();
        JsonNode before = dashboard();

        HttpResponse<String> commit = post(Users.ADMIN, "/api/admin/imports?system=Neoserra",
                files(engagements, SESSIONS, RESULTS), "en");
        assertThat(commit.statusCode()).as(commit.body()).isEqualTo(201);
        JsonNode report = new ObjectMapper().readTree(commit.body());
        String batch = report.get("batchId").asText();
        assertThat(commit.headers().firstValue("Location")).contains("/api/admin/imports/" + batch);
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("skipped")).isEmpty();
        // 2 intakes, 2 sessions, 6 results (+2 for the verified one's attestation and verification, +1 for the
        // attested one, +1 for the withdrawn one, +1 for the rejected one), 1 closure
        assertThat(events() - eventsBefore).isEqualTo(2 + 2 + 6 + 2 + 1 + 1 + 1 + 1);
        JsonNode lines = report.at("/reconciliation/lines");
        assertThat(lines).extracting(line -> line.get("centerId").asText() + " " + line.get("year").asInt() + " "
                + line.get("engagements").asInt() + " " + line.get("sessions").asInt() + " "
                + line.get("counselingHours").asText() + " " + line.get("results").asInt() + " "
                + line.get("verifiedResults").asInt() + " " + line.at("/capital/HNL").asText())
                .containsExactly("HN-TGU-01 2024 2 2 2.75 6 1 150000.00");
        assertThat(lines.get(0).get("jobsCreated").asText()).as("the rejected jobs left out").isEqualTo("2.5");

        // every event carries the batch, the system and its row's legacy id, and the administrator as actor
        List<Map<String, Object>> stored = casebook.jdbc().queryForList("SELECT convert_from(meta_data, 'UTF8') AS m"
                + " FROM domain_event_entry WHERE global_index > (SELECT coalesce(max(global_index), 0) - 16"
                + " FROM domain_event_entry) ORDER BY global_index");
        assertThat(stored).hasSize(16).allSatisfy(row -> {
            JsonNode metaData = new ObjectMapper().readTree((String) row.get("m"));
            assertThat(metaData.get("importBatch").asText()).isEqualTo(batch);
            assertThat(metaData.get("legacySystem").asText()).isEqualTo("Neoserra");
            assertThat(metaData.get("userId").asText()).isEqualTo(Users.ADMIN);
            assertThat(metaData.get("legacyId").asText()).isIn("NS-1", "NS-2", "S-1", "S-2", "R-0", "R-1", "R-2", "R-3", "R-4", "R-5");
        });

        // the engagement view, its audit history and the dashboard say where it came from
        String engagement = "imp-neoserra-NS-1";
        JsonNode view = read(Users.ROSA, "/api/engagements/" + engagement);
        assertThat(view.at("/imported/system").asText()).isEqualTo("Neoserra");
        assertThat(view.at("/imported/batchId").asText()).isEqualTo(batch);
        JsonNode loan = find(view.get("results"), "imp-neoserra-r-R-1");
        assertThat(loan.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(loan.at("/verifiedBefore/verifiedBy").asText()).isEqualTo("Lic. Rosa Mejía");
        assertThat(loan.at("/attestation/method").asText()).isEqualTo("LEGACY_RECORD");
        assertThat(find(view.get("results"), "imp-neoserra-r-R-2").get("status").asText()).isEqualTo("ATTESTED");
        JsonNode audit = read(Users.ROSA, "/api/engagements/" + engagement + "/audit");
        assertThat(audit.get("events")).allSatisfy(entry ->
                assertThat(entry.at("/imported/system").asText()).isEqualTo("Neoserra"));
        JsonNode imported = dashboard();
        assertThat(imported.get("newClients").asInt()).isEqualTo(before.get("newClients").asInt() + 2);
        assertThat(imported.at("/breakdowns/importedFrom/Neoserra/newClients").asInt()).isEqualTo(2);
        assertThat(imported.at("/capitalObtained/verified/usd").isMissingNode()
                || imported.toString().contains("150000")).isTrue();

        // the same files again: nothing stored twice, everything reported as skipped
        long eventsAfter = events();
        JsonNode again = new ObjectMapper().readTree(post(Users.ADMIN, "/api/admin/imports?system=Neoserra",
                files(engagements, SESSIONS, RESULTS), "en").body());
        assertThat(again.get("skipped").get("engagements.csv").asInt()).isEqualTo(2);
        assertThat(again.get("skipped").get("sessions.csv").asInt()).isEqualTo(2);
        assertThat(again.get("skipped").get("results.csv").asInt()).isEqualTo(6);
        assertThat(events()).isEqualTo(eventsAfter);

        // a row added later: only it is imported, by a batch of its own, followed by polling its status
        HttpResponse<String> accepted = post(Users.ADMIN, "/api/admin/imports?system=Neoserra&wait=false",
                files(engagements, SESSIONS + "S-9,NS-1,2024-03-01,ana.lopez,PHONE,FINANCE,60,,,,\n", RESULTS), "en");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String addedBatch = new ObjectMapper().readTree(accepted.body()).get("batchId").asText();
        JsonNode status = new ObjectMapper().readTree(get("/api/admin/imports/" + addedBatch));
        for (int polls = 0; status.get("state").asText().equals("RUNNING") && polls < 200; polls++) {
            Thread.sleep(50);
            status = new ObjectMapper().readTree(get("/api/admin/imports/" + addedBatch));
        }
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("engagementsDone").asInt()).as("only the engagement with a new row").isEqualTo(1);
        assertThat(status.at("/report/skipped/sessions.csv").asInt()).isEqualTo(2);
        assertThat(events()).isEqualTo(eventsAfter + 1);
        assertThat(read(Users.ROSA, "/api/verification-queue").findValuesAsText("resultId"))
                .as("the result attested in the legacy system waits for a director").contains("imp-neoserra-r-R-2");

        // revoking the first batch: gone from the dashboard, still in the audit history, identity free
        HttpResponse<String> revoke = delete("/api/admin/imports/" + batch);
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(revoke.body()).get("state").asText()).isEqualTo("REVOKED");
        JsonNode after = dashboard();
        assertThat(after.get("newClients").asInt()).isEqualTo(before.get("newClients").asInt());
        assertThat(after.get("clientsServed").asInt()).isEqualTo(before.get("clientsServed").asInt());
        assertThat(after.at("/breakdowns/importedFrom").isMissingNode() || after.at("/breakdowns/importedFrom").isEmpty())
                .as(after.toString()).isTrue();
        assertThat(read(Users.ROSA, "/api/verification-queue").findValuesAsText("resultId"))
                .doesNotContain("imp-neoserra-r-R-2");
        JsonNode kept = read(Users.ROSA, "/api/engagements/" + engagement + "/audit");
        assertThat(kept.get("events").size()).as("the added session and the revocation, besides")
                .isEqualTo(audit.get("events").size() + 2);
        assertThat(read(Users.ROSA, "/api/engagements/" + engagement).get("closureReason").asText())
                .isEqualTo("IMPORTED_IN_ERROR");
        JsonNode later = new ObjectMapper().readTree(get("/api/admin/imports/" + addedBatch));
        assertThat(later.get("state").asText()).isEqualTo("DONE");
        assertThat(new ObjectMapper().readTree(get("/api/admin/imports")).findValuesAsText("batchId"))
                .contains(batch, addedBatch);
    }

    @Test
    void aBatchStillRunningIsNotRevokedButOneWhoseNodeStoppedIs() throws Exception {
        casebook.jdbc().update("INSERT INTO import_batch (batch_id, legacy_system, imported_by, state, started_at,"
                + " engagements_total, progress_at) VALUES ('imp-busy', 'Busy', 'admin', 'RUNNING', now(), 3, now()),"
                + " ('imp-dead', 'Dead', 'admin', 'RUNNING', now() - interval '1 hour', 3, now() - interval '1 hour')");
        HttpResponse<String> busy = delete("/api/admin/imports/imp-busy");
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(new ObjectMapper().readTree(busy.body()).get("code").asText()).isEqualTo("import-running");
        assertThat(new ObjectMapper().readTree(get("/api/admin/imports/imp-dead")).get("state").asText())
                .as("nothing has moved it for an hour").isEqualTo("FAILED");
        HttpResponse<String> dead = delete("/api/admin/imports/imp-dead");
        assertThat(dead.statusCode()).as(dead.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(dead.body()).get("state").asText()).isEqualTo("REVOKED");
        assertThat(delete("/api/admin/imports/imp-nowhere").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> delete(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + path))
                .header("Authorization", basic(Users.ADMIN)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.math.BigDecimal hnl(JsonNode dashboard, String which) {
        JsonNode amount = dashboard.at("/capitalObtainedByCurrency/HNL/" + which);
        return amount.isMissingNode() ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(amount.asText());
    }

    private static JsonNode find(JsonNode items, String resultId) {
        for (JsonNode item : items) {
            if (item.get("resultId").asText().equals(resultId)) {
                return item;
            }
        }
        throw new AssertionError(resultId + " not in " + items);
    }

    private static JsonNode dashboard() {
        return read(Users.ROSA, "/api/dashboards/centers/HN-TGU-01?from=2024-01-01&to=2024-12-31");
    }

    /** Read once the read models have folded every event stored so far. */
    private static JsonNode read(String user, String path) {
        long position = casebook.jdbc().queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                Long.class);
        CasebookInstance.Response response = casebook.as(user).get(path + (path.contains("?") ? "&" : "?")
                + "minPosition=" + position);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + path))
                .header("Authorization", basic(Users.ADMIN)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Users.passwordOf(user))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> files(String engagements, String sessions, String results) {
        Map<String, String> files = new LinkedHashMap<>();
        if (engagements != null) {
            files.put("engagements.csv", engagements);
        }
        if (sessions != null) {
            files.put("sessions.csv", sessions);
        }
        if (results != null) {
            files.put("results.csv", results);
        }
        return files;
    }

    private static long events() {
        return casebook.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static JsonNode dryRun(String user, Map<String, String> files, String language) throws Exception {
        HttpResponse<String> answer = post(user, "/api/admin/imports?dryRun=true", files, language);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    /** A multipart request with each file as a part named after it, as a browser or curl sends it. */
    static HttpResponse<String> post(String user, String path, Map<String, String> files, String language)
            throws Exception {
        String boundary = "casebook-" + System.nanoTime();
        List<byte[]> body = new ArrayList<>();
        files.forEach((name, content) -> {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.add(content.getBytes(StandardCharsets.UTF_8));
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + Users.passwordOf(user)).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", language).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
