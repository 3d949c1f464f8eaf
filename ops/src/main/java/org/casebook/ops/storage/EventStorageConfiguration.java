package org.casebook.ops.storage;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.casebook.shared.json.CasebookJson;
import org.casebook.shared.personal.PersonalDataKeys;
import org.casebook.shared.upcast.SessionParticipantsUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store, tokens, sagas and dead letters in PostgreSQL through Axon's JDBC engine. The tables
 * are created by the Flyway migrations under {@code db/migration}, in snake_case; these schema beans
 * tell Axon their names. Everything is serialized as readable JSON.
 */
@Configuration(proxyBeanMethods = false)
public class EventStorageConfiguration {

    /** PostgreSQL's SQLState for a unique key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return new TokenSchema.Builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Two writers appending the same sequence number to an engagement collide on the unique key. Axon's
     * default resolver does not know PostgreSQL's code for that, and the lost race would surface as a
     * storage failure instead of a concurrency conflict.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        JdbcSQLErrorCodesResolver fallback = new JdbcSQLErrorCodesResolver();
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return fallback.isDuplicateKeyViolation(exception);
        };
    }

    /** Old revisions of events read as their current revision; registered with Axon as every upcaster bean is. */
    @Bean
    public SessionParticipantsUpcaster sessionParticipantsUpcaster() {
        return new SessionParticipantsUpcaster();
    }

    /** One JSON form for events, messages, tokens and sagas: readable with {@code convert_from(payload, 'UTF8')}. */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(CasebookJson.newMapper()).build();
    }

    /** Events: JSON with the personal values of each client sealed with their key. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(PersonalDataKeys personalDataKeys) {
        return new SealingSerializer(JacksonSerializer.builder().objectMapper(CasebookJson.newMapper()).build(),
                personalDataKeys);
    }

    @Bean
    public JdbcPersonalDataKeys personalDataKeys(DataSource dataSource,
                                                 @Value("${casebook.personal-data.erasure-poll:2s}") Duration erasurePoll,
                                                 @Value("${casebook.personal-data.master-key:}") String masterKey) {
        return new JdbcPersonalDataKeys(new JdbcTemplate(dataSource), erasurePoll,
                masterKey.isBlank() ? null : java.util.Base64.getDecoder().decode(masterKey.strip()));
    }

    /**
     * Axon's JDBC engine as its auto-configuration would build it, except that every event is chained to
     * the one before it on the way in (see {@link ChainedEventAppender}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                // Snapshots hold an engagement's tax id: sealed like the events', erased with them.
                .snapshotSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(new ChainedEventAppender())
                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(CasebookJson.newMapper()).build();
    }
}
