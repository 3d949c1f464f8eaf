package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A counselor's first flow over HTTP, against the embedded PostgreSQL and MongoDB. */
class EngagementHttpTest {

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

    static String open() {
        CasebookInstance.Response created = casebook.post("/api/engagements", Requests.intake());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static int eventsOf(String engagementId) {
        return casebook.jdbc().queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, engagementId);
    }

    @Test
    void intakeSessionAndFinancingReachTheReadModel() {
        CasebookInstance.Response created = casebook.post("/api/engagements", Requests.intake());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/engagements/" + id);
        long intakePosition = Long.parseLong(created.header("Casebook-Position"));

        CasebookInstance.Response session = casebook.post("/api/engagements/" + id + "/sessions",
                Requests.session("2026-03-09", 90));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        assertThat(session.json().get("sessionId").asText()).isNotBlank();

        CasebookInstance.Response financing = casebook.post("/api/engagements/" + id + "/financing",
                Requests.financing("120000.00", "HNL", "2026-05-20"));
        assertThat(financing.status()).as(financing.body()).isEqualTo(201);
        long position = Long.parseLong(financing.header("Casebook-Position"));
        assertThat(position).isGreaterThan(intakePosition);

        CasebookInstance.Response read = casebook.get("/api/engagements/" + id + "?minPosition=" + position);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Casebook-Stale")).isNull();
        JsonNode view = read.json();
        assertThat(view.at("/centerId").asText()).isEqualTo("HN-TGU-01");
        assertThat(view.at("/counselorId").asText()).isEqualTo("ana.lopez");
        assertThat(view.at("/status").asText()).isEqualTo("OPEN");
        assertThat(view.at("/enterprise/name").asText()).isEqualTo("Panadería La Esperanza");
        assertThat(view.at("/owner/name").asText()).isEqualTo("María Fernández");
        assertThat(view.at("/sessions/0/sessionId").asText()).isEqualTo(session.json().get("sessionId").asText());
        assertThat(view.at("/totals/counselingHours").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(view.at("/totals/travelHours").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(view.at("/results/0/resultId").asText()).isEqualTo(financing.json().get("resultId").asText());
        assertThat(view.at("/results/0/status").asText()).isEqualTo("CLAIMED");
        assertThat(view.at("/results/0/details/kind").asText()).isEqualTo("FINANCING");
        assertThat(view.at("/results/0/details/amount")).isEqualTo(new ObjectMapper().valueToTree(
                Map.of("amount", "120000.00", "currency", "HNL")));
        assertThat(view.at("/results/0/details/dateObtained").asText()).isEqualTo("2026-05-20");

        CasebookInstance.Response page = casebook.get("/api/engagements?centerId=HN-TGU-01&counselorId=ana.lopez&size=200");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").findValuesAsText("id")).contains(id);
        CasebookInstance.Response otherCenter = casebook.get("/api/engagements?centerId=GT-GUA-01");
        assertThat(otherCenter.json().get("items").findValuesAsText("id")).doesNotContain(id);
        assertThat(otherCenter.json().get("total").asLong()).isZero();
    }

    @Test
    void eventsAreReadableJsonAndSayWhoDidItForWhichCenterInWhichRequest() {
        CasebookInstance.Response created = casebook.post("/api/engagements", Requests.intake(),
                "X-Correlation-Id", "support-ticket-4711");
        assertThat(created.header("X-Correlation-Id")).isEqualTo("support-ticket-4711");
        String id = created.json().get("id").asText();
        Map<String, Object> row = casebook.jdbc().queryForMap("""
                SELECT convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta,
                       payload_revision, payload_type, time_stamp
                  FROM domain_event_entry WHERE aggregate_identifier = ?""", id);
        assertThat((String) row.get("payload")).contains("\"name\":\"Panadería La Esperanza\"")
                .contains("\"intakeDate\":\"2026-03-02\"")
                .contains("\"annualSales\":{\"amount\":\"350000.00\",\"currency\":\"HNL\"}");
        JsonNode meta = readJson((String) row.get("meta"));
        assertThat(meta.get("correlationId").asText()).isEqualTo("support-ticket-4711");
        assertThat(meta.get("userId").asText()).isEqualTo(Users.ANA);
        assertThat(meta.get("role").asText()).isEqualTo("COUNSELOR");
        assertThat(meta.get("centerId").asText()).isEqualTo(Users.TGU);
        assertThat(meta.has("actorCenters")).as("the actor's scopes stay out of the events").isFalse();
        assertThat((String) row.get("time_stamp")).startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat(row.get("payload_type")).isEqualTo("org.casebook.shared.event.EngagementOpened");
    }

    @Test
    void healthCoversBothDatabasesAndMetricsAreExposed() {
        CasebookInstance.Response anyone = casebook.anonymous().get("/actuator/health");
        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.json().at("/status").asText()).isEqualTo("UP");
        assertThat(anyone.json().has("components")).as("details are for operators").isFalse();

        CasebookInstance.Response health = casebook.as(Users.OPS).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/mongo/status").asText()).isEqualTo("UP");

        CasebookInstance.Response metrics = casebook.as(Users.OPS).get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void theApiIsDescribedWithTheContractsExamples() {
        CasebookInstance.Response description = casebook.anonymous().get("/v3/api-docs");
        assertThat(description.status()).isEqualTo(200);
        JsonNode paths = description.json().get("paths");
        assertThat(paths.has("/api/engagements/{id}/results/{resultId}/verification")).isTrue();
        assertThat(description.body()).as("the signed-in actor is no parameter").doesNotContain("\"name\":\"actor\"");
        assertThat(paths.at("/~1api~1engagements/post/requestBody/content/application~1json/examples/contract/value")
                .asText()).contains("Panadería La Esperanza");
        assertThat(paths.at("/~1api~1engagements~1{id}~1jobs/post/responses/422/content").toString())
                .contains("date-before-intake");
        assertThat(casebook.anonymous().get("/swagger-ui/index.html", "Accept", "text/html").status()).isEqualTo(200);
    }

    @Test
    void aLostRaceForTheSameSequenceNumberIsAConcurrencyConflict() {
        String id = open();
        casebook.post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-09", 60));
        var storage = casebook.bean(EventStorageEngine.class);
        // What a second node would do that loaded the engagement before the first node's session was stored.
        var duplicate = new GenericDomainEventMessage<>("Engagement", id, 1, "another event at sequence 1");
        assertThatThrownBy(() -> storage.appendEvents(duplicate)).isInstanceOf(ConcurrencyException.class);
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    /** Every refusal is a problem document with a stable code; the engagement's history is unchanged. */
    @Nested
    class Refusals {

        void assertProblem(CasebookInstance.Response response, int status, String code, String field) {
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("code").asText()).isEqualTo(code);
            assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
            if (field != null) {
                assertThat(problem.get("field").asText()).isEqualTo(field);
                assertThat(problem.get("detail").asText()).contains(field);
            }
        }

        @Test
        void malformedJsonIsABadRequest() {
            assertProblem(casebook.post("/api/engagements", "{\"centerId\": "), 400, "malformed-request", null);
            assertProblem(casebook.post("/api/engagements", ""), 400, "malformed-request", null);
        }

        @Test
        void aMissingFieldIsNamed() {
            String withoutEnterprise = Requests.intake().replaceFirst("\"enterprise\": \\{[^}]*},", "");
            assertProblem(casebook.post("/api/engagements", withoutEnterprise), 400, "field-required", "enterprise");
            String withoutOwnerName = Requests.intake().replace("\"name\": \"María Fernández\", ", "");
            assertProblem(casebook.post("/api/engagements", withoutOwnerName), 400, "field-required", "owner.name");
        }

        @Test
        void aWrongTypeIsNamed() {
            String textYear = Requests.intake().replace("\"birthYear\": 1985", "\"birthYear\": \"nineteen\"");
            assertProblem(casebook.post("/api/engagements", textYear), 400, "field-invalid", "owner.birthYear");
            String badDate = Requests.intake().replace("2026-03-02", "02/03/2026");
            assertProblem(casebook.post("/api/engagements", badDate), 400, "field-invalid", "intakeDate");
        }

        @Test
        void anUnknownCodeNamesTheAllowedOnes() {
            String badStage = Requests.intake().replace("IN_BUSINESS", "BIG");
            CasebookInstance.Response response = casebook.post("/api/engagements", badStage);
            assertProblem(response, 400, "field-invalid", "enterprise.stage");
            assertThat(response.json().get("detail").asText()).contains("PRE_VENTURE", "START_UP", "IN_BUSINESS");
        }

        @Test
        void anUnknownCurrencyIsNamedWhereItSits() {
            String badCurrency = Requests.intake().replace("\"currency\": \"HNL\"", "\"currency\": \"LEM\"");
            assertProblem(casebook.post("/api/engagements", badCurrency), 422, "currency-unknown",
                    "baseline.annualSales.currency");
        }

        @Test
        void aFutureIntakeIsRefused() {
            String future = Requests.intake("HN-TGU-01", "ana.lopez", LocalDate.now().plusDays(3).toString());
            assertProblem(casebook.post("/api/engagements", future), 422, "date-in-future", "intakeDate");
        }

        @Test
        void anUnknownEngagementIsNotFound() {
            assertProblem(casebook.post("/api/engagements/no-such-engagement/sessions",
                    Requests.session("2026-03-09", 60)), 404, "engagement-not-found", null);
            assertProblem(casebook.post("/api/engagements/no-such-engagement/financing",
                    Requests.financing("10.00", "USD", "2026-03-09")), 404, "engagement-not-found", null);
            assertProblem(casebook.get("/api/engagements/no-such-engagement"), 404, "engagement-not-found", null);
        }

        @Test
        void aMalformedIdIsABadRequest() {
            assertProblem(casebook.get("/api/engagements/not%20an%20id"), 400, "identifier-invalid", "engagementId");
        }

        @Test
        void sessionRulesAreRefusedAndNothingIsStored() {
            String id = open();
            int before = eventsOf(id);
            assertProblem(casebook.post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-01", 60)),
                    422, "date-before-intake", "date");
            assertProblem(casebook.post("/api/engagements/" + id + "/sessions",
                    Requests.session(LocalDate.now().plusDays(2).toString(), 60)), 422, "date-in-future", "date");
            assertProblem(casebook.post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-09", 0)),
                    422, "contact-minutes-not-positive", "contactMinutes");
            String negativePrep = Requests.session("2026-03-09", 60).replace("\"prepMinutes\": 30", "\"prepMinutes\": -30");
            assertProblem(casebook.post("/api/engagements/" + id + "/sessions", negativePrep),
                    422, "minutes-negative", "prepMinutes");
            String noType = Requests.session("2026-03-09", 60).replace("\"type\": \"IN_PERSON\", ", "");
            assertProblem(casebook.post("/api/engagements/" + id + "/sessions", noType), 400, "field-required", "type");
            assertThat(eventsOf(id)).isEqualTo(before);
        }

        @Test
        void financingRulesAreRefusedAndNothingIsStored() {
            String id = open();
            int before = eventsOf(id);
            assertProblem(casebook.post("/api/engagements/" + id + "/financing",
                    Requests.financing("-5.00", "HNL", "2026-05-20")), 422, "amount-not-positive", "amount");
            assertProblem(casebook.post("/api/engagements/" + id + "/financing",
                    Requests.financing("0", "HNL", "2026-05-20")), 422, "amount-not-positive", "amount");
            assertProblem(casebook.post("/api/engagements/" + id + "/financing",
                    Requests.financing("100.00", "XYZ", "2026-05-20")), 422, "currency-unknown", "amount.currency");
            assertProblem(casebook.post("/api/engagements/" + id + "/financing",
                    Requests.financing("100.00", "HNL", "2026-01-20")), 422, "date-before-intake", "dateObtained");
            assertProblem(casebook.post("/api/engagements/" + id + "/financing",
                    Requests.financing("abc", "HNL", "2026-05-20")), 400, "field-invalid", "amount.amount");
            assertThat(eventsOf(id)).isEqualTo(before);
        }

        @Test
        void refusalsSpeakTheCounselorsLanguage() {
            String id = open();
            CasebookInstance.Response spanish = casebook.post("/api/engagements/" + id + "/sessions",
                    Requests.session("2026-03-01", 60), "Accept-Language", "es-HN,es;q=0.9");
            assertProblem(spanish, 422, "date-before-intake", "date");
            assertThat(spanish.json().get("detail").asText()).startsWith("La fecha");
            CasebookInstance.Response english = casebook.post("/api/engagements/" + id + "/sessions",
                    Requests.session("2026-03-01", 60), "Accept-Language", "en");
            assertThat(english.json().get("detail").asText()).startsWith("The date");
        }

        @Test
        void queryParametersAreChecked() {
            assertProblem(casebook.get("/api/engagements?minPosition=abc"), 400, "field-invalid", "minPosition");
            assertProblem(casebook.get("/api/engagements?size=0"), 422, "page-size-invalid", "size");
            assertProblem(casebook.get("/api/engagements?page=x"), 400, "field-invalid", "page");
        }

        @Test
        void aWrongMediaTypeOrMethodIsRefused() {
            assertProblem(casebook.post("/api/engagements", Requests.intake(), "Content-Type", "text/plain"),
                    415, "media-type-unsupported", null);
            assertProblem(casebook.get("/api/engagements/x/sessions"), 405, "method-not-allowed", null);
            assertProblem(casebook.get("/api/nothing-here"), 404, "not-found", null);
        }
    }
}
