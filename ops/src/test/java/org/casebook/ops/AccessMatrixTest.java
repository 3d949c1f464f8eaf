package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.ops.Users.ADMIN;
import static org.casebook.ops.Users.ANA;
import static org.casebook.ops.Users.EU;
import static org.casebook.ops.Users.KFW;
import static org.casebook.ops.Users.LUIS;
import static org.casebook.ops.Users.OPS;
import static org.casebook.ops.Users.ROSA;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint × every role × own and other center, own and other programme: the exact status each
 * gets. Nothing is allowed that the rules do not allow. "anonymous" sends no credentials.
 */
class AccessMatrixTest {

    static final String ANONYMOUS = "anonymous";
    /** Counselor at Guatemala City, and donor's officer of DINAMICA (funding Tegucigalpa's engagement). */
    static final String MARTA = "marta.counselor-donor";
    /** Director at Tegucigalpa, and donor's officer of AL-INVEST (funding Guatemala City's engagement). */
    static final String JORGE = "jorge.director-donor";
    /** Director at Tegucigalpa who also runs the service. */
    static final String CARLA = "carla.director-operator";
    static final List<String> EVERYONE = List.of(ANONYMOUS, ANA, LUIS, ROSA, KFW, EU, OPS, ADMIN, MARTA, JORGE, CARLA);

    @TempDir
    static Path data;
    static CasebookInstance casebook;
    /** An engagement of the Tegucigalpa center, funded by DINAMICA, whose client consented to sharing. */
    static String tegucigalpa;
    /** An engagement of the Guatemala City center, funded by AL-INVEST. */
    static String guatemala;
    static final AtomicInteger UNIQUE = new AtomicInteger();

    @BeforeAll
    static void start() {
        casebook = CasebookInstance.start(data).seeded();
        CasebookInstance.Client admin = casebook.as(ADMIN);
        Users.user(admin, MARTA, List.of("COUNSELOR", "DONOR"), Users.GUA, Users.DINAMICA);
        Users.user(admin, JORGE, List.of("DIRECTOR", "DONOR"), Users.TGU, Users.AL_INVEST);
        Users.user(admin, CARLA, List.of("DIRECTOR", "OPERATOR"), Users.TGU, null);
        tegucigalpa = casebook.as(ANA).post("/api/engagements", Requests.intake()).json().get("id").asText();
        CasebookInstance.Response created = casebook.as(LUIS).post("/api/engagements",
                Requests.intake(Users.GUA, LUIS, "2026-03-02").replace("DINAMICA", Users.AL_INVEST));
        guatemala = created.json().get("id").asText();
        // Reads below expect both engagements in the read model.
        casebook.as(LUIS).get("/api/engagements?minPosition=" + created.header("Casebook-Position"));
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    static CasebookInstance.Client client(String user) {
        return ANONYMOUS.equals(user) ? casebook.anonymous() : casebook.as(user);
    }

    /** Calls the endpoint as everyone and compares each status with the expected one. */
    static void expect(String endpoint, BiFunction<CasebookInstance.Client, String, CasebookInstance.Response> call,
                       Map<String, Integer> expected) {
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(EVERYONE);
        Map<String, Integer> actual = new LinkedHashMap<>();
        List<String> notProblems = new ArrayList<>();
        for (String user : EVERYONE) {
            CasebookInstance.Response response = call.apply(client(user), user);
            actual.put(user, response.status());
            if (response.status() >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                notProblems.add(user + ": " + response.status() + " " + response.contentType());
            }
        }
        assertThat(actual).as(endpoint).containsExactlyEntriesOf(expected);
        assertThat(notProblems).as(endpoint + ": refusals are problem documents").isEmpty();
    }

    static Map<String, Integer> statuses(int anonymous, int ana, int luis, int rosa, int kfw, int eu, int ops, int admin,
                                         int marta, int jorge, int carla) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(ANONYMOUS, anonymous);
        expected.put(ANA, ana);
        expected.put(LUIS, luis);
        expected.put(ROSA, rosa);
        expected.put(KFW, kfw);
        expected.put(EU, eu);
        expected.put(OPS, ops);
        expected.put(ADMIN, admin);
        expected.put(MARTA, marta);
        expected.put(JORGE, jorge);
        expected.put(CARLA, carla);
        return expected;
    }

    @Test
    void intakeForTheTegucigalpaCenter() {
        expect("POST /api/engagements", (client, user) -> client.post("/api/engagements", Requests.intake()),
                statuses(401, 201, 403, 201, 403, 403, 403, 403, 403, 201, 201));
    }

    @Test
    void sessionOnATegucigalpaEngagement() {
        expect("POST sessions", (client, user) -> client.post("/api/engagements/" + tegucigalpa + "/sessions",
                        Requests.session("2026-03-09", 60)),
                statuses(401, 201, 404, 201, 403, 403, 403, 403, 404, 201, 201));
    }

    @Test
    void financingOnAGuatemalaEngagement() {
        expect("POST financing", (client, user) -> client.post("/api/engagements/" + guatemala + "/financing",
                        Requests.financing("1000.00", "GTQ", "2026-05-20")),
                statuses(401, 404, 201, 404, 403, 403, 403, 403, 201, 404, 404));
    }

    @Test
    void readingATegucigalpaEngagement() {
        expect("GET engagement", (client, user) -> client.get("/api/engagements/" + tegucigalpa),
                statuses(401, 200, 404, 200, 200, 404, 403, 403, 200, 200, 200));
    }

    @Test
    void readingAGuatemalaEngagement() {
        expect("GET engagement", (client, user) -> client.get("/api/engagements/" + guatemala),
                statuses(401, 404, 200, 404, 404, 200, 403, 403, 200, 200, 404));
    }

    @Test
    void listingEngagements() {
        expect("GET /api/engagements", (client, user) -> client.get("/api/engagements?size=200"),
                statuses(401, 200, 200, 200, 200, 200, 403, 403, 200, 200, 200));
        expect("GET /api/engagements as CSV", (client, user) -> client.get("/api/engagements?size=200", "Accept", "text/csv"),
                statuses(401, 200, 200, 200, 200, 200, 403, 403, 200, 200, 200));
        assertThat(ids(ANA)).contains(tegucigalpa).doesNotContain(guatemala);
        assertThat(ids(ROSA)).contains(tegucigalpa).doesNotContain(guatemala);
        assertThat(ids(LUIS)).contains(guatemala).doesNotContain(tegucigalpa);
        assertThat(ids(KFW)).contains(tegucigalpa).doesNotContain(guatemala);
        assertThat(ids(EU)).contains(guatemala).doesNotContain(tegucigalpa);
        assertThat(ids(ANA, "&centerId=" + Users.GUA)).isEmpty();
        assertThat(ids(MARTA)).contains(tegucigalpa, guatemala);
        assertThat(ids(JORGE)).contains(tegucigalpa, guatemala);
        assertThat(ids(CARLA)).contains(tegucigalpa).doesNotContain(guatemala);
    }

    @Test
    void theVerificationQueueAndTimelines() {
        expect("GET /api/verification-queue", (client, user) -> client.get("/api/verification-queue"),
                statuses(401, 200, 200, 200, 403, 403, 403, 403, 200, 200, 200));
        expect("GET timeline", (client, user) -> client.get("/api/engagements/" + tegucigalpa + "/timeline"),
                statuses(401, 200, 404, 200, 200, 404, 403, 403, 200, 200, 200));
    }

    @Test
    void auditHistoriesTheirVerificationReadingsAndExports() {
        String audit = "/api/engagements/" + tegucigalpa + "/audit";
        expect("GET audit", (client, user) -> client.get(audit), statuses(401, 403, 403, 200, 200, 404, 403, 403, 200, 200, 200));
        expect("GET audit verification", (client, user) -> client.get(audit + "/verification"),
                statuses(401, 403, 403, 200, 200, 404, 403, 200, 200, 200, 200));
        expect("GET audit readings", (client, user) -> client.get("/api/audit/readings?engagementId=" + tegucigalpa),
                statuses(401, 403, 403, 200, 403, 403, 403, 200, 403, 200, 200));
        expect("GET audit export", (client, user) ->
                        client.get("/api/audit/exports?programme=DINAMICA&from=2026-01-01&to=2026-12-31"),
                statuses(401, 403, 403, 403, 200, 403, 403, 200, 200, 403, 403));
        expect("GET audit signing key", (client, user) -> client.get("/api/audit/signing-key"),
                statuses(401, 403, 403, 200, 200, 200, 403, 200, 200, 200, 200));
    }

    /** Of Guatemala City's engagement: the people with two roles reach it, or not, by one of them. */
    @Test
    void auditHistoriesOfTheOtherCenter() {
        String audit = "/api/engagements/" + guatemala + "/audit";
        expect("GET audit (Guatemala)", (client, user) -> client.get(audit),
                statuses(401, 403, 403, 404, 404, 200, 403, 403, 404, 200, 404));
        for (String format : List.of("csv", "pdf")) {
            expect("GET audit (Guatemala) as " + format, (client, user) -> client.get(audit + "?format=" + format),
                    statuses(401, 403, 403, 404, 404, 200, 403, 403, 404, 200, 404));
        }
        expect("GET audit verification (Guatemala)", (client, user) -> client.get(audit + "/verification"),
                statuses(401, 403, 403, 404, 404, 200, 403, 200, 404, 200, 404));
        // Only directors of the engagement's center see who read it: a director reading as a donor does not.
        expect("GET audit readings (Guatemala)", (client, user) -> client.get("/api/audit/readings?engagementId=" + guatemala),
                statuses(401, 403, 403, 404, 403, 403, 403, 200, 403, 404, 404));
        expect("GET timeline (Guatemala)", (client, user) -> client.get("/api/engagements/" + guatemala + "/timeline"),
                statuses(401, 404, 200, 404, 404, 200, 403, 403, 200, 200, 404));
        expect("GET audit export (AL-INVEST)", (client, user) ->
                        client.get("/api/audit/exports?programme=AL-INVEST&from=2026-01-01&to=2026-12-31"),
                statuses(401, 403, 403, 403, 403, 200, 403, 200, 403, 200, 403));
    }

    static final String RANGE = "from=2026-01-01&to=2026-12-31";

    /** Every scope's dashboard, as JSON, as a spreadsheet and as submitted beside as corrected. */
    @Test
    void dashboardsOfEveryScope() {
        Map<String, Map<String, Integer>> scopes = new LinkedHashMap<>();
        scopes.put("/api/dashboards/centers/" + Users.TGU, statuses(401, 200, 403, 200, 200, 200, 403, 403, 200, 200, 200));
        scopes.put("/api/dashboards/centers/" + Users.GUA, statuses(401, 403, 200, 403, 200, 200, 403, 403, 200, 200, 403));
        Map<String, Integer> aggregate = statuses(401, 200, 200, 200, 200, 200, 403, 403, 200, 200, 200);
        scopes.put("/api/dashboards/countries/HN", aggregate);
        scopes.put("/api/dashboards/countries/GT", aggregate);
        scopes.put("/api/dashboards/network", aggregate);
        String submittedAt = java.time.Instant.now().toString();
        scopes.forEach((scope, expected) -> {
            expect("GET " + scope, (client, user) -> client.get(scope + "?" + RANGE), expected);
            expect("GET " + scope + " as of", (client, user) -> client.get(scope + "?" + RANGE + "&asOf=" + submittedAt),
                    expected);
            expect("GET " + scope + " CSV", (client, user) -> client.get(scope + "?" + RANGE, "Accept", "text/csv"), expected);
            expect("GET " + scope + "/corrections", (client, user) ->
                    client.get(scope + "/corrections?" + RANGE + "&submittedAt=" + submittedAt), expected);
        });
    }

    /**
     * A person with two roles counts exactly what one of their roles reaches: at a center they work for,
     * every engagement; at another, their programmes' only; in a country and the network, every engagement.
     */
    @Test
    void aPersonWithTwoRolesCountsTheUnionOfWhatEachRoleReaches() {
        // Each center serves a client of each programme.
        for (String programme : List.of(Users.DINAMICA, Users.AL_INVEST)) {
            served(ANA, Requests.intake().replace("DINAMICA", programme));
            served(LUIS, Requests.intake(Users.GUA, LUIS, "2026-03-02").replace("DINAMICA", programme));
        }
        String position = served(LUIS, Requests.intake(Users.GUA, LUIS, "2026-03-02"));
        String wait = "&minPosition=" + position;
        String tgu = "/api/dashboards/centers/" + Users.TGU + "?" + RANGE + wait;
        String gua = "/api/dashboards/centers/" + Users.GUA + "?" + RANGE + wait;
        String network = "/api/dashboards/network?" + RANGE + wait;
        assertThat(dashboard(MARTA, tgu)).as("Marta at Tegucigalpa: a donor of DINAMICA").isEqualTo(dashboard(KFW, tgu));
        assertThat(dashboard(MARTA, gua)).as("Marta at Guatemala City: its counselor").isEqualTo(dashboard(LUIS, gua));
        assertThat(dashboard(JORGE, gua)).as("Jorge at Guatemala City: a donor of AL-INVEST").isEqualTo(dashboard(EU, gua));
        assertThat(dashboard(JORGE, tgu)).as("Jorge at Tegucigalpa: its director").isEqualTo(dashboard(ROSA, tgu));
        assertThat(dashboard(MARTA, network)).isEqualTo(dashboard(LUIS, network));
        for (String center : List.of(tgu, gua)) {
            assertThat(dashboard(KFW, center).get("clientsServed").asInt()).as("DINAMICA funds some clients of " + center)
                    .isPositive().isLessThan(dashboard(MARTA, network).get("clientsServed").asInt());
            assertThat(dashboard(EU, center).get("clientsServed").asInt()).as("AL-INVEST funds others of " + center)
                    .isPositive().isLessThan(dashboard(MARTA, network).get("clientsServed").asInt());
        }
        assertThat(dashboard(KFW, tgu).get("clientsServed").asInt()).isLessThan(dashboard(ROSA, tgu).get("clientsServed").asInt());
        assertThat(dashboard(EU, gua).get("clientsServed").asInt()).isLessThan(dashboard(LUIS, gua).get("clientsServed").asInt());
    }

    /** Takes in a client and logs a session with them; the position of the session. */
    private static String served(String counselor, String intake) {
        String id = casebook.as(counselor).post("/api/engagements", intake).json().get("id").asText();
        CasebookInstance.Response session = casebook.as(counselor).post("/api/engagements/" + id + "/sessions",
                Requests.session("2026-03-09", 60).replace("ana.lopez", counselor));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        return session.header("Casebook-Position");
    }

    private static JsonNode dashboard(String user, String path) {
        CasebookInstance.Response answer = casebook.as(user).get(path);
        assertThat(answer.status()).as(user + " " + path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void erasingPersonalData() {
        CasebookInstance.Response created = casebook.as(LUIS).post("/api/engagements",
                Requests.intake(Users.GUA, LUIS, "2026-03-02"));
        String erasure = "/api/engagements/" + created.json().get("id").asText() + "/personal-data/erasure";
        expect("POST erasure", (client, user) -> client.post(erasure, "{\"reason\": \"Client request\"}"),
                statuses(401, 403, 403, 404, 403, 403, 403, 200, 403, 404, 404));
    }

    @Test
    void settingExchangeRates() {
        expect("PUT exchange rate", (client, user) -> client.put("/api/admin/exchange-rates/HNL/2026-04",
                        "{\"usdPerUnit\": \"0.0406\"}"),
                statuses(401, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403));
    }

    @Test
    void definingCentersAndProgrammes() {
        expect("PUT center", (client, user) -> client.put("/api/admin/centers/HN-SPS-01",
                        "{\"name\": \"CDE-MIPYME San Pedro Sula\", \"country\": \"HN\"}"),
                statuses(401, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403));
        expect("PUT programme", (client, user) -> client.put("/api/admin/programmes/OAS-SBDC",
                        "{\"name\": \"SBDC Caribbean\", \"funder\": \"OAS\"}"),
                statuses(401, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403));
    }

    @Test
    void managingUsers() {
        expect("POST user", (client, user) -> client.post("/api/admin/users", """
                        {"username": "new.counselor.%d", "password": "a-long-password", "roles": ["COUNSELOR"],
                         "centers": ["HN-TGU-01"]}""".formatted(UNIQUE.incrementAndGet())),
                statuses(401, 403, 403, 403, 403, 403, 403, 201, 403, 403, 403));
        expect("GET user", (client, user) -> client.get("/api/admin/users/" + ANA),
                statuses(401, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403));
    }

    @Test
    void metricsAndHealth() {
        expect("GET /actuator/prometheus", (client, user) -> client.get("/actuator/prometheus", "Accept", "text/plain"),
                statuses(401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 200));
        expect("GET /actuator/health", (client, user) -> client.get("/actuator/health"),
                statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    }

    @Test
    void anotherCentersEngagementAnswersExactlyLikeOneThatDoesNotExist() {
        JsonNode other = casebook.as(ANA).get("/api/engagements/" + guatemala).json();
        JsonNode missing = casebook.as(ANA).get("/api/engagements/no-such-engagement").json();
        for (String field : List.of("status", "code", "title", "type")) {
            assertThat(other.get(field)).as(field).isEqualTo(missing.get(field));
        }
        assertThat(other.get("detail").asText().replace(guatemala, "X"))
                .isEqualTo(missing.get("detail").asText().replace("no-such-engagement", "X"));
        JsonNode otherWrite = casebook.as(ANA).post("/api/engagements/" + guatemala + "/sessions",
                Requests.session("2026-03-09", 60)).json();
        JsonNode missingWrite = casebook.as(ANA).post("/api/engagements/no-such-engagement/sessions",
                Requests.session("2026-03-09", 60)).json();
        assertThat(otherWrite.get("code")).isEqualTo(missingWrite.get("code"));
        assertThat(otherWrite.get("status")).isEqualTo(missingWrite.get("status"));
    }

    @Test
    void donorsSeePersonalDataOnlyWhereTheClientConsented() {
        String withoutConsent = casebook.as(ANA).post("/api/engagements", Requests.intake()
                .replace("\"shareWithFunders\": true", "\"shareWithFunders\": false")).json().get("id").asText();
        String position = casebook.as(ANA).post("/api/engagements/" + withoutConsent + "/sessions",
                Requests.session("2026-03-09", 60)).header("Casebook-Position");
        JsonNode counselorView = casebook.as(ANA).get("/api/engagements/" + withoutConsent + "?minPosition=" + position)
                .json();
        assertThat(counselorView.at("/owner/name").asText()).isEqualTo("María Fernández");

        JsonNode donorView = casebook.as(KFW).get("/api/engagements/" + withoutConsent).json();
        assertThat(donorView.toString()).doesNotContain("María Fernández").doesNotContain("maria@example.org")
                .doesNotContain(counselorView.at("/enterprise/taxId").asText()).doesNotContain("Cash-flow plan");
        assertThat(donorView.at("/owner/gender").asText()).isEqualTo("FEMALE");
        assertThat(donorView.at("/totals/contactMinutes").asInt()).isEqualTo(60);
        assertThat(donorView.get("redacted")).isNotEmpty();

        JsonNode asDonorToo = casebook.as(MARTA).get("/api/engagements/" + withoutConsent).json();
        assertThat(asDonorToo).as("a counselor elsewhere reads it as a donor").isEqualTo(donorView);
        assertThat(casebook.as(JORGE).get("/api/engagements/" + withoutConsent).json())
                .as("its center's director reads it in full, whatever else he is").isEqualTo(counselorView);
        assertThat(casebook.as(MARTA).get("/api/engagements?size=200&q=" + counselorView.at("/enterprise/taxId").asText())
                .json().get("items").findValuesAsText("id")).as("nor finds it by its tax id").doesNotContain(withoutConsent);
        assertThat(casebook.as(JORGE).get("/api/engagements?size=200&q=" + counselorView.at("/enterprise/taxId").asText())
                .json().get("items").findValuesAsText("id")).contains(withoutConsent);
        // The owner's name, likewise: the center finds its client by it, a donor only where the client consented.
        String owner = "&q=" + java.net.URLEncoder.encode("fernández", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ids(ANA, owner)).contains(withoutConsent, tegucigalpa);
        assertThat(ids(KFW, owner)).contains(tegucigalpa).doesNotContain(withoutConsent);
        assertThat(ids(MARTA, owner)).contains(tegucigalpa).doesNotContain(withoutConsent);

        JsonNode consented = casebook.as(KFW).get("/api/engagements/" + tegucigalpa).json();
        assertThat(consented.at("/owner/name").asText()).isEqualTo("María Fernández");
        assertThat(consented.has("redacted")).isFalse();
    }

    @Test
    void intakeNamingAnUnknownProgrammeIsRefused() {
        CasebookInstance.Response response = casebook.as(ANA).post("/api/engagements",
                Requests.intake().replace("\"DINAMICA\"", "\"NO-SUCH-PROGRAMME\""));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("programme-unknown");
    }

    @Test
    void usersNeedKnownCentersAndProgrammes() {
        CasebookInstance.Response unknownCenter = casebook.as(ADMIN).post("/api/admin/users", """
                {"username": "ghost", "password": "a-long-password", "roles": ["COUNSELOR"], "centers": ["XX-NOPE"]}""");
        assertThat(unknownCenter.status()).isEqualTo(422);
        assertThat(unknownCenter.json().get("code").asText()).isEqualTo("center-unknown");
        CasebookInstance.Response noCenter = casebook.as(ADMIN).post("/api/admin/users", """
                {"username": "ghost", "password": "a-long-password", "roles": ["DIRECTOR"]}""");
        assertThat(noCenter.json().get("code").asText()).isEqualTo("user-needs-center");
        CasebookInstance.Response taken = casebook.as(ADMIN).post("/api/admin/users", """
                {"username": "ana.lopez", "password": "a-long-password", "roles": ["COUNSELOR"], "centers": ["HN-TGU-01"]}""");
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void anAdministratorChangesAUsersRolesAndCenters() {
        Users.user(casebook.as(ADMIN), "moving.counselor", "COUNSELOR", Users.TGU, null);
        assertThat(casebook.as("moving.counselor").get("/api/engagements/" + tegucigalpa).status()).isEqualTo(200);
        CasebookInstance.Response changed = casebook.as(ADMIN).put("/api/admin/users/moving.counselor",
                "{\"roles\": [\"DIRECTOR\"], \"centers\": [\"GT-GUA-01\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(casebook.as("moving.counselor").get("/api/engagements/" + tegucigalpa).status()).isEqualTo(404);
        assertThat(casebook.as("moving.counselor").get("/api/engagements/" + guatemala).status())
                .as("the password is kept when none is given").isEqualTo(200);
    }

    @Test
    void aDisabledUserCannotSignIn() {
        Users.user(casebook.as(ADMIN), "leaving.counselor", "COUNSELOR", Users.TGU, null);
        assertThat(casebook.as("leaving.counselor").get("/api/engagements").status()).isEqualTo(200);
        assertThat(casebook.as(ADMIN).post("/api/admin/users/leaving.counselor/disable", "").status()).isEqualTo(200);
        assertThat(casebook.as("leaving.counselor").get("/api/engagements").status()).isEqualTo(401);
        assertThat(casebook.as(ADMIN).post("/api/admin/users/leaving.counselor/enable", "").status()).isEqualTo(200);
        assertThat(casebook.as("leaving.counselor").get("/api/engagements").status()).isEqualTo(200);
    }

    private static List<String> ids(String user) {
        return ids(user, "");
    }

    private static List<String> ids(String user, String filter) {
        return casebook.as(user).get("/api/engagements?size=200" + filter).json().get("items").findValuesAsText("id");
    }
}
