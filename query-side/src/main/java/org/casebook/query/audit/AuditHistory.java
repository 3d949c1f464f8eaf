package org.casebook.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casebook.shared.audit.AuditChain;
import org.casebook.shared.event.EngagementEvent;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.PersonalDataErased;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.json.CasebookJson;
import org.casebook.shared.personal.PersonalData;
import org.casebook.shared.personal.PersonalFields;
import org.casebook.shared.summary.EventSummaries;
import org.springframework.stereotype.Component;

/**
 * An engagement's full history from the event store: every event in order, opened with the client's key
 * (or erased), and redacted for a reader who may not see personal data.
 */
@Component
public class AuditHistory {

    private static final ObjectMapper JSON = CasebookJson.newMapper();

    private final EventStore events;

    public AuditHistory(EventStore events) {
        this.events = events;
    }

    /** Who did it: the user and the role they acted in. */
    public record Actor(String userId, String role) {
    }

    /**
     * One event. {@code imported}: the batch, legacy system and legacy row it was imported from, with
     * {@code legacyVerification} when it is a verification the legacy system made before Casebook; both
     * absent for an event recorded in Casebook.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(long sequence, Instant recordedAt, String type, Actor actor, String centerId,
                        String correlationId, String summary, JsonNode payload, String hash, String previousHash,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Imported imported,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Imported.LegacyVerification legacyVerification) {
    }

    /**
     * The events of one engagement as read.
     *
     * @param personalData {@code shared} (opened), {@code redacted} (this reader may not see it) or
     *                     {@code erased} (the client's key is gone)
     */
    public record Read(String engagementId, List<Entry> entries, String personalData) {
    }

    /**
     * Reads the history.
     *
     * @param mayReadPersonalData whether the reader may see personal data regardless of consent (a case worker
     *                            of the engagement); otherwise it is shown only if the client consented to
     *                            sharing it with funders
     */
    public Read read(String engagementId, boolean mayReadPersonalData, Locale locale) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        events.readEvents(engagementId, 0).asStream().forEach(messages::add);
        boolean consented = false;
        boolean erased = false;
        for (DomainEventMessage<?> message : messages) {
            if (message.getPayload() instanceof EngagementOpened opened) {
                consented = opened.consents() != null && opened.consents().shareWithFunders();
            }
            erased |= message.getPayload() instanceof PersonalDataErased;
        }
        boolean shown = mayReadPersonalData || consented;
        List<Entry> entries = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            Object payload = message.getPayload();
            JsonNode tree = JSON.valueToTree(payload);
            if (!shown) {
                PersonalFields.replaceAll(payload.getClass(), tree, PersonalData.REDACTED);
            }
            String summary = payload instanceof EngagementEvent event ? EventSummaries.summarize(event, locale)
                    : message.getPayloadType().getSimpleName();
            entries.add(new Entry(message.getSequenceNumber(), message.getTimestamp(),
                    message.getPayloadType().getSimpleName(),
                    new Actor(text(message.getMetaData().get("userId")), text(message.getMetaData().get("role"))),
                    text(message.getMetaData().get("centerId")), text(message.getMetaData().get("correlationId")),
                    summary, tree, text(message.getMetaData().get(AuditChain.HASH)),
                    text(message.getMetaData().get(AuditChain.PREVIOUS_HASH)),
                    Imported.of(message.getMetaData()).orElse(null),
                    Imported.LegacyVerification.of(message.getMetaData()).orElse(null)));
        }
        return new Read(engagementId, entries, erased ? "erased" : shown ? "shared" : "redacted");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
