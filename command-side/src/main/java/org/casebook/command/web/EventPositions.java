package org.casebook.command.web;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where an engagement's latest event sits in the global event stream. A client that sends this
 * position with a query reads its own write; the lookup uses the (aggregate, sequence) unique index.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;
    private final String sql;

    public EventPositions(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.sql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
    }

    public long lastPositionOf(String aggregateId) {
        Long position = jdbc.queryForObject(sql, Long.class, aggregateId);
        return position == null ? -1 : position;
    }
}
