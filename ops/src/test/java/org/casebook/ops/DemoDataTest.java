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
 * document for document; and the same seed generates the same history. Half as many engagements again
 * come through the import's fast path, and are counted the same way.
 */
class DemoDataTest {

    static final List<String> READ_MODELS = List.of("engagements", "engagement_facts",
            "center_month_parts", "center_month_rosters", "period_figures", "caseload_parts", "exchange_rates", "centers");

    @TempDir
    static Path data;
    static CasebookInstance casebook;
    static long head;

    @BeforeAll
    static void start() throws Exception {
        casebook = CasebookInstance.start(data, "--casebook.demo.engagements=80", "--casebook.demo.seed=7",
                "--casebook.demo.since=2024-01-01");
        // A second history beside it through the fast path: each engagement's history one import command.
        var imported = new org.casebook.ops.demo.DemoDataGenerator(
                casebook.bean(org.axonframework.commandhandling.gateway.CommandGateway.class),
                casebook.bean(java.time.Clock.class)).generateByImport(40, 8, LocalDate.of(2024, 1, 1),
                casebook.bean(org.casebook.ops.imports.LegacyImports.class));
        assertThat(imported.state().name()).isEqualTo("DONE");
        assertThat(imported.engagementsDone()).isEqualTo(40);
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

    /**
     * The defect report's table: a person who counsels at one center and follows a programme as a donor
     * reads another center's dashboard as the donor alone would (that programme's engagements only), their
     * own center's as the counselor alone would, and the network as either would: the union of the two
     * rights, nothing in between. On every path a dashboard is counted by: a kept period, another range, as
     * of a time.
     */
    @Test
    void aReaderWithTwoRolesCountsExactlyWhatEitherRoleReaches() {
        IndependentFigures independent = new IndependentFigures(casebook.jdbc());
        // A center other than the counselor's, some of whose engagements a programme funds and some not.
        Map<String, Object> pair = casebook.jdbc().queryForMap("""
                SELECT p.center, p.programme FROM (
                  SELECT convert_from(payload, 'UTF8')::json ->> 'centerId' AS center,
                         json_array_elements_text(convert_from(payload, 'UTF8')::json -> 'programmes') AS programme,
                         aggregate_identifier AS engagement
                    FROM domain_event_entry WHERE payload_type LIKE '%EngagementOpened') p
                 WHERE p.center <> 'HN-TGU-01'
                 GROUP BY p.center, p.programme
                HAVING COUNT(*) < (SELECT COUNT(*) FROM domain_event_entry e WHERE e.payload_type LIKE '%EngagementOpened'
                                      AND convert_from(e.payload, 'UTF8')::json ->> 'centerId' = p.center)
                 ORDER BY COUNT(*) DESC, 1, 2 LIMIT 1""");
        String center = (String) pair.get("center");
        String programme = (String) pair.get("programme");
        CasebookInstance.Client admin = casebook.as(Users.ADMIN);
        Users.user(admin, "donor.only", "DONOR", null, programme);
        Users.user(admin, "counselor.only", "COUNSELOR", "HN-TGU-01", null);
        Users.user(admin, "mixed", List.of("DONOR", "COUNSELOR"), "HN-TGU-01", programme);
        Users.user(admin, "director.there", "DIRECTOR", center, null);
        Instant midway = independent.recordingTimes().get(independent.recordingTimes().size() / 2);
        String[] ranges = {"from=2025-01-01&to=2025-12-31", "from=2024-02-10&to=2025-08-20",
                "from=2024-01-01&to=2025-12-31&asOf=" + midway};
        boolean fewer = false;
        for (String range : ranges) {
            String there = "/api/dashboards/centers/" + center + "?" + range;
            JsonNode donor = ok("donor.only", there);
            assertThat(casebook.as("counselor.only").get(there).status()).as(there).isEqualTo(403);
            assertThat(ok("mixed", there)).as("mixed, " + there).isEqualTo(donor);
            LocalDate from = LocalDate.parse(range.substring(5, 15));
            LocalDate to = LocalDate.parse(range.substring(19, 29));
            Instant asOf = range.contains("asOf") ? midway : null;
            Map<String, Object> expected = independent.scope(java.util.Set.of(center), from, to, asOf, programme);
            assertThat(IndependentFigures.read(donor, expected)).as(there).isEqualTo(expected);
            fewer |= ok("director.there", there).get("newClients").asLong() > donor.get("newClients").asLong();

            String own = "/api/dashboards/centers/HN-TGU-01?" + range;
            assertThat(ok("mixed", own)).as("mixed, " + own).isEqualTo(ok("counselor.only", own));
            String network = "/api/dashboards/network?" + range;
            assertThat(ok("mixed", network)).as("mixed, " + network).isEqualTo(ok("counselor.only", network));
            CasebookInstance.Response csv = casebook.as("mixed").get(there, "Accept", "text/csv");
            assertThat(csv.body()).as("mixed, CSV of " + there)
                    .isEqualTo(casebook.as("donor.only").get(there, "Accept", "text/csv").body());
        }
        assertThat(fewer).as("the center has engagements the programme does not fund").isTrue();
    }

    private static JsonNode ok(String user, String path) {
        CasebookInstance.Response answer = casebook.as(user).get(path);
        assertThat(answer.status()).as(user + " " + path + " " + answer.body()).isEqualTo(200);
        return answer.json();
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
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (casebook.serving("period_figures_pending").countDocuments() > 0
                || casebook.serving("period_figures").find().into(new ArrayList<>()).stream()
                        .anyMatch(figures -> !figures.get("computedFrom").equals(figures.get("dirty")))) {
            assertThat(System.nanoTime()).as("period figures counted within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The map of parts of the read models whose documents several engagements share. */
    static final Map<String, String> SHARED = Map.of("center_month_parts", "engagements", "caseload_parts", "lines");

    private static Map<String, List<Document>> dump() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : READ_MODELS) {
            List<Document> documents = casebook.serving(collection).find().sort(Sorts.ascending("_id"))
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
