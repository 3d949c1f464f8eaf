package org.casebook.command.reference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.casebook.shared.event.CenterDefined;
import org.casebook.shared.event.ProgrammeDefined;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The centers and programmes defined so far, as PostgreSQL tables beside the events. A subscribing
 * processor keeps them, in the same transaction as the event that defines them, so a center exists
 * for every later command the moment its definition is stored.
 */
@Component
@ProcessingGroup(ReferenceRegistry.PROCESSING_GROUP)
public class ReferenceRegistry implements ReferenceData {

    public static final String PROCESSING_GROUP = "reference-registry";

    private final JdbcTemplate jdbc;

    public ReferenceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CenterDefined event) {
        jdbc.update("""
                INSERT INTO center (center_id, name, country) VALUES (?, ?, ?)
                ON CONFLICT (center_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country""",
                event.centerId().value(), event.name(), event.country());
    }

    @EventHandler
    void on(ProgrammeDefined event) {
        jdbc.update("""
                INSERT INTO programme (code, name, funder) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, funder = EXCLUDED.funder""",
                event.code().value(), event.name(), event.funder());
    }

    @Override
    public boolean centerExists(CenterId center) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM center WHERE center_id = ?)", Boolean.class, center.value()));
    }

    @Override
    public boolean programmeExists(ProgrammeCode programme) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM programme WHERE code = ?)", Boolean.class, programme.value()));
    }
}
