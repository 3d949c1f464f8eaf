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

/** The dry run of an import over HTTP: the files of IMPORT.md checked row by row, nothing stored. */
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
            R-1,NS-1,FINANCING,2024-06-01,LOAN,Banco Atlántida,"150000.00",HNL,,,,,,,,,VERIFIED,loan-contract.pdf,,rosa.mejia,2024-06-10
            R-2,NS-1,JOBS,2024-09-30,,,,,2,1,4,,,,,,ATTESTED,payroll.pdf,,,
            R-3,NS-1,SALES_INCREASE,2024-12-31,,,,HNL,,,,2024-01-01,"1200000.00","1500000.00",,,CLAIMED,,,,
            R-4,NS-2,BUSINESS_START,2024-04-01,,,,,,,,,,,RTN-42,,CLAIMED,,,,
            R-5,NS-2,FORMALIZATION,2024-05-01,,,,,,,,,,,,Mercantile registry,WITHDRAWN,,,,
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
        assertThat(report.get("counts").get("results.csv").asInt()).isEqualTo(5);
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
                "results.csv:7:kind");
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
        assertThat(byPlace.get("results.csv:7:kind").get("code").asText()).isEqualTo("import-code-unknown");
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
        HttpResponse<String> commit = post(Users.ADMIN, "/api/admin/imports", files(ENGAGEMENTS, null, null), "en");
        assertThat(commit.statusCode()).isEqualTo(422);
        assertThat(new ObjectMapper().readTree(commit.body()).get("code").asText()).isEqualTo("import-commit-unavailable");
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
