package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.casebook.query.store.ReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue/green rebuilds over HTTP, as an operator runs them: a new version is built beside the serving
 * one, which answers every query meanwhile; it takes over once caught up; the old one is dropped after
 * its grace; a cancel keeps the serving version; a restart resumes a rebuild from its tokens.
 */
class RebuildTest {

    private static final String DIRECTOR = "director.hn";
    private static final String NETWORK = "/api/dashboards/network?from=2024-01-01&to=2026-12-31";

    @TempDir
    Path data;

    @Test
    void aRebuildServesTheOldVersionUntilTheNewOneHasCaughtUpThenSwitchesAndDropsTheOld() throws Exception {
        try (CasebookInstance casebook = demo(data)) {
            CasebookInstance.Client ops = casebook.as(Users.OPS);
            JsonNode before = projections(ops);
            assertThat(names(before)).containsExactly("engagements", "figures", "reference-data");
            assertThat(before.findValues("version")).allMatch(version -> version.asInt() == 1);
            JsonNode figures = byName(before, "figures");
            assertThat(figures.get("status").asText()).isEqualTo("CURRENT");
            assertThat(figures.get("lagEvents").asLong()).isZero();
            assertThat(figures.get("head").asLong()).isEqualTo(figures.get("position").asLong());
            assertThat(figures.get("rebuild").isNull()).isTrue();
            String network = casebook.as(DIRECTOR).get(NETWORK).body();
            Map<String, List<Document>> first = documents(casebook, "figures", 1);

            CasebookInstance.Response started = ops.post("/api/ops/projections/figures/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("version").asInt()).isEqualTo(2);
            assertThat(started.json().get("status").asText()).isEqualTo("REBUILDING");
            assertThat(started.json().get("startedBy").asText()).isEqualTo(Users.OPS);

            CasebookInstance.Response again = ops.post("/api/ops/projections/figures/rebuild", "");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asText()).isEqualTo("rebuild-running");

            JsonNode during = byName(projections(ops), "figures");
            assertThat(during.get("version").asInt()).as("the old version serves while the new one is built").isEqualTo(1);
            assertThat(casebook.as(DIRECTOR).get(NETWORK).body()).as("the old version's figures, never empty")
                    .isEqualTo(network);

            JsonNode after = await(ops, "figures", status -> status.get("version").asInt() == 2);
            assertThat(after.get("rebuild").isNull()).isTrue();
            assertThat(after.get("lastRebuild").get("status").asText()).isEqualTo("SWITCHED");
            assertThat(casebook.as(DIRECTOR).get(NETWORK).body()).as("the new version counts the same").isEqualTo(network);
            assertThat(documents(casebook, "figures", 2)).isEqualTo(first);

            // The grace is a second here: then the old version's tokens and collections go.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (casebook.bean(MongoDatabase.class).listCollectionNames().into(new ArrayList<>()).contains("engagement_facts")
                    || tokens(casebook, "figures") > 0) {
                assertThat(System.nanoTime()).as("the old version dropped").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(casebook.bean(MongoDatabase.class).listCollectionNames().into(new ArrayList<>()))
                    .contains("engagement_facts_v2", "engagements");
            assertThat(casebook.as(DIRECTOR).get(NETWORK).body()).isEqualTo(network);

            // A write after the switch lands in the new version, and a read of one's own write waits for it.
            String id = casebook.as(DIRECTOR).get("/api/engagements?size=1&status=OPEN").json().at("/items/0/id").asText();
            String intake = casebook.as(DIRECTOR).get("/api/engagements/" + id).json().get("intakeDate").asText();
            CasebookInstance.Response session = casebook.as(DIRECTOR).post("/api/engagements/" + id + "/sessions",
                    Requests.session(intake, 90));
            assertThat(session.status()).as(session.body()).isEqualTo(201);
            JsonNode dashboard = casebook.as(DIRECTOR).get(NETWORK + "&minPosition=" + session.header("Casebook-Position"))
                    .json();
            assertThat(dashboard.toString()).isNotEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(network)
                    .toString());
        }
    }

    @Test
    void aCancelledRebuildLeavesTheServingVersionAndDropsItsOwn() throws Exception {
        try (CasebookInstance casebook = demo(data)) {
            CasebookInstance.Client ops = casebook.as(Users.OPS);
            assertThat(ops.post("/api/ops/projections/engagements/rebuild", "").status()).isEqualTo(202);
            CasebookInstance.Response cancelled = ops.delete("/api/ops/projections/engagements/rebuild");
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
            assertThat(ops.delete("/api/ops/projections/engagements/rebuild").status()).isEqualTo(404);

            JsonNode status = await(ops, "engagements", engagements -> engagements.get("lastRebuild") != null
                    && !engagements.get("lastRebuild").isNull());
            assertThat(status.get("version").asInt()).isEqualTo(1);
            assertThat(status.get("lastRebuild").get("status").asText()).isEqualTo("CANCELLED");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tokens(casebook, "engagements-v2") > 0
                    || casebook.bean(MongoDatabase.class).listCollectionNames().into(new ArrayList<>()).contains("engagements_v2")) {
                assertThat(System.nanoTime()).as("the cancelled version dropped").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(casebook.as(DIRECTOR).get("/api/engagements?size=5").json().at("/items").size()).isEqualTo(5);

            // The next rebuild gets a number of its own.
            CasebookInstance.Response next = ops.post("/api/ops/projections/engagements/rebuild", "");
            assertThat(next.json().get("version").asInt()).isEqualTo(3);
            await(ops, "engagements", engagements -> engagements.get("version").asInt() == 3);
        }
    }

    @Test
    void aRebuildSurvivesARestartAndResumesFromItsTokens() throws Exception {
        Map<String, List<Document>> first;
        try (CasebookInstance casebook = demo(data)) {
            first = documents(casebook, "engagements", 1);
            assertThat(casebook.as(Users.OPS).post("/api/ops/projections/engagements/rebuild", "").status()).isEqualTo(202);
        }
        try (CasebookInstance casebook = CasebookInstance.start(data,
                "--casebook.read-models.processing.retire-after=1s")) {
            JsonNode status = await(casebook.as(Users.OPS), "engagements",
                    engagements -> engagements.get("version").asInt() == 2);
            assertThat(status.get("lastRebuild").get("status").asText()).isEqualTo("SWITCHED");
            assertThat(documents(casebook, "engagements", 2)).isEqualTo(first);
        }
    }

    @Test
    void onlyOperatorsRebuildAndOnlyReadModelsThatExist() {
        try (CasebookInstance casebook = CasebookInstance.start(data).seeded()) {
            assertThat(casebook.as(Users.ROSA).get("/api/ops/projections").status()).isEqualTo(403);
            assertThat(casebook.as(Users.ROSA).post("/api/ops/projections/figures/rebuild", "").status()).isEqualTo(403);
            CasebookInstance.Response unknown = casebook.as(Users.OPS).post("/api/ops/projections/nothing/rebuild", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("code").asText()).isEqualTo("read-model-unknown");
            assertThat(unknown.json().get("detail").asText()).contains("nothing");
        }
    }

    /** A demo network of a few hundred engagements, an operator and a director who reads the network's figures. */
    private static CasebookInstance demo(Path data) {
        CasebookInstance casebook = CasebookInstance.start(data, "--casebook.demo.engagements=250",
                "--casebook.demo.seed=11", "--casebook.demo.since=2024-01-01",
                "--casebook.read-models.processing.retire-after=1s");
        CasebookInstance.Client admin = casebook.as(Users.ADMIN);
        Users.user(admin, Users.OPS, "OPERATOR", null, null);
        Users.user(admin, DIRECTOR, "DIRECTOR", "HN-TGU-01", null);
        long head = casebook.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        try {
            assertThat(casebook.bean(org.casebook.query.progress.ProjectionProgress.class)
                    .await(head, Duration.ofSeconds(60))).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        casebook.bean(org.casebook.ops.readmodels.ReadModelVersionSwitch.class).settleAll();
        return casebook;
    }

    private static JsonNode projections(CasebookInstance.Client ops) {
        CasebookInstance.Response answer = ops.get("/api/ops/projections");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> names(JsonNode projections) {
        List<String> names = new ArrayList<>();
        projections.forEach(projection -> names.add(projection.get("name").asText()));
        return names;
    }

    private static JsonNode byName(JsonNode projections, String name) {
        for (JsonNode projection : projections) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no read model " + name + " in " + projections);
    }

    private static JsonNode await(CasebookInstance.Client ops, String name, Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode status = byName(projections(ops), name);
            if (done.test(status)) {
                return status;
            }
            assertThat(System.nanoTime()).as("%s within two minutes: %s", name, status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int tokens(CasebookInstance casebook, String processor) {
        return casebook.jdbc().queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                processor);
    }

    /** Every document of a version of a read model, by collection (the version's suffix left out). */
    private static Map<String, List<Document>> documents(CasebookInstance casebook, String readModel, int version) {
        var model = casebook.bean(org.casebook.ops.readmodels.ReadModelVersionSwitch.class).readModel(readModel);
        ReadModelStore store = casebook.bean(ReadModelStore.class);
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : model.collections()) {
            List<Document> documents = new ArrayList<>();
            store.collection(collection, version).find().sort(Sorts.ascending("_id")).forEach(document -> {
                Document comparable = model.comparable(collection, document);
                if (comparable != null) {
                    documents.add(comparable);
                }
            });
            all.put(collection, documents);
        }
        return all;
    }
}
