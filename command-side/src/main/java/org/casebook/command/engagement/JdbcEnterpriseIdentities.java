package org.casebook.command.engagement;

import java.util.Optional;

import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.EngagementId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The claims as a PostgreSQL table with the identity as its primary key. A second writer of the same
 * identity waits on the key until the first commits, then finds it taken.
 */
@Component
public class JdbcEnterpriseIdentities implements EnterpriseIdentities {

    private final JdbcTemplate jdbc;

    public JdbcEnterpriseIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CenterId> claim(String country, String taxId, EngagementId engagement, CenterId center) {
        int claimed = jdbc.update("""
                INSERT INTO enterprise_identity (country, tax_id, engagement_id, center_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (country, tax_id) DO NOTHING""", country, taxId, engagement.value(), center.value());
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.query("SELECT engagement_id, center_id FROM enterprise_identity WHERE country = ? AND tax_id = ?",
                        (row, index) -> row.getString("engagement_id").equals(engagement.value())
                                ? null : new CenterId(row.getString("center_id")), country, taxId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public Optional<CenterId> holder(String country, String taxId) {
        return jdbc.queryForList("SELECT center_id FROM enterprise_identity WHERE country = ? AND tax_id = ?",
                String.class, country, taxId).stream().findFirst().map(CenterId::new);
    }

    @Override
    public void move(String country, String taxId, EngagementId engagement, CenterId center) {
        jdbc.update("UPDATE enterprise_identity SET center_id = ? WHERE country = ? AND tax_id = ? AND engagement_id = ?",
                center.value(), country, taxId, engagement.value());
    }

    @Override
    public void release(String country, String taxId, EngagementId engagement) {
        jdbc.update("DELETE FROM enterprise_identity WHERE country = ? AND tax_id = ? AND engagement_id = ?",
                country, taxId, engagement.value());
    }

    @Override
    public void forget(EngagementId engagement) {
        jdbc.update("DELETE FROM enterprise_identity WHERE engagement_id = ?", engagement.value());
    }
}
