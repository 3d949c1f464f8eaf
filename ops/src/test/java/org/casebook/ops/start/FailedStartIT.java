package org.casebook.ops.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, started as a new user starts it, when it cannot start: it ends within seconds with a
 * non-zero status, its last line says what went wrong and which setting (and environment variable)
 * mends it, and no embedded PostgreSQL is left running.
 */
class FailedStartIT {

    static final Path JAR = Path.of(System.getProperty("casebook.jar", "target/casebook.jar"));

    record Ended(int status, List<String> lines, double seconds) {
        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    @Test
    void aTakenPortOfTheEmbeddedMongoDbServerEndsTheStartNamingThePortAndItsSetting(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Ended ended = start(data, "--casebook.embedded.mongo-port=" + taken.getLocalPort(),
                    "--casebook.embedded.postgres-port=0", "--server.port=0");
            assertThat(ended.status()).isNotZero();
            assertThat(ended.last()).startsWith("Casebook did not start: ")
                    .contains("127.0.0.1:" + taken.getLocalPort())
                    .contains("casebook.embedded.mongo-port").contains("CASEBOOK_EMBEDDED_MONGO_PORT");
            assertThat(ended.lines()).as("no stack trace").noneMatch(line -> line.startsWith("\tat "));
            assertThat(postgresStillRunning(data)).as("the embedded PostgreSQL it started is stopped").isEmpty();
        }
    }

    @Test
    void aTakenPortOfTheEmbeddedPostgresEndsTheStartNamingThePortAndItsSetting(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Ended ended = start(data, "--casebook.embedded.postgres-port=" + taken.getLocalPort(),
                    "--casebook.embedded.mongo-port=0", "--server.port=0");
            assertThat(ended.status()).isNotZero();
            assertThat(ended.last()).contains("PostgreSQL").contains("127.0.0.1:" + taken.getLocalPort())
                    .contains("casebook.embedded.postgres-port").contains("CASEBOOK_EMBEDDED_POSTGRES_PORT");
        }
    }

    @Test
    void aSettingThatMakesNoSenseIsNamedWithItsValue(@TempDir Path data) throws Exception {
        Ended ended = start(data, "--casebook.embedded.mongo-port=fifty", "--casebook.embedded.postgres-port=0",
                "--server.port=0");
        assertThat(ended.status()).isNotZero();
        assertThat(ended.last()).contains("casebook.embedded.mongo-port").contains("\"fifty\"");
    }

    @Test
    void aBenchmarkThatCannotMeasureEndsWithOneLineSayingWhy(@TempDir Path data) throws Exception {
        Ended ended = start(data, "--casebook.embedded.postgres-port=0", "--casebook.embedded.mongo-port=0",
                "--server.port=0", "--casebook.benchmark.queries=5");
        assertThat(ended.status()).isEqualTo(1);
        assertThat(ended.last()).startsWith("Casebook query benchmark stopped: ")
                .contains("casebook.demo.engagements");
        assertThat(postgresStillRunning(data)).isEmpty();
    }

    private static Ended start(Path data, String... arguments) throws IOException, InterruptedException {
        assertThat(JAR).as("the jar is built before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--casebook.embedded.data-directory=" + data));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(data.getParent(), "casebook-start-", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(output);
        Files.delete(output);
        assertThat(ended).as("ended within 30 s; it printed:\n" + String.join("\n", lines)).isTrue();
        return new Ended(process.exitValue(), lines, seconds);
    }

    /** The embedded PostgreSQL of the data directory, if one still runs. */
    private static Optional<ProcessHandle> postgresStillRunning(Path data) throws IOException {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
