package org.casebook.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.LogFactory;
import org.casebook.ops.start.StartRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded databases' hold on their data directory. */
class EmbeddedDatabasesTest {

    @TempDir
    Path data;

    private EmbeddedDatabases databases() {
        return new EmbeddedDatabases(LogFactory.getLog(EmbeddedDatabasesTest.class));
    }

    @Test
    void aDataDirectoryServesOneProcessAtATime() throws Exception {
        EmbeddedDatabases first = databases();
        first.claim(data);
        try {
            assertThatThrownBy(() -> databases().claim(data)).isInstanceOf(StartRefused.class)
                    .hasMessageContaining("uses the data directory")
                    .satisfies(refused -> assertThat(((StartRefused) refused).action())
                            .contains("casebook.embedded.data-directory"));
        } finally {
            first.destroy();
        }
        EmbeddedDatabases again = databases();
        again.claim(data);
        again.destroy();
    }

    @Test
    void aPostgresLeftRunningByAKilledProcessIsStoppedAndTheDatabaseStartsAgain() throws Exception {
        // As a killed process leaves it: its PostgreSQL still running on the directory, nobody to stop it.
        EmbeddedPostgres outlived = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).setPort(0).start();
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        EmbeddedDatabases databases = databases();
        try {
            databases.claim(data);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("stopped").isNotEqualTo(java.util.Optional.of(true));
            outlived.close(); // only to let go of the library's own lock, which a killed process would not hold
            String url = databases.startPostgres(new EmbeddedProperties(true, data, 0, 0, 32));
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");
        } finally {
            databases.destroy();
        }
    }
}
