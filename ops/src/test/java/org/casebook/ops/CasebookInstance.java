package org.casebook.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.casebook.query.progress.ProjectionProgress;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service as a user starts it, with the embedded databases in a directory of the test's
 * and on free ports, driven over real HTTP. With {@code -Dcasebook.test.mongodb-uri=mongodb://...}
 * the read models go to that MongoDB server instead, in a database named after the data directory.
 */
final class CasebookInstance implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The first administrator's password, as {@code CASEBOOK_ADMIN_PASSWORD} gives it on first start. */
    static final String ADMIN_PASSWORD = "admin-password-1";

    private final ConfigurableApplicationContext context;
    private final String base;
    private String defaultUser = Users.ANA;

    private CasebookInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static final String REAL_MONGODB = System.getProperty("casebook.test.mongodb-uri");

    static CasebookInstance start(Path dataDirectory, String... extraArguments) {
        return startWith(List.of(), dataDirectory, extraArguments);
    }

    /** An instance with test configuration beside the service's own (a fault to inject, for instance). */
    static CasebookInstance startWith(List<Class<?>> sources, Path dataDirectory, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--casebook.embedded.data-directory=" + dataDirectory,
                "--casebook.embedded.postgres-port=0",
                "--casebook.embedded.mongo-port=0"));
        if (Arrays.stream(extraArguments).noneMatch(argument -> argument.startsWith("--CASEBOOK_ADMIN_PASSWORD="))) {
            arguments.add("--CASEBOOK_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
        }
        if (REAL_MONGODB != null) {
            arguments.add("--spring.data.mongodb.uri=" + REAL_MONGODB);
            arguments.add("--casebook.read-models.database=" + readModelDatabase(dataDirectory));
        }
        arguments.addAll(List.of(extraArguments));
        return new CasebookInstance(new SpringApplicationBuilder(CasebookApplication.class)
                .sources(sources.toArray(Class<?>[]::new))
                .run(arguments.toArray(String[]::new)));
    }

    static String readModelDatabase(Path dataDirectory) {
        return "casebook-test-" + Integer.toHexString(dataDirectory.toAbsolutePath().toString().hashCode());
    }

    /** Empties the read-model store of a stopped instance, as an operator who lost it would find it. */
    static void loseReadModels(Path dataDirectory) throws IOException {
        if (REAL_MONGODB != null) {
            try (MongoClient client = MongoClients.create(REAL_MONGODB)) {
                client.getDatabase(readModelDatabase(dataDirectory)).drop();
            }
            return;
        }
        Path root = dataDirectory.resolve("mongo");
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        if (Files.exists(root)) {
            throw new IOException("could not delete " + root);
        }
    }

    String baseUrl() {
        return base;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Rebuilds every read model as an operator does (a new version beside the serving one), waits until
     * each new version serves, and until the read models have folded {@code head}.
     */
    void rebuildReadModels(long head) throws InterruptedException {
        var versionSwitch = bean(org.casebook.ops.readmodels.ReadModelVersionSwitch.class);
        var versions = bean(org.casebook.query.store.ReadModelVersions.class);
        Map<String, Integer> rebuilding = new LinkedHashMap<>();
        for (var readModel : versionSwitch.readModels()) {
            rebuilding.put(readModel.name(), versionSwitch.startRebuild(readModel.name(), "test").version());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (rebuilding.entrySet().stream().anyMatch(entry -> versions.current(entry.getKey()) != entry.getValue())) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("every rebuilt version serves within 2 minutes")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        org.assertj.core.api.Assertions.assertThat(bean(ProjectionProgress.class).await(head, Duration.ofSeconds(60)))
                .as("the read models caught up with %d", head).isTrue();
    }

    /** A read model's collection, of the version that serves the queries now. */
    com.mongodb.client.MongoCollection<org.bson.Document> serving(String collection) {
        var versions = bean(org.casebook.query.store.ReadModelVersions.class);
        var readModel = bean(org.casebook.ops.readmodels.ReadModelVersionSwitch.class).readModels().stream()
                .filter(model -> model.collections().contains(collection)).findFirst().orElseThrow();
        return bean(org.casebook.query.store.ReadModelStore.class).collection(collection, versions.current(readModel.name()));
    }

    /** Defines the test network's centers, programmes and users (see {@link Users}), as its administrator. */
    CasebookInstance seeded() {
        Users.seed(this);
        return this;
    }

    /** A JSON POST as the default user; {@code headers} (name, value, ...) add to or replace the defaults. */
    Response post(String path, String body, String... headers) {
        return as(defaultUser).post(path, body, headers);
    }

    Response get(String path, String... headers) {
        return as(defaultUser).get(path, headers);
    }

    /** Requests signed in as one of the test users. */
    Client as(String user) {
        return new Client(user, Users.passwordOf(user));
    }

    /** Requests with no credentials at all. */
    Client anonymous() {
        return new Client(null, null);
    }

    final class Client {

        private final String authorization;

        Client(String user, String password) {
            this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        Response post(String path, String body, String... headers) {
            return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)), headers)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        Response put(String path, String body, String... headers) {
            return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)), headers)
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
        }

        Response get(String path, String... headers) {
            return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)), headers).GET());
        }

        Response delete(String path, String... headers) {
            return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)), headers).DELETE());
        }

        private HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
            Map<String, String> all = new LinkedHashMap<>(Map.of("Content-Type", "application/json",
                    "Accept", "application/json"));
            if (authorization != null) {
                all.put("Authorization", authorization);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                all.put(headers[i], headers[i + 1]);
            }
            all.forEach(request::setHeader);
            return request;
        }
    }

    /** Requests with the given headers only, for tests of sign-in itself. */
    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
