package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' forms over HTTP, as a browser without scripts sends them: each does what its API call does,
 * and a refusal comes back as the page with the refusal beside its field. What the pages stored is read
 * back through the API.
 */
class PageFormsTest {

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

    /** A signed-in browser: a session cookie, and the form token of the last page it read. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token;

        Browser(String user) throws Exception {
            this(user, null);
        }

        /** Signs in, having first chosen a language at the sign-in page. */
        Browser(String user, String language) throws Exception {
            get(language == null ? "/login" : "/login?lang=" + language);
            HttpResponse<String> signedIn = post("/login", Map.of("username", user, "password", Users.passwordOf(user)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
            if (csrf.find()) {
                token = csrf.group(1);
            }
            return page;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", token);
            String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + path))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The files as a browser sends a form with file inputs: each file a part of the field, and the form's token. */
    static HttpResponse<String> postFiles(Browser browser, String path, Map<String, String> fields,
                                          Map<String, String> files) throws Exception {
        String boundary = "casebook-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", browser.token);
        all.forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        files.forEach((name, content) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"").append(name)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return browser.http.send(HttpRequest.newBuilder(URI.create(casebook.baseUrl() + path))
                .header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String engagement() {
        return settled(casebook.as(Users.ANA).post("/api/engagements", Requests.intake())).json().get("id").asText();
    }

    /** Waits until the read models have what the API just wrote, as the next page shown expects. */
    static CasebookInstance.Response settled(CasebookInstance.Response written) {
        casebook.as(Users.ANA).get("/api/engagements?minPosition=" + written.header("Casebook-Position"));
        return written;
    }

    static JsonNode view(String user, String id, HttpResponse<String> written) {
        String location = written.headers().firstValue("Location").orElse("");
        String position = location.contains("minPosition=") ? location.replaceAll(".*minPosition=(\\d+).*", "$1") : "0";
        return casebook.as(user).get("/api/engagements/" + id + "?minPosition=" + position).json();
    }

    @Test
    void aSessionIsCorrectedWithAReasonAndARefusalStaysBesideItsField() throws Exception {
        String id = engagement();
        String session = settled(casebook.as(Users.ANA).post("/api/engagements/" + id + "/sessions",
                Requests.session("2026-03-09", 60))).json().get("sessionId").asText();
        Browser ana = new Browser(Users.ANA);
        ana.get("/engagements/" + id);
        Map<String, String> correction = new LinkedHashMap<>(Map.of("date", "2026-03-09", "type", "PHONE",
                "area", "FINANCE", "contactMinutes", "45", "prepMinutes", "15", "travelMinutes", "0",
                "programme", "DINAMICA", "counselorId", Users.ANA, "reason", "Minutes were mistyped"));
        correction.put("contactMinutes", "-5");
        HttpResponse<String> refused = ana.post("/engagements/" + id + "/sessions/" + session + "/correction", correction);
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).contains("id=\"correct-" + session + "-contactMinutes-error\"")
                .contains("value=\"Minutes were mistyped\"");
        correction.put("contactMinutes", "45");
        HttpResponse<String> corrected = ana.post("/engagements/" + id + "/sessions/" + session + "/correction", correction);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
        JsonNode after = view(Users.ANA, id, corrected).at("/sessions/0");
        assertThat(after.get("status").asText()).isEqualTo("CORRECTED");
        assertThat(after.get("contactMinutes").asInt()).isEqualTo(45);
        assertThat(after.get("type").asText()).isEqualTo("PHONE");
    }

    @Test
    void aResultIsWithdrawnAndADirectorReopensARejectedOne() throws Exception {
        String id = engagement();
        String withdrawn = casebook.as(Users.ANA).post("/api/engagements/" + id + "/financing",
                Requests.financing("1000.00", "HNL", "2026-05-20")).json().get("resultId").asText();
        String rejected = settled(casebook.as(Users.ANA).post("/api/engagements/" + id + "/financing",
                Requests.financing("2000.00", "HNL", "2026-05-21"))).json().get("resultId").asText();
        Browser ana = new Browser(Users.ANA);
        ana.get("/engagements/" + id);
        HttpResponse<String> withdrawal = ana.post("/engagements/" + id + "/results/" + withdrawn + "/withdrawal",
                Map.of("reason", "Claimed by mistake"));
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(302);
        assertThat(settled(casebook.as(Users.ROSA).post("/api/engagements/" + id + "/results/" + rejected + "/rejection",
                "{\"reason\": \"No evidence\"}")).status()).isEqualTo(200);
        Browser rosa = new Browser(Users.ROSA);
        HttpResponse<String> page = rosa.get("/engagements/" + id);
        assertThat(page.body()).contains("/results/" + rejected + "/reopening");
        HttpResponse<String> reopened = rosa.post("/engagements/" + id + "/results/" + rejected + "/reopening",
                Map.of("reason", "The client found the contract"));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(302);
        JsonNode results = view(Users.ROSA, id, reopened).get("results");
        Map<String, String> statuses = new LinkedHashMap<>();
        results.forEach(result -> statuses.put(result.get("resultId").asText(), result.get("status").asText()));
        assertThat(statuses).containsEntry(withdrawn, "WITHDRAWN");
        assertThat(statuses.get(rejected)).isIn("CLAIMED", "ATTESTED");
    }

    @Test
    void anEngagementIsTransferredClosedAndReopenedFromItsPage() throws Exception {
        String id = engagement();
        Browser ana = new Browser(Users.ANA);
        ana.get("/engagements/" + id);
        HttpResponse<String> closed = ana.post("/engagements/" + id + "/close", Map.of("reason", "COMPLETED"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);
        assertThat(view(Users.ANA, id, closed).get("status").asText()).isEqualTo("CLOSED");
        assertThat(ana.get("/engagements/" + id).body()).contains("/engagements/" + id + "/reopen");
        HttpResponse<String> reopened = ana.post("/engagements/" + id + "/reopen", Map.of("reason", "The client came back"));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(302);
        assertThat(view(Users.ANA, id, reopened).get("status").asText()).isEqualTo("OPEN");
        ana.get("/engagements/" + id);
        HttpResponse<String> transferred = ana.post("/engagements/" + id + "/transfer", Map.of("toCenterId", Users.GUA,
                "counselorId", Users.LUIS, "effectiveDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(302);
        assertThat(view(Users.LUIS, id, transferred).get("centerId").asText()).isEqualTo(Users.GUA);
        HttpResponse<String> gone = ana.get("/engagements/" + id);
        assertThat(gone.statusCode()).as("another center's engagement, as a page").isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(gone.body()).contains("<html lang=\"en\"");
    }

    @Test
    void anAdministratorCreatesAndChangesAUserWhoseLanguageIsKept() throws Exception {
        Browser admin = new Browser(Users.ADMIN);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        HttpResponse<String> created = admin.post("/admin/users", Map.of("username", "nueva.asesora",
                "password", Users.passwordOf("nueva.asesora"), "roles[]", "COUNSELOR", "centers[]", Users.TGU, "language", "es"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        admin.get("/admin/users/nueva.asesora");
        HttpResponse<String> changed = admin.post("/admin/users/nueva.asesora", Map.of("enabled", "true",
                "roles[]", "DIRECTOR", "centers[]", Users.GUA, "language", "es"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        JsonNode user = casebook.as(Users.ADMIN).get("/api/admin/users/nueva.asesora").json();
        assertThat(user.get("roles").toString()).isEqualTo("[\"DIRECTOR\"]");
        assertThat(user.get("centers").toString()).isEqualTo("[\"GT-GUA-01\"]");
        HttpResponse<String> refused = admin.post("/admin/users", Map.of("username", "sin.centro",
                "password", "a-long-password-1", "roles[]", "COUNSELOR"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"sin.centro\"");

        Browser newcomer = new Browser("nueva.asesora");
        assertThat(newcomer.get("/").body()).as("her language, kept with her account").contains("<html lang=\"es\"");
        assertThat(newcomer.get("/?lang=en").body()).contains("<html lang=\"en\"");
        assertThat(newcomer.get("/verification").body()).as("and kept after switching").contains("<html lang=\"en\"");
    }

    @Test
    void aPageRefusedIsAPageAndTheLanguageChosenBeforeSigningInHolds() throws Exception {
        Browser luis = new Browser(Users.LUIS);
        HttpResponse<String> admin = luis.get("/admin");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(admin.body()).contains("<html lang=\"en\"").contains("You may not see this page");

        Browser spanish = new Browser(Users.EU, "es");
        assertThat(spanish.get("/").body()).contains("<html lang=\"es\"");
        HttpResponse<String> expired = spanish.post("/engagements/new", Map.of("_csrf", "expired"));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<html lang=\"es\"").contains("había caducado");
    }

    @Test
    void anAdministratorDefinesCentersProgrammesAndExchangeRates() throws Exception {
        Browser admin = new Browser(Users.ADMIN);
        admin.get("/admin");
        HttpResponse<String> center = admin.post("/admin/centers", Map.of("centerId", "HN-SPS-01",
                "name", "CDE-MIPYME San Pedro Sula", "country", "HN"));
        assertThat(center.statusCode()).as(center.body()).isEqualTo(302);
        HttpResponse<String> programme = admin.post("/admin/programmes", Map.of("code", "OAS-SBDC",
                "name", "SBDC Caribbean", "funder", "OAS"));
        assertThat(programme.statusCode()).as(programme.body()).isEqualTo(302);
        HttpResponse<String> rate = admin.post("/admin/exchange-rates", Map.of("currency", "HNL", "month", "2026-04",
                "usdPerUnit", "0.0406"));
        assertThat(rate.statusCode()).as(rate.body()).isEqualTo(302);
        HttpResponse<String> refused = admin.post("/admin/exchange-rates", Map.of("currency", "HNL", "month", "2026-04",
                "usdPerUnit", "-1"));
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).contains("id=\"rate-usdPerUnit-error\"").contains("value=\"-1\"");
        String page = admin.get(URI.create(rate.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
                + URI.create(rate.headers().firstValue("Location").orElseThrow()).getRawQuery()).body();
        assertThat(page).contains("CDE-MIPYME San Pedro Sula").contains("SBDC Caribbean").contains("0.0406");
        // What the pages defined serves the API at once: the programme at intake, the rate in the figures.
        CasebookInstance.Response intake = casebook.as(Users.ANA).post("/api/engagements",
                Requests.intake().replace("\"DINAMICA\"", "\"DINAMICA\", \"OAS-SBDC\""));
        assertThat(intake.status()).as(intake.body()).isEqualTo(201);
        String id = intake.json().get("id").asText();
        String position = casebook.as(Users.ANA).post("/api/engagements/" + id + "/financing",
                Requests.financing("1000.00", "HNL", "2026-04-15")).header("Casebook-Position");
        JsonNode april = casebook.as(Users.KFW).get("/api/dashboards/network?from=2026-04-01&to=2026-04-30&minPosition="
                + position).json();
        assertThat(april.get("ratesUsed").toString()).contains("\"currency\":\"HNL\"").contains("\"month\":\"2026-04\"")
                .contains("0.0406");
    }

    /** Annual sales are optional: the currency the page suggests makes no money without an amount. */
    @Test
    void anIntakeWithoutAnnualSalesIsTakenIn() throws Exception {
        Browser ana = new Browser(Users.ANA);
        ana.get("/engagements/new");
        Map<String, String> intake = new LinkedHashMap<>(Map.of("centerId", Users.TGU, "counselorId", Users.ANA,
                "intakeDate", "2026-03-02", "enterprise.name", "Taller Sin Ventas", "enterprise.country", "HN",
                "enterprise.taxId", "0801-1990-55555", "enterprise.stage", "START_UP", "owner.name", "Rosa Díaz",
                "owner.gender", "FEMALE", "baseline.annualSales.currency", "HNL"));
        intake.put("baseline.annualSales.amount", "");
        intake.put("baseline.fullTimeEmployees", "1");
        HttpResponse<String> taken = ana.post("/engagements/new", intake);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(302);
        assertThat(ana.get("/engagements/new/identity?enterprise.country=HN&enterprise.taxId=08011990.55555").body())
                .as("the early check finds it however the tax id is typed").contains(Users.TGU);
    }

    @Test
    void theIntakeSaysAtOnceWhenAnEnterpriseIsAlreadyAClient() throws Exception {
        casebook.as(Users.ANA).post("/api/engagements", Requests.intake(Users.TGU, Users.ANA, "2026-03-02", "0801777000111"));
        Browser ana = new Browser(Users.ANA);
        String taken = ana.get("/engagements/new/identity?enterprise.country=HN&enterprise.taxId=0801777000111").body();
        assertThat(taken).contains(Users.TGU);
        String free = ana.get("/engagements/new/identity?enterprise.country=HN&enterprise.taxId=0801777000999").body();
        assertThat(free).doesNotContain(Users.TGU);
    }

    @Test
    void anAdministratorChecksImportsFollowsAndRevokesABatchFromThePages() throws Exception {
        Map<String, String> files = Map.of(
                "engagements.csv", LegacyImportTest.ENGAGEMENTS.replace("08019995000011", "08019995000055"),
                "sessions.csv", LegacyImportTest.SESSIONS, "results.csv", LegacyImportTest.RESULTS);
        Browser admin = new Browser(Users.ADMIN);
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/imports\"");
        assertThat(admin.get("/admin/imports").statusCode()).isEqualTo(200);

        HttpResponse<String> checked = postFiles(admin, "/admin/imports", Map.of("system", "Center IC",
                "action", "check"), files);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(checked.body()).contains("No problems: the files can be imported").contains("engagements.csv");

        HttpResponse<String> bad = postFiles(admin, "/admin/imports", Map.of("system", "Center IC", "action", "import"),
                Map.of("engagements.csv", LegacyImportTest.ENGAGEMENTS.replace("2024-02-05", "05/02/2024")));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Not imported: 1 problem to mend first").contains("engagements.csv, line 2");

        admin.get("/admin/imports");
        HttpResponse<String> imported = postFiles(admin, "/admin/imports", Map.of("system", "Center IC",
                "action", "import"), files);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        String batchPage = imported.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        String batch = batchPage.substring(batchPage.lastIndexOf('/') + 1);
        String shown = admin.get(batchPage).body();
        for (int polls = 0; shown.contains("hx-get=") && polls < 100; polls++) {
            Thread.sleep(50);
            shown = admin.get(batchPage).body();
        }
        assertThat(shown).contains("Import from Center IC").contains("HN-TGU-01").contains("150000.00 HNL")
                .contains("2 of 2 engagements");
        // The director reads where the engagement came from, and who verified its loan before Casebook.
        long position = casebook.jdbc().queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        casebook.as(Users.ROSA).get("/api/engagements?minPosition=" + position);
        Browser rosa = new Browser(Users.ROSA);
        String page = rosa.get("/engagements/imp-center-ic-NS-1").body();
        assertThat(page).contains("Imported from", "Center IC · batch " + batch + " · legacy row NS-1",
                "Verified in Center IC by Lic. Rosa Mejía on 2024-06-10, before Casebook.", "imported from Center IC");

        HttpResponse<String> revoked = admin.post(batchPage + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        position = casebook.jdbc().queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        casebook.as(Users.ROSA).get("/api/engagements?minPosition=" + position);
        assertThat(rosa.get("/engagements/imp-center-ic-NS-1").body()).contains("Imported in error",
                "which was revoked as imported in error").doesNotContain("Reopen the engagement");
        assertThat(admin.get(batchPage).body()).contains("revoked").doesNotContain("Revoke this batch");
        assertThat(casebook.as(Users.ADMIN).get("/api/admin/imports/" + batch).json().get("state").asText())
                .isEqualTo("REVOKED");
    }
}
