package org.casebook.ops.readmodels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.serialization.Serializer;

/**
 * Axon's statements for the JDBC dead-letter queue, with the paging of the sequences ready for a retry
 * mended: Axon 4.13.0 pages them by each sequence's own index ({@code sequence_index >= offset}), which
 * skips parked sequences beyond the first page; 4.13.2 pages the ordered rows with {@code OFFSET}, as
 * here. Axon 4.13.2 is not yet served by the package registry this project builds from; when it is,
 * this class goes.
 */
final class PagedDeadLetterStatements<E extends EventMessage<?>> extends DefaultDeadLetterStatementFactory<E> {

    private final DeadLetterSchema schema;

    private PagedDeadLetterStatements(Builder<E> builder, DeadLetterSchema schema) {
        super(builder);
        this.schema = schema;
    }

    static <E extends EventMessage<?>> PagedDeadLetterStatements<E> of(DeadLetterSchema schema, Serializer serializer,
                                                                       Serializer eventSerializer) {
        Builder<E> builder = DefaultDeadLetterStatementFactory.builder();
        builder.schema(schema).genericSerializer(serializer).eventSerializer(eventSerializer);
        return new PagedDeadLetterStatements<>(builder, schema);
    }

    @Override
    public PreparedStatement claimableSequencesStatement(Connection connection, String processingGroup,
                                                         Instant processingStartedLimit, int offset, int maxSize)
            throws SQLException {
        String sql = "SELECT * FROM " + schema.deadLetterTable() + " dl"
                + " WHERE dl." + schema.processingGroupColumn() + " = ?"
                + " AND dl." + schema.sequenceIndexColumn() + " = ("
                + "SELECT MIN(dl2." + schema.sequenceIndexColumn() + ") FROM " + schema.deadLetterTable() + " dl2"
                + " WHERE dl2." + schema.processingGroupColumn() + " = dl." + schema.processingGroupColumn()
                + " AND dl2." + schema.sequenceIdentifierColumn() + " = dl." + schema.sequenceIdentifierColumn() + ")"
                + " AND (dl." + schema.processingStartedColumn() + " IS NULL"
                + " OR dl." + schema.processingStartedColumn() + " < ?)"
                + " ORDER BY dl." + schema.lastTouchedColumn() + " ASC, dl." + schema.deadLetterIdentifierColumn()
                + " LIMIT ? OFFSET ?";
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, DateTimeUtils.formatInstant(processingStartedLimit));
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }
}
