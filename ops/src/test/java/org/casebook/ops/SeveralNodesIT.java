package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * Two Casebook processes (the built jar) on one PostgreSQL and one MongoDB wire server, as a network
 * runs several nodes: they share the read models' segments; a rebuild started on one runs on both
 * while both take commands and answer queries; one node is killed with SIGKILL in the middle; the other
 * takes over its segments and switches; the killed node, started again, serves the new version too,
 * which the consistency check finds equal to the events. Queries made meanwhile answered with figures,
 * never empty.
 */
class SeveralNodesIT {

    static final Path JAR = Path.of(System.getProperty("casebook.jar", "target/casebook.jar"));
    private static final String ADMIN_PASSWORD = "admin-password-1";
    private static final String OPERATOR = "ops.team";
    private static final String DIRECTOR = "director.hn";
    private static final String PASSWORD = "password-of-nodes";
    private static final String NETWORK = "/api/dashboards/network?from=2024-01-01&to=2026-12-31";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One Casebook process. */
    private record Node(String name, Process process, String url) {

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(40).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void twoNodesShareTheWorkAndARebuildSurvivesTheKillingOfOne() throws Exception {
        assertThat(JAR).as("the jar is built before the integration tests").exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress mongoAddress = mongo.bind();
            List<Node> nodes = new ArrayList<>();
            try {
                String datasource = "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");
                String readModels = "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongoAddress.getPort();
                Node a = start("a", datasource, readModels, "--CASEBOOK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                        "--casebook.demo.engagements=500", "--casebook.demo.seed=3", "--casebook.demo.since=2024-01-01");
                nodes.add(a);
                awaitHistory(postgres.getPostgresDatabase());
                user(a, OPERATOR, "OPERATOR", null);
                user(a, DIRECTOR, "DIRECTOR", "\"HN-TGU-01\"");
                Node b = start("b", datasource, readModels);
                nodes.add(b);

                // Each node folds its share: two owners of the engagements' four segments.
                JsonNode shared = await(b, "engagements", status -> owners(status).size() == 2
                        && status.get("lagEvents").asLong() == 0);
                assertThat(owners(shared)).hasSize(2);
                String network = get(b, DIRECTOR, NETWORK).body();
                assertThat(JSON.readTree(network).get("clientsServed").asInt()).isPositive();

                // Commands and queries on both nodes while the rebuild runs.
                List<String> open = new ArrayList<>();
                get(a, DIRECTOR, "/api/engagements?status=OPEN&size=20").json().get("items")
                        .forEach(item -> open.add(item.get("id").asText()));
                AtomicBoolean working = new AtomicBoolean(true);
                List<String> faults = new CopyOnWriteArrayList<>();
                AtomicInteger answered = new AtomicInteger();
                List<Node> alive = new CopyOnWriteArrayList<>(List.of(a, b));
                Thread traffic = new Thread(() -> {
                    for (int i = 0; working.get(); i++) {
                        Node node = alive.get(i % alive.size());
                        try {
                            if (i % 3 == 0) {
                                String id = open.get(i % open.size());
                                JsonNode view = get(node, DIRECTOR, "/api/engagements/" + id).json();
                                Answer logged = post(node, DIRECTOR, "/api/engagements/" + id + "/sessions", """
                                        {"date": "%s", "counselorId": "%s", "type": "IN_PERSON", "area": "FINANCE",
                                         "contactMinutes": 30, "prepMinutes": 0, "travelMinutes": 0}
                                        """.formatted(view.get("intakeDate").asText(), view.get("counselorId").asText()));
                                if (logged.status() != 201) {
                                    faults.add(node.name() + " session: " + logged.status() + " " + logged.body());
                                }
                            } else {
                                Answer figures = get(node, DIRECTOR, NETWORK);
                                if (figures.status() != 200 || figures.json().get("clientsServed").asInt() == 0) {
                                    faults.add(node.name() + " figures: " + figures.status() + " " + figures.body());
                                }
                            }
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            if (alive.contains(node)) {
                                faults.add(node.name() + ": " + e.getMessage());
                            }
                        }
                    }
                });
                traffic.start();

                Answer started = post(a, OPERATOR, "/api/ops/projections/figures/rebuild", "");
                assertThat(started.status()).as(started.body()).isEqualTo(202);
                int version = started.json().get("version").asInt();
                await(a, "figures", status -> !status.get("rebuild").isNull()
                        && status.get("rebuild").get("position").asLong() > 0);
                alive.remove(a);
                a.kill();

                JsonNode switched = await(b, "figures", status -> status.get("version").asInt() == version);
                assertThat(switched.get("lastRebuild").get("status").asText()).isEqualTo("SWITCHED");
                Node again = start("a-again", datasource, readModels);
                nodes.add(again);
                await(again, "figures", status -> status.get("version").asInt() == version);
                alive.add(again);
                Thread.sleep(2000);
                working.set(false);
                traffic.join();
                assertThat(faults).as("every command stored, every query answered with figures").isEmpty();
                assertThat(answered.get()).isGreaterThan(20);

                Answer check = post(again, OPERATOR, "/api/ops/consistency-checks", "");
                assertThat(check.status()).as(check.body()).isEqualTo(200);
                assertThat(check.json().get("differences").asInt()).as(check.body()).isZero();
                assertThat(get(again, DIRECTOR, NETWORK).json().get("clientsServed").asInt())
                        .isEqualTo(get(b, DIRECTOR, NETWORK).json().get("clientsServed").asInt());
            } finally {
                for (Node node : nodes) {
                    node.stop();
                }
                mongo.shutdownNow();
            }
        }
    }

    private static Node start(String name, String... arguments) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--casebook.read-models.processing.retire-after=2s",
                "--spring.datasource.username=postgres"));
        command.addAll(List.of(arguments));
        Path log = Path.of("target", "several-nodes-" + name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Node node = new Node(name, process, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("node %s is running (see %s)", name, log).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return node;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(System.nanoTime()).as("node %s up within two minutes", name).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Waits until the demo history stops growing. */
    private static void awaitHistory(javax.sql.DataSource events) throws Exception {
        long last = -1;
        int steady = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (steady < 8) {
            long head;
            try (var connection = events.getConnection(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")) {
                rows.next();
                head = rows.getLong(1);
            } catch (java.sql.SQLException notYet) {
                head = -1;
            }
            steady = head == last && head > 0 ? steady + 1 : 0;
            last = head;
            assertThat(System.nanoTime()).as("the demo history written").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static void user(Node node, String name, String role, String center) {
        Answer created = send(node, "admin", ADMIN_PASSWORD, "POST", "/api/admin/users", """
                {"username": "%s", "password": "%s", "roles": ["%s"], "centers": [%s], "programmes": []}
                """.formatted(name, PASSWORD, role, center == null ? "" : center));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Set<String> owners(JsonNode status) {
        Set<String> owners = new HashSet<>();
        status.get("segments").forEach(segment -> {
            if (segment.hasNonNull("owner")) {
                owners.add(segment.get("owner").asText());
            }
        });
        return owners;
    }

    private static JsonNode await(Node node, String readModel, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode status = null;
        while (true) {
            Answer answer = get(node, OPERATOR, "/api/ops/projections/" + readModel);
            if (answer.status() == 200) {
                status = answer.json();
                if (done.test(status)) {
                    return status;
                }
            }
            assertThat(System.nanoTime()).as("%s on node %s: %s", readModel, node.name(), status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private static Answer get(Node node, String user, String path) {
        return send(node, user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, "GET", path, null);
    }

    private static Answer post(Node node, String user, String path, String body) {
        return send(node, user, PASSWORD, "POST", path, body);
    }

    private static Answer send(Node node, String user, String password, String method, String path, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(node.name() + " " + method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
