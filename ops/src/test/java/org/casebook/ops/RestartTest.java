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

    @Test
    void anEmptiedReadModelStoreIsRebuiltFromTheEvents() throws IOException {
        String id;
        String position;
        JsonNode before;
        try (CasebookInstance first = CasebookInstance.start(data).seeded()) {
            id = first.post("/api/engagements", Requests.intake()).json().get("id").asText();
            first.post("/api/engagements/" + id + "/sessions", Requests.session("2026-03-09", 90));
            position = first.post("/api/engagements/" + id + "/financing",
                    Requests.financing("120000.00", "HNL", "2026-05-20")).header("Casebook-Position");
            before = first.get("/api/engagements/" + id + "?minPosition=" + position).json();
        }
        CasebookInstance.loseReadModels(data);
        try (CasebookInstance second = CasebookInstance.start(data)) {
            CasebookInstance.Response rebuilt = second.get("/api/engagements/" + id + "?minPosition=" + position);
            assertThat(rebuilt.status()).isEqualTo(200);
            assertThat(rebuilt.json()).isEqualTo(before);
        }
    }
}
