package org.casebook.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.audit.AuditChain;
import org.casebook.shared.audit.StoredEvent;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit's reads of PostgreSQL, the source of truth: events in their stored form, the chains' heads,
 * and the record of who read which audit history.
 */
@Component
public class AuditRecords {

    private static final String COLUMNS = "type, aggregate_identifier, sequence_number, event_identifier, "
            + "payload_type, payload_revision, time_stamp, meta_data, payload";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public AuditRecords(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2_000);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        // Heads and events from one snapshot: an event appended meanwhile is in neither or in both.
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The chain's head: how many events it holds and its last hash. */
    public record Head(long events, String hash) {
    }

    /** An engagement's events as stored, in sequence order. */
    public List<StoredEvent> storedEvents(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", (row, n) -> stored(row), aggregateId);
    }

    public Optional<Head> head(String aggregateId) {
        return jdbc.query("SELECT last_sequence, head_hash FROM audit_chain_head WHERE aggregate_identifier = ?",
                (row, n) -> new Head(row.getLong(1) + 1, row.getString(2)), aggregateId).stream().findFirst();
    }

    /** Recomputes one chain from PostgreSQL and holds it against the chain's recorded head. */
    public AuditChain.Verification verify(String aggregateId) {
        return readOnly.execute(status -> {
            Optional<Head> head = head(aggregateId);
            return AuditChain.verify(storedEvents(aggregateId), head.map(Head::events).orElse(null),
                    head.map(Head::hash).orElse(null));
        });
    }

    /** The chain's head and its events up to that head, read from one snapshot of the store. */
    public record Chain(Optional<Head> head, List<StoredEvent> events) {
    }

    public Chain chain(String aggregateId) {
        return readOnly.execute(status -> new Chain(head(aggregateId), storedEvents(aggregateId)));
    }

    /**
     * Recomputes every chain in the store, reading the events once in aggregate order, and hands each
     * aggregate's verification to {@code each}. A head without events is a chain whose events are all gone.
     */
    public void verifyAll(BiConsumer<String, AuditChain.Verification> each) {
        Map<String, Head> heads = new HashMap<>();
        readOnly.executeWithoutResult(status -> {
            jdbc.query("SELECT aggregate_identifier, last_sequence, head_hash FROM audit_chain_head",
                    row -> {
                        heads.put(row.getString(1), new Head(row.getLong(2) + 1, row.getString(3)));
                    });
            List<StoredEvent> chain = new ArrayList<>();
            streaming.query("SELECT " + COLUMNS + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number",
                    row -> {
                        StoredEvent event = stored(row);
                        if (!chain.isEmpty() && !chain.get(0).aggregateId().equals(event.aggregateId())) {
                            finish(chain, heads, each);
                        }
                        chain.add(event);
                    });
            finish(chain, heads, each);
        });
        // Heads left over: chains whose every event is gone.
        heads.forEach((aggregate, head) -> each.accept(aggregate, AuditChain.verify(List.of(), head.events(), head.hash())));
    }

    private static void finish(List<StoredEvent> chain, Map<String, Head> heads,
                               BiConsumer<String, AuditChain.Verification> each) {
        if (chain.isEmpty()) {
            return;
        }
        String aggregate = chain.get(0).aggregateId();
        Head head = heads.remove(aggregate);
        each.accept(aggregate, AuditChain.verify(chain, head == null ? null : head.events(),
                head == null ? null : head.hash()));
        chain.clear();
    }

    /** Who read what, when; every audit history, verification and export read is recorded. */
    public record Reading(java.time.Instant readAt, String userId, String roles, String what, String engagementId,
                          String programme, String period, String correlationId) {
    }

    public void recordReading(Actor reader, String what, String engagementId, String programme, String period) {
        jdbc.update("""
                INSERT INTO audit_reading (user_id, roles, what, engagement_id, programme, period, correlation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", reader.userId(),
                reader.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")), what,
                engagementId, programme, period, MDC.get("correlationId"));
    }

    /** The readings of one engagement's audit history, or every reading when {@code engagementId} is null; newest first. */
    public List<Reading> readings(String engagementId, int limit) {
        String where = engagementId == null ? "" : " WHERE engagement_id = ?";
        Object[] arguments = engagementId == null ? new Object[] {limit} : new Object[] {engagementId, limit};
        return jdbc.query("SELECT read_at, user_id, roles, what, engagement_id, programme, period, correlation_id "
                + "FROM audit_reading" + where + " ORDER BY read_at DESC, reading_id DESC LIMIT ?",
                (row, n) -> new Reading(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8)),
                arguments);
    }

    private static StoredEvent stored(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9));
    }
}
