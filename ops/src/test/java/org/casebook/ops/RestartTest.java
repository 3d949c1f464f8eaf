package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees across restarts of the service with the embedded defaults. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void aRestartKeepsEventsAndReadModels() {
        String id;
        String position;
        try (CasebookInstance first = CasebookInstance.start(data).seeded()) {
            id = first.post("/api/engagements", Requests.intake()).json().get("id").asText();
            position = first.post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-09", 90))
                    .header("Casebook-Position");
            assertThat(first.get("/api/engagements/" + id + "?minPosition=" + position).status()).isEqualTo(200);
        }
        try (CasebookInstance second = CasebookInstance.start(data)) {
            // No waiting: the read model was kept on disk, not rebuilt.
            JsonNode kept = second.get("/api/engagements/" + id).json();
            assertThat(kept.at("/sessions").size()).isEqualTo(1);

            CasebookInstance.Response more = second.post("/api/engagements/" + id + "/sessions",
                    Requests.session("2026-03-16", 60));
            assertThat(more.status()).as("the aggregate is rebuilt from its stored events").isEqualTo(201);
            JsonNode view = second.get("/api/engagements/" + id + "?minPosition=" + more.header("Casebook-Position")).json();
            assertThat(view.at("/sessions").size()).isEqualTo(2);
            assertThat(view.at("/totals/contactMinutes").asInt()).isEqualTo(150);
            assertThat(Long.parseLong(more.header("Casebook-Position"))).isGreaterThan(Long.parseLong(position));
        }
    }

    /** An engagement with a session and a loan, as its view read before the read models were lost. */
    private record Recorded(String id, String position, JsonNode view) {

        static Recorded in(Path data) {
            try (CasebookInstance first = CasebookInstance.start(data).seeded()) {
                String id = first.post("/api/engagements", Requests.intake()).json().get("id").asText();
                first.post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-09", 90));
                String position = first.post("/api/engagements/" + id + "/financing",
                        Requests.financing("120000.00", "HNL", "2026-05-20")).header("Casebook-Position");
                return new Recorded(id, position, first.get("/api/engagements/" + id + "?minPosition=" + position).json());
            }
        }

        void rebuiltIn(Path data) {
            try (CasebookInstance second = CasebookInstance.start(data)) {
                CasebookInstance.Response rebuilt = second.get("/api/engagements/" + id + "?minPosition=" + position);
                assertThat(rebuilt.status()).isEqualTo(200);
                assertThat(rebuilt.json()).isEqualTo(view);
            }
        }
    }

    @Test
    void anEmptiedReadModelStoreIsRebuiltFromTheEvents() throws IOException {
        Recorded recorded = Recorded.in(data);
        CasebookInstance.loseReadModels(data);
        recorded.rebuiltIn(data);
    }

    @Test
    void anUnreadableReadModelFileIsSetAsideAndTheReadModelsRebuiltFromTheEvents() throws IOException {
        Recorded recorded = Recorded.in(data);
        Path file = data.resolve("mongo").resolve("read-models.mv.db");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            // Both copies of the file's header (the first two 4 KB blocks), as a torn write could leave them.
            channel.write(java.nio.ByteBuffer.wrap(new byte[8192]), 0);
        }
        recorded.rebuiltIn(data);
        try (var files = java.nio.file.Files.list(data.resolve("mongo"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("read-models.mv.db.unreadable-"));
        }
    }
}
