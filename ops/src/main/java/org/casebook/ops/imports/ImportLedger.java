package org.casebook.ops.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.casebook.command.engagement.ImportEngagementHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The import batches and what each stored ({@code import_batch}, {@code import_item}): an engagement a
 * batch opened, a session or result it added. Items are written in the transaction of their events, so
 * the ledger says exactly what is stored.
 */
@Component
public class ImportLedger {

    /** Where a batch stands. */
    public enum State { RUNNING, DONE, FAILED, REVOKING, REVOKED }

    /** A batch as the ledger keeps it; {@code report} is the JSON of its {@link LegacyImports.Report}. */
    public record Batch(String batchId, String system, String importedBy, State state, Instant startedAt,
                        Instant finishedAt, int engagements, int engagementsDone, long events, String report,
                        Instant revokedAt, String revokedBy, Instant progressAt) {
    }

    /** What a batch stored in one engagement. */
    public record Items(String engagementId, boolean opened, List<String> sessionIds, List<String> resultIds) {
    }

    private final JdbcTemplate jdbc;

    public ImportLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void start(String batchId, String system, String importedBy, int engagements, Instant at) {
        jdbc.update("INSERT INTO import_batch (batch_id, legacy_system, imported_by, state, started_at, engagements_total,"
                + " progress_at) VALUES (?, ?, ?, ?, ?, ?, ?)", batchId, system, importedBy, State.RUNNING.name(),
                Timestamp.from(at), engagements, Timestamp.from(at));
    }

    void progress(String batchId, int engagementsDone, long events, Instant at) {
        jdbc.update("UPDATE import_batch SET engagements_done = ?, events = ?, progress_at = ? WHERE batch_id = ?",
                engagementsDone, events, Timestamp.from(at), batchId);
    }

    void finish(String batchId, State state, int engagementsDone, long events, String report, Instant at) {
        jdbc.update("UPDATE import_batch SET state = ?, engagements_done = ?, events = ?, report = ?, finished_at = ?"
                + " WHERE batch_id = ?", state.name(), engagementsDone, events, report, Timestamp.from(at), batchId);
    }

    void revoking(String batchId, String by, Instant at) {
        jdbc.update("UPDATE import_batch SET state = ?, revoked_by = ?, revoked_at = ? WHERE batch_id = ?",
                State.REVOKING.name(), by, Timestamp.from(at), batchId);
    }

    void revoked(String batchId) {
        jdbc.update("UPDATE import_batch SET state = ? WHERE batch_id = ?", State.REVOKED.name(), batchId);
    }

    /** Records what the command stored: call it in the command's transaction. */
    void record(String batchId, ImportEngagementHistory command, ImportEngagementHistory.Outcome outcome) {
        List<Object[]> rows = new ArrayList<>();
        String engagement = command.engagementId().value();
        if (outcome.opened()) {
            rows.add(new Object[] {engagement, "E", engagement, batchId, command.provenance().legacyId()});
        }
        for (ImportEngagementHistory.ImportedSession row : command.sessions()) {
            if (outcome.sessionIds().contains(row.session().sessionId().value())) {
                rows.add(new Object[] {row.session().sessionId().value(), "S", engagement, batchId, row.legacyId()});
            }
        }
        for (ImportEngagementHistory.ImportedResult row : command.results()) {
            if (outcome.resultIds().contains(row.report().resultId().value())) {
                rows.add(new Object[] {row.report().resultId().value(), "R", engagement, batchId, row.legacyId()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO import_item (item_id, kind, engagement_id, batch_id, legacy_id)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
        }
    }

    /** Which of these ids (engagements, sessions, results) an import stored before. */
    Set<String> stored(Collection<String> ids) {
        Set<String> stored = new HashSet<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 10_000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 10_000));
            stored.addAll(jdbc.query(con -> {
                var select = con.prepareStatement("SELECT item_id FROM import_item WHERE item_id = ANY(?)");
                select.setArray(1, con.createArrayOf("varchar", chunk.toArray()));
                return select;
            }, (rs, n) -> rs.getString(1)));
        }
        return stored;
    }

    /** What the batch stored, engagement by engagement. */
    List<Items> items(String batchId) {
        Map<String, Items> items = new LinkedHashMap<>();
        jdbc.query("SELECT engagement_id, kind, item_id FROM import_item WHERE batch_id = ? ORDER BY engagement_id",
                rs -> {
                    Items current = items.computeIfAbsent(rs.getString(1),
                            id -> new Items(id, false, new ArrayList<>(), new ArrayList<>()));
                    switch (rs.getString(2)) {
                        case "E" -> items.put(current.engagementId(), new Items(current.engagementId(), true,
                                current.sessionIds(), current.resultIds()));
                        case "S" -> current.sessionIds().add(rs.getString(3));
                        default -> current.resultIds().add(rs.getString(3));
                    }
                }, batchId);
        return List.copyOf(items.values());
    }

    Optional<Batch> batch(String batchId) {
        return jdbc.query(SELECT + " WHERE batch_id = ?", ROW, batchId).stream().findFirst();
    }

    /** The batches, newest first. */
    public List<Batch> batches() {
        return jdbc.query(SELECT + " ORDER BY started_at DESC", ROW);
    }

    private static final String SELECT = "SELECT batch_id, legacy_system, imported_by, state, started_at, finished_at,"
            + " engagements_total, engagements_done, events, report, revoked_at, revoked_by, progress_at FROM import_batch";

    private static final org.springframework.jdbc.core.RowMapper<Batch> ROW = (rs, row) -> new Batch(rs.getString(1), rs.getString(2), rs.getString(3), State.valueOf(rs.getString(4)),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getInt(7), rs.getInt(8), rs.getLong(9),
                rs.getString(10), instant(rs.getTimestamp(11)), rs.getString(12), instant(rs.getTimestamp(13)));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
