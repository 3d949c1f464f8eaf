package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code spring.datasource.url} and {@code spring.data.mongodb.uri} set, as in production, the
 * service uses those servers and starts nothing embedded. The "production" servers here are started
 * by the test itself.
 */
class ConfiguredDatabasesTest {

    @TempDir
    Path data;
    @TempDir
    Path serverFiles;

    @Test
    void configuredServersAreUsedAndNothingEmbeddedStarts() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(serverFiles).start();
             MongoClient mongoClient = MongoClients.create(mongoUri)) {
            String id;
            try (CasebookInstance casebook = CasebookInstance.start(data,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.data.mongodb.uri=" + mongoUri,
                    "--casebook.read-models.database=configured")) {
                casebook.seeded();
                CasebookInstance.Response created = casebook.post("/api/engagements", Requests.intake());
                id = created.json().get("id").asText();
                assertThat(casebook.get("/api/engagements/" + id + "?minPosition=" + created.header("Casebook-Position"))
                        .status()).isEqualTo(200);
            }
            assertThat(data).isEmptyDirectory();
            Integer events = new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
            assertThat(events).isEqualTo(1);
            assertThat(mongoClient.getDatabase("configured").getCollection("engagements")
                    .find(new Document("_id", id)).first()).isNotNull();
        } finally {
            mongo.shutdown();
        }
    }
}
