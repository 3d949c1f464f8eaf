package org.casebook.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.casebook.ops.CasebookApplication;
import org.casebook.query.progress.ProjectionProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine;

/**
 * The operators' command-line tools against a running Casebook, their output read as a person sees it in
 * an 80-column terminal: a carriage return redraws the line, so what stays on screen is each line's last
 * drawing.
 */
class CommandLineTest {

    private static final String OPERATOR = "ops.team";
    private static final String PASSWORD = "password-of-ops";
    private static final int COLUMNS = 80;

    @TempDir
    static Path data;
    static ConfigurableApplicationContext casebook;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        casebook = new SpringApplicationBuilder(CasebookApplication.class).run("--server.port=0",
                "--casebook.embedded.data-directory=" + data, "--casebook.embedded.postgres-port=0",
                "--casebook.embedded.mongo-port=0", "--CASEBOOK_ADMIN_PASSWORD=admin-password-1",
                "--casebook.demo.engagements=250", "--casebook.demo.seed=5", "--casebook.demo.since=2024-01-01",
                "--casebook.read-models.processing.retire-after=1s");
        url = "http://127.0.0.1:" + casebook.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> created = send("admin", "admin-password-1", "POST", "/api/admin/users", """
                {"username": "%s", "password": "%s", "roles": ["OPERATOR"], "centers": [], "programmes": []}
                """.formatted(OPERATOR, PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Long head = casebook.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(casebook.getBean(ProjectionProgress.class).await(head, Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    @Test
    void rebuildDrawsItsProgressUntilTheNewVersionServes() throws Exception {
        Terminal terminal = new Terminal();
        RebuildCommand command = terminal.rebuild(user -> PASSWORD.toCharArray());
        int exit = new CommandLine(command).execute("figures", "--url", url, "--user", OPERATOR, "--every", "100ms");

        List<String> screen = terminal.screen();
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.writeString(Path.of("target", "screenshots", "rebuild-terminal.txt"), String.join("\n", screen) + "\n");
        assertThat(exit).as(terminal.raw()).isZero();
        assertThat(screen).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(COLUMNS));
        java.util.regex.Matcher started = java.util.regex.Pattern
                .compile("Rebuilding figures as version (\\d+); the version serving now goes on serving.").matcher(screen.get(0));
        assertThat(started.matches()).as(screen.get(0)).isTrue();
        String version = started.group(1);
        String bar = screen.get(1);
        assertThat(bar).startsWith("figures v" + version + " 100%").contains("events/s");
        assertThat(screen.get(screen.size() - 1)).isEqualTo("Version " + version + " of figures serves the queries now.");
        assertThat(terminal.frames()).as("the bar is drawn again as the rebuild goes").hasSizeGreaterThan(2);
        assertThat(terminal.frames()).anySatisfy(frame -> assertThat(frame).doesNotContain("100%"));
    }

    @Test
    void rebuildSaysWhyWhenItIsRefused() {
        Terminal running = new Terminal();
        assertThat(send(OPERATOR, PASSWORD, "POST", "/api/ops/projections/reference-data/rebuild", "").statusCode())
                .isEqualTo(202);
        int exit = new CommandLine(running.rebuild(user -> PASSWORD.toCharArray()))
                .execute("reference-data", "--url", url, "--user", OPERATOR);
        assertThat(exit).isEqualTo(1);
        assertThat(running.errors()).contains("A rebuild of the read model \"reference-data\" is already running.");

        Terminal wrong = new Terminal();
        assertThat(new CommandLine(wrong.rebuild(user -> "not-the-password".toCharArray()))
                .execute("engagements", "--url", url, "--user", OPERATOR)).isEqualTo(1);
        assertThat(wrong.errors()).contains("refused the sign-in");

        Terminal none = new Terminal();
        assertThat(new CommandLine(none.rebuild(user -> null)).execute("engagements", "--user", OPERATOR)).isEqualTo(2);
        assertThat(none.errors()).contains("CASEBOOK_PASSWORD");

        Terminal away = new Terminal();
        assertThat(new CommandLine(away.rebuild(user -> PASSWORD.toCharArray()))
                .execute("engagements", "--url", "http://127.0.0.1:9", "--user", OPERATOR)).isEqualTo(1);
        assertThat(away.errors()).contains("does not answer at http://127.0.0.1:9");
    }

    @Test
    void theConsistencyCheckFindsNothingThenTheDocumentSomeoneChanged() throws Exception {
        Environment settings = casebook.getEnvironment();
        CheckCommand check = new CheckCommand();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        check.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(check).execute("--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.mongodb.uri=" + settings.getProperty("spring.data.mongodb.uri"),
                "--casebook.embedded.data-directory=" + data.resolve("check"), "--timeout=60s");
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("engagements").containsPattern("\\d+ documents checked, 0 differences");

        // Someone changes a document by hand: the check names it.
        MongoDatabase readModels = casebook.getBean(MongoDatabase.class);
        String changed = readModels.getCollection("engagements").find().first().getString("_id");
        readModels.getCollection("engagements").updateOne(Filters.eq("_id", changed),
                Updates.set("enterprise.name", "Changed by hand"));
        HttpResponse<String> answer = send(OPERATOR, PASSWORD, "POST", "/api/ops/consistency-checks", "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode found = new ObjectMapper().readTree(answer.body());
        assertThat(found.get("differences").asInt()).as(answer.body()).isEqualTo(1);
        assertThat(found.get("documents").asLong()).isGreaterThan(250);
        assertThat(found.at("/details/0/collection").asText()).isEqualTo("engagements");
        assertThat(found.at("/details/0/id").asText()).isEqualTo(changed);
        assertThat(found.at("/details/0/kind").asText()).isEqualTo("DIFFERENT");
        var jdbc = casebook.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        List<String> scratch = jdbc.queryForList("SELECT name || '@' || version FROM read_model_build"
                + " WHERE kind = 'CHECK' AND (status <> 'CHECKED' OR dropped_at IS NULL)", String.class);
        assertThat(scratch).as("every scratch version checked and dropped").isEmpty();
        List<Integer> versions = jdbc.queryForList("SELECT version FROM read_model_build WHERE kind = 'CHECK'"
                + " AND name = 'engagements'", Integer.class);
        assertThat(versions).hasSize(2);
        List<String> collections = readModels.listCollectionNames().into(new ArrayList<>());
        versions.forEach(version -> assertThat(collections).doesNotContain("engagements_v" + version,
                "caseload_parts_v" + version));
    }

    @Test
    void importDryRunPrintsEveryProblemWithItsPlaceAndStoresNothing(@TempDir Path files) throws Exception {
        Files.writeString(files.resolve("engagements.csv"), """
                legacyId,centerId,counselorId,intakeDate,enterpriseName,country,stage,ownerName,ownerGender
                W-1,HN-TGU-01,counselor1.hn-tgu-01,2024-02-05,Pulpería Doña Ana,HN,IN_BUSINESS,Ana Cruz,FEMALE
                W-2,HN-TGU-01,counselor1.hn-tgu-01,05/02/2024,Ferretería El Clavo,HN,IN_BUSINESS,Luis Paz,MALE
                """);
        Files.writeString(files.resolve("sessions.csv"), """
                legacyId,engagementLegacyId,date,counselorId,type,area,contactMinutes
                WS-1,W-1,2024-02-06,counselor1.hn-tgu-01,PHONE,FINANCE,30
                """);
        Environment settings = casebook.getEnvironment();
        var jdbc = casebook.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        ImportCommand command = new ImportCommand();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).execute(files.toString(), "--dry-run",
                "--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.mongodb.uri=" + settings.getProperty("spring.data.mongodb.uri"),
                "--casebook.embedded.data-directory=" + files.resolve("data"));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isEqualTo(1);
        assertThat(report).containsPattern("engagements.csv +2 rows").containsPattern("sessions.csv +1 rows")
                .contains("engagements.csv:3 [intakeDate]  import-date-invalid  The field \"intakeDate\" has \"05/02/2024\"",
                        "1 problem: nothing can be imported until they are mended.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);

        Files.writeString(files.resolve("engagements.csv"), """
                legacyId,centerId,counselorId,intakeDate,enterpriseName,country,stage,ownerName,ownerGender
                W-1,HN-TGU-01,counselor1.hn-tgu-01,2024-02-05,Pulpería Doña Ana,HN,IN_BUSINESS,Ana Cruz,FEMALE
                """);
        ImportCommand again = new ImportCommand();
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        again.out = new PrintStream(clean, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(again).execute(files.toString(), "--dry-run",
                "--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.mongodb.uri=" + settings.getProperty("spring.data.mongodb.uri"),
                "--casebook.embedded.data-directory=" + files.resolve("data"))).as(clean.toString()).isZero();
        assertThat(clean.toString(StandardCharsets.UTF_8)).contains("No problems: the files can be imported.");

        String[] database = {"--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.mongodb.uri=" + settings.getProperty("spring.data.mongodb.uri"),
                "--casebook.embedded.data-directory=" + files.resolve("data")};
        ImportCommand stranger = new ImportCommand();
        stranger.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(stranger).execute(concat(new String[] {files.toString(), "--system", "WebCATS",
                "--user", OPERATOR}, database))).as("only an administrator imports").isEqualTo(2);

        ImportCommand commit = new ImportCommand();
        ByteArrayOutputStream imported = new ByteArrayOutputStream();
        commit.out = new PrintStream(imported, true, StandardCharsets.UTF_8);
        commit.width = COLUMNS;
        assertThat(new CommandLine(commit).execute(concat(new String[] {files.toString(), "--system", "WebCATS",
                "--user", "admin"}, database))).as(imported.toString()).isZero();
        String terminal = imported.toString(StandardCharsets.UTF_8);
        assertThat(terminal).contains("import 100%").containsPattern("HN-TGU-01 +2024 +1 +1 +0\\.50")
                .containsPattern("Import imp-\\S+ from WebCATS: done, 1 engagements, 2 events");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events + 2);

        ImportCommand rerun = new ImportCommand();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        rerun.out = new PrintStream(second, true, StandardCharsets.UTF_8);
        rerun.width = COLUMNS;
        assertThat(new CommandLine(rerun).execute(concat(new String[] {files.toString(), "--system", "WebCATS",
                "--user", "admin"}, database))).isZero();
        assertThat(second.toString(StandardCharsets.UTF_8)).containsPattern("engagements.csv +1 rows, 1 imported before")
                .contains("0 engagements, 0 events");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events + 2);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** What a terminal of 80 columns shows of a command's output. */
    private static final class Terminal {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        RebuildCommand rebuild(Passwords passwords) {
            RebuildCommand command = new RebuildCommand();
            command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
            command.width = COLUMNS;
            command.passwords = passwords;
            return command;
        }

        String raw() {
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }

        String errors() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Each line as it stays on screen: its last drawing, trailing blanks cut. */
        List<String> screen() {
            List<String> lines = new ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
                String shown = line.substring(line.lastIndexOf('\r') + 1).stripTrailing();
                if (!shown.isEmpty()) {
                    lines.add(shown);
                }
            }
            return lines;
        }

        /** Every drawing of the progress bar, in order. */
        List<String> frames() {
            List<String> frames = new ArrayList<>();
            for (String drawing : out.toString(StandardCharsets.UTF_8).split("[\r\n]")) {
                if (drawing.startsWith("figures v")) {
                    frames.add(drawing.stripTrailing());
                }
            }
            return frames;
        }
    }

    private static HttpResponse<String> send(String user, String password, String method, String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
