package org.casebook.ops.readmodels;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.casebook.shared.refusal.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events the read models could not fold, parked in Axon's dead-letter queue in PostgreSQL by
 * processor: listed, retried (once the fault is mended, the engagement's parked events fold in order)
 * or evicted (given up: the read model goes on without them, and a rebuild meets them again).
 */
@Component
public class DeadLetters {

    /** One parked event. {@code engagementId} is the sequence it holds up: later events of it are parked too. */
    public record Parked(String id, String readModel, int version, String engagementId, long sequenceIndex,
                         String eventType, String eventId, Long eventSequence, Instant recordedAt,
                         Instant parkedAt, Instant lastTried, String cause, String causeMessage) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModelProcessors processors;

    public DeadLetters(DataSource dataSource, ReadModelProcessors processors) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.processors = processors;
    }

    public List<Parked> list() {
        return jdbc.query("SELECT dead_letter_id, processing_group, sequence_identifier, sequence_index, payload_type,"
                + " event_identifier, sequence_number, time_stamp, enqueued_at, last_touched, cause_type, cause_message"
                + " FROM dead_letter_entry ORDER BY processing_group, sequence_identifier, sequence_index", (row, n) -> {
            String[] version = ReadModelProcessors.readModelAndVersion(row.getString(2));
            long sequence = row.getLong(7);
            return new Parked(row.getString(1), version[0], Integer.parseInt(version[1]), row.getString(3),
                    row.getLong(4), simpleName(row.getString(5)), row.getString(6), row.wasNull() ? null : sequence,
                    instant(row.getString(8)), instant(row.getString(9)), instant(row.getString(10)),
                    row.getString(11), row.getString(12));
        });
    }

    /** How many events each processor has parked. */
    public Map<String, Long> countsByProcessor() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Folds the parked engagement's events again, in order, from the first parked one.
     *
     * @return how many of that engagement's events stay parked (none: all folded)
     */
    public long retry(String id) {
        String[] at = find(id);
        ReadModelProcessors.Run run = processors.run(at[0])
                .orElseThrow(() -> Refusal.conflict("dead-letter-not-folded-here", id));
        String sequence = at[1];
        run.deadLettering().process(letter -> sequence.equals(sequenceOf(letter)));
        return run.deadLetters().sequenceSize(sequence);
    }

    /** Gives up on one parked event: it is removed, and the engagement's later parked events no longer wait for it. */
    public void evict(String id) {
        String[] at = find(id);
        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = processors.run(at[0])
                .map(ReadModelProcessors.Run::deadLetters).orElseGet(() -> processors.deadLetterQueue(at[0]));
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(at[1])) {
            if (letter instanceof JdbcDeadLetter<?> stored && stored.getIdentifier().equals(id)) {
                queue.evict(letter);
                return;
            }
        }
        throw Refusal.notFound("dead-letter-unknown", id);
    }

    /** The processor and the sequence of a parked event. */
    private String[] find(String id) {
        return jdbc.query("SELECT processing_group, sequence_identifier FROM dead_letter_entry WHERE dead_letter_id = ?",
                (row, n) -> new String[] {row.getString(1), row.getString(2)}, id).stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("dead-letter-unknown", id));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
