package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The metrics a node exports and the deployment files in {@code ops/deploy}: the export passes
 * {@code promtool check metrics}, the Grafana dashboard asks only for metrics the export has, and the
 * compose file is one {@code docker-compose config} accepts, with the services the runbook names.
 * promtool and docker-compose come from Debian's prometheus and docker-compose packages, which CI
 * installs; where they are missing, the checks that need them are skipped.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");

    @TempDir
    static Path data;
    static CasebookInstance casebook;
    static String scraped;

    @BeforeAll
    static void start() throws Exception {
        casebook = CasebookInstance.start(data).seeded();
        CasebookInstance.Response opened = casebook.as(Users.ANA).post("/api/engagements", Requests.intake());
        String id = opened.json().get("id").asText();
        casebook.as(Users.ANA).post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-09", 60));
        casebook.as(Users.ANA).post("/api/engagements/" + id + "/sessions", Requests.session("2099-03-09", 60));
        String position = casebook.as(Users.ANA).post("/api/engagements/" + id + "/sessions",
                Requests.session("2026-03-10", 30)).header("Casebook-Position");
        casebook.as(Users.ANA).get("/api/engagements/" + id + "?minPosition=" + position);
        casebook.bean(org.casebook.ops.readmodels.ReadModelMetrics.class).refresh();
        CasebookInstance.Response metrics = casebook.as(Users.OPS).get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        scraped = metrics.body();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    @Test
    void theExportHasTheReadModelsAndCommandsFigures() {
        assertThat(scraped)
                .containsPattern("casebook_read_model_lag_events\\{application=\"casebook\",read_model=\"engagements\",segment=\"3\"} 0\\.0")
                .containsPattern("casebook_read_model_lag_seconds\\{[^}]*read_model=\"figures\",segment=\"0\"}")
                .containsPattern("casebook_read_model_events_folded_total\\{[^}]*read_model=\"engagements\"")
                .containsPattern("casebook_read_model_rebuild_progress_ratio\\{[^}]*read_model=\"figures\"} 0\\.0")
                .containsPattern("casebook_read_model_dead_letters\\{[^}]*read_model=\"engagements\"} 0\\.0")
                .containsPattern("casebook_read_model_version\\{[^}]*read_model=\"reference-data\"} 1\\.0")
                .containsPattern("casebook_commands_seconds_count\\{[^}]*command=\"LogCounselingSession\",outcome=\"stored\"} 2")
                .containsPattern("casebook_commands_seconds_count\\{[^}]*command=\"LogCounselingSession\",outcome=\"refused\"} 1")
                .containsPattern("casebook_commands_seconds_bucket\\{[^}]*command=\"OpenEngagement\"");
    }

    @Test
    void promtoolAcceptsTheExportsNames() throws Exception {
        assumeTrue(onPath("promtool"), "promtool (Debian's prometheus package) is not installed");
        Path file = data.resolve("metrics.txt");
        Files.writeString(file, scraped);
        Run run = run(List.of("sh", "-c", "promtool check metrics < " + file), Map.of());
        // promtool also remarks on meters of the libraries that come without a description ("no help
        // text"); it finds nothing else, and nothing at all about Casebook's own.
        List<String> remarks = run.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(remarks).as(run.output()).allMatch(line -> line.endsWith(" no help text"));
        assertThat(run.output()).as("promtool's remarks").doesNotContain("casebook_");
    }

    @Test
    void theDashboardAsksOnlyForExportedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/casebook.json").toFile());
        Set<String> asked = new TreeSet<>();
        Pattern metric = Pattern.compile("casebook_[a-z_]+");
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
            Matcher found = metric.matcher(target.get("expr").asText());
            while (found.find()) {
                asked.add(found.group());
            }
        }));
        assertThat(asked).hasSizeGreaterThan(6).allSatisfy(name -> assertThat(scraped).contains("\n" + name));
    }

    @Test
    void theComposeFileHasEveryServiceAndDockerComposeAcceptsIt() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("postgres", "mongo-1", "mongo-2", "mongo-3", "mongo-init", "casebook-1",
                "casebook-2", "nginx", "prometheus", "grafana");
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
        Run run = run(List.of("docker-compose", "--file", "docker-compose.yml", "config", "--quiet"),
                Map.of("CASEBOOK_DB_PASSWORD", "x", "CASEBOOK_ADMIN_PASSWORD", "y",
                        "CASEBOOK_PERSONAL_DATA_MASTER_KEY", "z"));
        assertThat(run.exit()).as(run.output()).isZero();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DEPLOY.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
