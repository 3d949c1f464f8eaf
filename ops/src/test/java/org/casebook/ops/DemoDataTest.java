package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.casebook.query.progress.ProjectionProgress;
import org.casebook.shared.json.CasebookJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated history: its dashboards agree with figures counted independently from the events, for
 * several centers, ranges and recording times; a replay from scratch rebuilds every read model
 * document for document; and the same seed generates the same history.
 */
class DemoDataTest {

    static final List<String> READ_MODELS = List.of("engagements", "engagement_timelines", "engagement_facts",
            "center_months", "center_month_rosters", "period_figures", "caseloads", "exchange_rates", "centers");

    @TempDir
    static Path data;
    static CasebookInstance casebook;
    static long head;

    @BeforeAll
    static void start() throws Exception {
        casebook = CasebookInstance.start(data, "--casebook.demo.engagements=80", "--casebook.demo.seed=7",
                "--casebook.demo.since=2024-01-01");
        head = casebook.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(casebook.bean(ProjectionProgress.class).await(head, Duration.ofSeconds(30))).isTrue();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    @Test
    void dashboardsAgreeWithFiguresCountedIndependentlyFromTheEvents() {
        IndependentFigures independent = new IndependentFigures(casebook.jdbc());
        List<Instant> times = independent.recordingTimes();
        Instant midway = times.get(times.size() / 2);
        List<String> centers = casebook.jdbc().queryForList("""
                SELECT convert_from(payload, 'UTF8')::json ->> 'centerId' AS center FROM domain_event_entry
                 WHERE payload_type LIKE '%EngagementOpened' GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 3""", String.class);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        List<LocalDate[]> ranges = List.of(new LocalDate[] {LocalDate.of(2024, 1, 1), today},
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
                new LocalDate[] {LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)});
        int compared = 0;
        for (String center : centers) {
            String director = "director." + center.toLowerCase();
            Users.user(casebook.as(Users.ADMIN), director + ".test", "DIRECTOR", center, null);
            for (LocalDate[] range : ranges) {
                for (Instant asOf : new Instant[] {null, midway}) {
                    Map<String, Object> expected = independent.center(center, range[0], range[1], asOf);
                    String path = "/api/dashboards/centers/" + center + "?from=" + range[0] + "&to=" + range[1]
                            + (asOf == null ? "" : "&asOf=" + asOf);
                    CasebookInstance.Response answer = casebook.as(director + ".test").get(path);
                    assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
                    JsonNode dashboard = answer.json();
                    assertThat(IndependentFigures.read(dashboard, expected)).as(path).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(18);
        assertThat(independent.center(centers.get(0), LocalDate.of(2024, 1, 1), today, null).get("clientsServed"))
                .as("the history is not empty").isNotEqualTo(0L);
    }

    /**
     * Countries and the network, over kept periods (summed from their centers' period figures) and other
     * ranges (counted from center-months): an engagement transferred between centers counts once.
     */
    @Test
    void countryAndNetworkDashboardsAgreeWithFiguresCountedIndependentlyFromTheEvents() {
        IndependentFigures independent = new IndependentFigures(casebook.jdbc());
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        java.util.Set<String> all = new java.util.TreeSet<>(casebook.jdbc().queryForList(
                "SELECT DISTINCT convert_from(payload, 'UTF8')::json ->> 'centerId' FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%CenterDefined'", String.class));
        java.util.Set<String> honduras = new java.util.TreeSet<>(all.stream().filter(id -> id.startsWith("HN-")).toList());
        Integer transferred = casebook.jdbc().queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%EngagementTransferred'", Integer.class);
        String director = "director.scopes.test";
        Users.user(casebook.as(Users.ADMIN), director, "DIRECTOR", honduras.iterator().next(), null);
        List<LocalDate[]> ranges = List.of(new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
                new LocalDate[] {LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31)},
                new LocalDate[] {LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30)},
                new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)},
                new LocalDate[] {today.withDayOfYear(1), today},
                new LocalDate[] {LocalDate.of(2024, 2, 10), LocalDate.of(2025, 8, 20)});
        for (LocalDate[] range : ranges) {
            String query = "?from=" + range[0] + "&to=" + range[1];
            Map<String, java.util.Set<String>> scopes = Map.of("/api/dashboards/network" + query, all,
                    "/api/dashboards/countries/HN" + query, honduras);
            scopes.forEach((path, centers) -> {
                Map<String, Object> expected = independent.scope(centers, range[0], range[1], null);
                CasebookInstance.Response answer = casebook.as(director).get(path);
                assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
                assertThat(IndependentFigures.read(answer.json(), expected)).as(path + " (" + transferred
                        + " transfers)").isEqualTo(expected);
            });
        }
        assertThat(all).hasSizeGreaterThan(honduras.size());
        assertThat(transferred).as("the history has transfers").isPositive();
    }

    @Test
    void aReplayFromScratchRebuildsEveryReadModelDocumentForDocument() throws Exception {
        awaitPeriodFiguresCounted();
        Map<String, List<Document>> live = dump();
        casebook.rebuildReadModels(head);
        awaitPeriodFiguresCounted();
        Map<String, List<Document>> rebuilt = dump();
        for (String collection : READ_MODELS) {
            assertThat(rebuilt.get(collection)).as(collection).isNotEmpty().isEqualTo(live.get(collection));
        }
    }

    @Test
    void theSameSeedGeneratesTheSameHistory(@TempDir Path other) {
        List<String> first = history(casebook, 5);
        try (CasebookInstance again = CasebookInstance.start(other, "--casebook.demo.engagements=5",
                "--casebook.demo.seed=7", "--casebook.demo.since=2024-01-01")) {
            assertThat(history(again, 5)).isEqualTo(first);
        }
    }

    /**
     * The engagements' events as read back (personal values opened): their stored forms differ from run
     * to run, since every sealed value has a fresh nonce.
     */
    private static List<String> history(CasebookInstance instance, int engagements) {
        ObjectMapper json = CasebookJson.newMapper();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < engagements; i++) {
            instance.bean(EventStore.class).readEvents("demo-7-" + i, 0).asStream().forEach(event -> {
                try {
                    events.add(event.getPayloadType().getSimpleName() + " " + json.writeValueAsString(event.getPayload()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(events).isNotEmpty();
        return events;
    }

    /** Period figures noted during the replay are counted a moment after it, in the background. */
    private static void awaitPeriodFiguresCounted() throws InterruptedException {
        MongoDatabase database = casebook.bean(MongoDatabase.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (database.getCollection("period_figures_pending").countDocuments() > 0
                || database.getCollection("period_figures").find().into(new ArrayList<>()).stream()
                        .anyMatch(figures -> !figures.get("computedFrom").equals(figures.get("dirty")))) {
            assertThat(System.nanoTime()).as("period figures counted within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The map of parts of the read models whose documents several engagements share. */
    static final Map<String, String> SHARED = Map.of("center_months", "engagements", "caseloads", "lines");

    private static Map<String, List<Document>> dump() {
        MongoDatabase database = casebook.bean(MongoDatabase.class);
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : READ_MODELS) {
            List<Document> documents = database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            // A shared document whose last part was removed stays, empty or without its map, depending on
            // how the events fell into batches; it holds no figures either way.
            String parts = SHARED.get(collection);
            if (parts != null) {
                documents.removeIf(document -> document.get(parts) == null
                        || document.get(parts) instanceof Document map && map.isEmpty());
            }
            if (collection.equals("period_figures")) {
                // How many changes were counted depends on how events fell into batches; all must be counted.
                documents.forEach(document -> {
                    assertThat(document.get("computedFrom")).as(document.getString("_id")).isEqualTo(document.get("dirty"));
                    document.remove("computedFrom");
                    document.remove("dirty");
                });
            }
            all.put(collection, documents);
        }
        return all;
    }
}
