package org.casebook.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain as plain code over stored forms, as the store, the service and the offline verifier compute it. */
class AuditChainTest {

    private static StoredEvent event(long sequence, String previous, String payload, String metaData) {
        StoredEvent unchained = new StoredEvent("Engagement", "e-1", sequence, "id-" + sequence,
                "org.casebook.shared.event.CounselingSessionLogged", "2", "2026-03-0" + (sequence + 1) + "T10:00:00Z",
                metaData.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
        String hash = AuditChain.hash(previous, unchained);
        String chained = metaData.replaceFirst("\\}$", ",\"previousHash\":\"" + previous + "\",\"hash\":\"" + hash + "\"}");
        return new StoredEvent("Engagement", "e-1", sequence, "id-" + sequence, unchained.payloadType(), "2",
                unchained.timestamp(), chained.getBytes(StandardCharsets.UTF_8), unchained.payload());
    }

    private static List<StoredEvent> chain(int length) {
        List<StoredEvent> events = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < length; i++) {
            StoredEvent next = event(i, previous, "{\"contactMinutes\":" + (30 + i) + "}",
                    "{\"userId\":\"ana.lopez\",\"role\":\"COUNSELOR\"}");
            events.add(next);
            previous = AuditChain.entry(next.metaData(), AuditChain.HASH);
        }
        return events;
    }

    @Test
    void aWholeChainVerifiesAndEndsWithItsHead() {
        List<StoredEvent> events = chain(4);
        AuditChain.Verification verification = AuditChain.verify(events, 4L,
                AuditChain.entry(events.get(3).metaData(), AuditChain.HASH));
        assertThat(verification.valid()).isTrue();
        assertThat(verification.events()).isEqualTo(4);
        assertThat(verification.firstBrokenSequence()).isNull();
    }

    @Test
    void metadataHashesTheSameHoweverItsKeysAreOrderedOrSpaced() {
        assertThat(AuditChain.canonicalMetaData("{\"role\": \"COUNSELOR\", \"userId\": \"ana\", \"hash\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AuditChain.canonicalMetaData("{\"userId\":\"ana\",\"role\":\"COUNSELOR\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAlteredPayloadAnAlteredActorAMissingAndAReorderedEventAreEachFoundWhereTheyAre() {
        List<StoredEvent> altered = chain(4);
        StoredEvent second = altered.get(2);
        altered.set(2, new StoredEvent(second.aggregateType(), second.aggregateId(), 2, second.eventId(),
                second.payloadType(), second.payloadRevision(), second.timestamp(), second.metaData(),
                "{\"contactMinutes\":320}".getBytes(StandardCharsets.UTF_8)));
        assertBroken(AuditChain.verify(altered, 4L, null), 2, "altered");

        List<StoredEvent> otherActor = chain(4);
        StoredEvent first = otherActor.get(1);
        otherActor.set(1, new StoredEvent(first.aggregateType(), first.aggregateId(), 1, first.eventId(),
                first.payloadType(), first.payloadRevision(), first.timestamp(),
                new String(first.metaData(), StandardCharsets.UTF_8).replace("ana.lopez", "rosa.mejia")
                        .getBytes(StandardCharsets.UTF_8), first.payload()));
        assertBroken(AuditChain.verify(otherActor, 4L, null), 1, "altered");

        List<StoredEvent> stripped = chain(4);
        StoredEvent third = stripped.get(3);
        stripped.set(3, new StoredEvent(third.aggregateType(), third.aggregateId(), 3, third.eventId(),
                third.payloadType(), third.payloadRevision(), third.timestamp(),
                "{\"userId\":\"ana.lopez\",\"role\":\"COUNSELOR\"}".getBytes(StandardCharsets.UTF_8), third.payload()));
        assertBroken(AuditChain.verify(stripped, 4L, null), 3, "unchained");

        List<StoredEvent> missing = chain(4);
        missing.remove(1);
        assertBroken(AuditChain.verify(missing, 4L, null), 1, "missing");

        List<StoredEvent> tail = chain(4);
        tail.remove(3);
        assertBroken(AuditChain.verify(tail, 4L, null), 3, "missing");

        List<StoredEvent> reordered = chain(4);
        StoredEvent one = reordered.get(1);
        StoredEvent two = reordered.get(2);
        reordered.set(1, renumbered(two, 1));
        reordered.set(2, renumbered(one, 2));
        assertBroken(AuditChain.verify(reordered, 4L, null), 1, "not-chained");
    }

    private static StoredEvent renumbered(StoredEvent event, long sequence) {
        return new StoredEvent(event.aggregateType(), event.aggregateId(), sequence, event.eventId(), event.payloadType(),
                event.payloadRevision(), event.timestamp(), event.metaData(), event.payload());
    }

    private static void assertBroken(AuditChain.Verification verification, long at, String problem) {
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(at);
        assertThat(verification.problem()).isEqualTo(problem);
    }
}
