package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event stored as revision 1, before sessions counted their participants, reads back as revision 2
 * through the aggregate and through the read model, and stays stored as it was.
 */
class EventEvolutionTest {

    @TempDir
    Path data;

    @Test
    void aRevisionOneSessionReadsAsRevisionTwo() {
        try (CasebookInstance casebook = CasebookInstance.start(data).seeded()) {
            String id = casebook.post("/api/engagements", Requests.intake()).json().get("id").asText();
            String revisionOne = """
                    {"engagementId": "%s", "sessionId": "session-of-2025", "date": "2026-03-09",
                     "counselorId": "ana.lopez", "type": "IN_PERSON", "area": "FINANCE", "contactMinutes": 90,
                     "prepMinutes": 30, "travelMinutes": 0, "programme": "DINAMICA", "notes": "Cash-flow plan"}"""
                    .formatted(id);
            String metaData = """
                    {"centerId": "HN-TGU-01", "userId": "ana.lopez", "role": "COUNSELOR", "correlationId": "legacy"}""";
            Long position = casebook.jdbc().queryForObject("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                           time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, 1, 'Engagement', ?, 'org.casebook.shared.event.CounselingSessionLogged', '1',
                            convert_to(?, 'UTF8'), convert_to(?, 'UTF8'))
                    RETURNING global_index""", Long.class,
                    UUID.randomUUID().toString(), id, Instant.now().toString(), revisionOne, metaData);

            JsonNode folded = casebook.get("/api/engagements/" + id + "?minPosition=" + position).json();
            assertThat(folded.at("/sessions/0/sessionId").asText()).isEqualTo("session-of-2025");
            assertThat(folded.at("/sessions/0/participants").asInt()).isEqualTo(1);
            assertThat(folded.at("/totals/contactMinutes").asInt()).isEqualTo(90);

            CasebookInstance.Response corrected = casebook.post("/api/engagements/" + id
                    + "/sessions/session-of-2025/correction", """
                    {"date": "2026-03-09", "counselorId": "ana.lopez", "type": "IN_PERSON", "area": "FINANCE",
                     "contactMinutes": 90, "participants": 3, "reason": "The partners came too"}""");
            assertThat(corrected.status()).as("the aggregate knows the revision-1 session").isEqualTo(200);
            CasebookInstance.Response duplicate = casebook.post("/api/engagements/" + id
                    + "/sessions/session-of-2025/void", "{\"reason\": \"test\"}");
            assertThat(duplicate.status()).isEqualTo(200);

            JsonNode after = casebook.get("/api/engagements/" + id + "?minPosition="
                    + duplicate.header("Casebook-Position")).json();
            assertThat(after.at("/sessions/0/participants").asInt()).isEqualTo(3);
            assertThat(after.at("/sessions/0/status").asText()).isEqualTo("VOIDED");

            String stored = casebook.jdbc().queryForObject(
                    "SELECT payload_revision FROM domain_event_entry WHERE global_index = ?", String.class, position);
            assertThat(stored).as("nothing stored is rewritten").isEqualTo("1");
            String newer = casebook.jdbc().queryForObject("""
                    SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?
                       AND payload_type LIKE '%CounselingSessionCorrected'""", String.class, id);
            assertThat(newer).isEqualTo("2");
        }
    }
}
