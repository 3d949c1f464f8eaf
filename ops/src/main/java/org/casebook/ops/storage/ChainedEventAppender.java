package org.casebook.ops.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.casebook.shared.audit.AuditChain;
import org.casebook.shared.audit.StoredEvent;

/**
 * Appends events as Axon's JDBC engine does, and chains each to the one before it: the payload is
 * serialized (its personal values sealed) first, the hash is computed over exactly the bytes stored, and
 * both chain entries go into the event's metadata. The head of each chain ({@code audit_chain_head}) is
 * read and moved in the same transaction, so the chain cannot fork: a second writer of the same sequence
 * loses on the unique key and its whole transaction, head included, rolls back.
 */
public class ChainedEventAppender implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Map<String, Head> heads = new HashMap<>();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                schema.metaDataColumn()) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
            byte[] plainMetaData = serializer.serialize(event.getMetaData(), byte[].class).getData();
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            Head head = heads.computeIfAbsent(event.getAggregateIdentifier(), id -> readHead(connection, id));
            StoredEvent stored = new StoredEvent(event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getIdentifier(), payload.getType().getName(),
                    payload.getType().getRevision(), timestamp, plainMetaData, payload.getData());
            String hash = AuditChain.hash(head.hash, stored, AuditChain.canonicalMetaData(plainMetaData));
            MetaData chained = event.getMetaData().and(AuditChain.PREVIOUS_HASH, head.hash).and(AuditChain.HASH, hash);
            heads.put(event.getAggregateIdentifier(), new Head(event.getSequenceNumber(), hash, true));

            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, serializer.serialize(chained, byte[].class).getData());
            insert.addBatch();
        }
        try (PreparedStatement move = connection.prepareStatement("""
                INSERT INTO audit_chain_head (aggregate_identifier, last_sequence, head_hash) VALUES (?, ?, ?)
                ON CONFLICT (aggregate_identifier) DO UPDATE
                SET last_sequence = excluded.last_sequence, head_hash = excluded.head_hash""")) {
            for (Map.Entry<String, Head> entry : heads.entrySet()) {
                if (entry.getValue().moved) {
                    move.setString(1, entry.getKey());
                    move.setLong(2, entry.getValue().sequence);
                    move.setString(3, entry.getValue().hash);
                    move.addBatch();
                }
            }
            move.executeBatch();
        }
        return insert;
    }

    private static Head readHead(Connection connection, String aggregateId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_sequence, head_hash FROM audit_chain_head WHERE aggregate_identifier = ?")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Head(row.getLong(1), row.getString(2), false)
                        : new Head(-1, AuditChain.GENESIS, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain's head of " + aggregateId + " could not be read", e);
        }
    }

    private record Head(long sequence, String hash, boolean moved) {
    }
}
