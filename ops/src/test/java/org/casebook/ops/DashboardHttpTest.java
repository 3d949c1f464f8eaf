package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboards over HTTP: figures, rates, scopes, who sees what, and as-of. */
class DashboardHttpTest {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String RANGE = "from=2026-01-01&to=2026-12-31";

    @TempDir
    static Path data;
    static CasebookInstance casebook;
    static String lastPosition;
    static Instant beforeCorrection;

    @BeforeAll
    static void start() throws Exception {
        casebook = CasebookInstance.start(data).seeded();
        CasebookInstance.Client admin = casebook.as(Users.ADMIN);
        admin.put("/api/admin/exchange-rates/HNL/2026-05", "{\"usdPerUnit\": \"0.0405\"}");
        CasebookInstance.Client ana = casebook.as(Users.ANA);
        CasebookInstance.Client rosa = casebook.as(Users.ROSA);
        String id = ana.post("/api/engagements", Requests.intake()).json().get("id").asText();
        String path = "/api/engagements/" + id;
        String session = ana.post(path + "/sessions", Requests.session("2026-03-09", 270)).json().get("sessionId").asText();
        String loan = ana.post(path + "/financing", Requests.financing("120000.00", "HNL", "2026-05-20"))
                .json().get("resultId").asText();
        ana.post(path + "/results/" + loan + "/attestation", """
                {"method": "SIGNED_FORM", "evidenceRef": "f-1", "evidenceSha256": "%s", "date": "2026-05-21"}"""
                .formatted(SHA));
        rosa.post(path + "/results/" + loan + "/verification", "{}");
        ana.post(path + "/financing", Requests.financing("5000.00", "HNL", "2026-06-02"));
        Thread.sleep(20);
        beforeCorrection = Instant.now();
        Thread.sleep(20);
        ana.post(path + "/sessions/" + session + "/correction", """
                {"date": "2026-03-09", "counselorId": "ana.lopez", "type": "IN_PERSON", "area": "FINANCE",
                 "contactMinutes": 30, "prepMinutes": 0, "travelMinutes": 0, "reason": "Shorter than logged"}""");
        String other = casebook.as(Users.LUIS).post("/api/engagements",
                Requests.intake(Users.GUA, Users.LUIS, "2026-02-01").replace("DINAMICA", Users.AL_INVEST))
                .json().get("id").asText();
        lastPosition = casebook.as(Users.LUIS).post("/api/engagements/" + other + "/sessions",
                Requests.session("2026-02-10", 60)).header("Casebook-Position");
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    static JsonNode dashboard(String user, String path) {
        CasebookInstance.Response response = casebook.as(user).get(path + (path.contains("?") ? "&" : "?")
                + "minPosition=" + lastPosition);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aCentersFiguresInUsdAndLocalCurrency() {
        JsonNode center = dashboard(Users.ROSA, "/api/dashboards/centers/HN-TGU-01?" + RANGE);
        assertThat(center.get("from").asText()).isEqualTo("2026-01-01");
        assertThat(center.get("clientsServed").asInt()).isEqualTo(1);
        assertThat(center.get("newClients").asInt()).isEqualTo(1);
        // the corrected session: 30 contact minutes
        assertThat(center.get("counselingHours").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(center.at("/capitalObtainedUsd/claimed").asText()).isEqualTo("4860.00");
        assertThat(center.at("/capitalObtainedUsd/verified").asText()).isEqualTo("4860.00");
        assertThat(center.at("/capitalObtainedByCurrency/HNL/claimed").asText()).isEqualTo("125000.00");
        assertThat(center.get("missingRates").toString()).contains("2026-06");
        assertThat(center.at("/ratesUsed/0/usdPerUnit").asText()).isEqualTo("0.0405");
        assertThat(center.at("/breakdowns/gender/FEMALE/clientsServed").asInt()).isEqualTo(1);
        assertThat(center.has("jobsCreated")).isTrue();
    }

    @Test
    void asOfGivesWhatTheDashboardSaidThen() {
        String asOf = "&asOf=" + beforeCorrection;
        JsonNode then = dashboard(Users.ROSA, "/api/dashboards/centers/HN-TGU-01?" + RANGE + asOf);
        assertThat(then.get("counselingHours").decimalValue()).as("270 + 30 minutes, before the correction")
                .isEqualByComparingTo("5.0");
        assertThat(then.get("longTermClients").asInt()).isEqualTo(1);
        assertThat(dashboard(Users.ROSA, "/api/dashboards/centers/HN-TGU-01?" + RANGE + asOf)).isEqualTo(then);
    }

    @Test
    void asSubmittedAgainstAsCorrected() {
        JsonNode corrections = dashboard(Users.ROSA, "/api/dashboards/centers/HN-TGU-01/corrections?" + RANGE
                + "&submittedAt=" + beforeCorrection);
        assertThat(corrections.at("/asSubmitted/counselingHours").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(corrections.at("/asCorrected/counselingHours").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(corrections.at("/differences/counselingHours").decimalValue()).isEqualByComparingTo("-4.5");
        assertThat(corrections.at("/differences/longTermClients").asInt()).isEqualTo(-1);
        assertThat(corrections.at("/differences/capitalObtainedUsd.claimed").decimalValue()).isEqualByComparingTo("0");
        assertThat(corrections.get("changes")).hasSize(1);
        assertThat(corrections.at("/changes/0/fact").asText()).isEqualTo("session");
        assertThat(corrections.at("/changes/0/date").asText()).isEqualTo("2026-03-09");

        JsonNode network = dashboard(Users.ROSA, "/api/dashboards/network/corrections?" + RANGE
                + "&submittedAt=" + beforeCorrection);
        // Tegucigalpa's correction (-4.5 h) and Guatemala's session recorded after the submission (+1.5 h)
        assertThat(network.at("/differences/counselingHours").decimalValue()).isEqualByComparingTo("-3.0");
        assertThat(network.at("/differences/clientsServed").asInt()).as("Guatemala's client came after").isEqualTo(1);
        JsonNode guatemala = dashboard(Users.ROSA, "/api/dashboards/countries/GT/corrections?" + RANGE
                + "&submittedAt=" + beforeCorrection);
        assertThat(guatemala.at("/differences/counselingHours").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void spreadsheetsForDonors() {
        CasebookInstance.Response csv = casebook.as(Users.KFW).get("/api/dashboards/network?" + RANGE
                + "&minPosition=" + lastPosition, "Accept", "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("scope,from,to,asOf,breakdown,group,figure,claimed,verified");
        assertThat(lines).contains("network,2026-01-01,2026-12-31,,,,capitalObtainedUsd,4860.00,4860.00");
        assertThat(lines).anyMatch(line -> line.startsWith("network,2026-01-01,2026-12-31,,gender,FEMALE,clientsServed,"));
        CasebookInstance.Response caseload = casebook.as(Users.ANA).get("/api/engagements", "Accept", "text/csv");
        assertThat(caseload.status()).isEqualTo(200);
        assertThat(caseload.body().lines().findFirst().orElse("")).startsWith("id,centerId,counselorId,status");
        CasebookInstance.Response refused = casebook.as(Users.LUIS).get("/api/dashboards/centers/HN-TGU-01?" + RANGE,
                "Accept", "text/csv");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void countriesAndTheNetwork() {
        JsonNode honduras = dashboard(Users.ROSA, "/api/dashboards/countries/HN?" + RANGE);
        assertThat(honduras.get("clientsServed").asInt()).isEqualTo(1);
        JsonNode network = dashboard(Users.ROSA, "/api/dashboards/network?" + RANGE);
        assertThat(network.get("clientsServed").asInt()).isEqualTo(2);
        assertThat(network.get("newClients").asInt()).isEqualTo(2);
    }

    @Test
    void eachSeesTheirOwn() {
        assertThat(casebook.as(Users.LUIS).get("/api/dashboards/centers/HN-TGU-01?" + RANGE).status()).isEqualTo(403);
        // the donor of DINAMICA counts only DINAMICA's engagements, wherever they are
        JsonNode kfw = dashboard(Users.KFW, "/api/dashboards/network?" + RANGE);
        assertThat(kfw.get("clientsServed").asInt()).isEqualTo(1);
        JsonNode eu = dashboard(Users.EU, "/api/dashboards/network?" + RANGE);
        assertThat(eu.get("clientsServed").asInt()).isEqualTo(1);
        assertThat(eu.at("/capitalObtainedUsd/claimed").asText()).isEqualTo("0.00");
        // as of now, the rosters and every version of the facts give the same figures as the center-months
        String now = "&asOf=" + Instant.now();
        for (String user : List.of(Users.KFW, Users.EU, Users.ROSA)) {
            for (String scope : List.of("/api/dashboards/network?", "/api/dashboards/countries/HN?")) {
                ObjectNode asOfNow = (ObjectNode) dashboard(user, scope + RANGE + now);
                ObjectNode current = (ObjectNode) dashboard(user, scope + RANGE);
                asOfNow.remove("asOf");
                current.remove("asOf");
                assertThat(asOfNow).as(user + " " + scope).isEqualTo(current);
            }
        }
        assertThat(casebook.as(Users.OPS).get("/api/dashboards/network").status()).isEqualTo(403);
        CasebookInstance.Response backwards = casebook.as(Users.ROSA).get("/api/dashboards/network?from=2026-12-31&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(422);
    }
}
