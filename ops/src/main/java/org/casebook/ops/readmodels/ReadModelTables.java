package org.casebook.ops.readmodels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.casebook.shared.refusal.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read models' versions and builds as PostgreSQL records them, shared by every node: which version
 * serves each read model, and every version built beside it. A switch is one transaction, so every node
 * sees the same serving version.
 */
@Component
public class ReadModelTables {

    /** Whom a version is built for: a rebuild (every node folds it) or a consistency check (one process). */
    public enum Kind { REBUILD, CHECK }

    public enum Status { RUNNING, SWITCHED, CANCELLED, FAILED, CHECKED }

    /** A version built beside the serving one. */
    public record Build(long id, String readModel, int version, Kind kind, Status status, Integer replaced,
                        Instant startedAt, String startedBy, Instant finishedAt, String failure, Instant droppedAt) {

        public boolean running() {
            return status == Status.RUNNING;
        }
    }

    private static final String BUILD_COLUMNS =
            "id, name, version, kind, status, replaced, started_at, started_by, finished_at, failure, dropped_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ReadModelTables(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The serving version of each read model that was ever switched; the others serve their first. */
    public Map<String, Integer> servingVersions() {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.query("SELECT name, version FROM read_model_version", row -> {
            versions.put(row.getString(1), row.getInt(2));
        });
        return versions;
    }

    /** When the serving version took over, if it was ever switched. */
    public Optional<Instant> switchedAt(String readModel) {
        return jdbc.query("SELECT switched_at FROM read_model_version WHERE name = ?",
                (row, n) -> instant(row, 1), readModel).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Records a new version of the read model to build, numbered after every version it ever had.
     *
     * @throws Refusal (conflict) when a rebuild of this read model is already running
     */
    public Build start(String readModel, Kind kind, String startedBy, int firstVersion) {
        try {
            return transaction.execute(status -> {
                jdbc.update("INSERT INTO read_model_version (name, version) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                        readModel, firstVersion);
                int serving = jdbc.queryForObject("SELECT version FROM read_model_version WHERE name = ? FOR UPDATE",
                        Integer.class, readModel);
                Integer highest = jdbc.queryForObject("SELECT max(version) FROM read_model_build WHERE name = ?",
                        Integer.class, readModel);
                int version = Math.max(serving, highest == null ? 0 : highest) + 1;
                return jdbc.queryForObject("INSERT INTO read_model_build (name, version, kind, status, started_at, started_by)"
                                + " VALUES (?, ?, ?, 'RUNNING', now(), ?) RETURNING " + BUILD_COLUMNS,
                        ReadModelTables::build, readModel, version, kind.name(), startedBy);
            });
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("rebuild-running", readModel);
        }
    }

    /** The rebuild of the read model that runs now, if one does. */
    public Optional<Build> runningRebuild(String readModel) {
        return jdbc.query("SELECT " + BUILD_COLUMNS + " FROM read_model_build WHERE name = ? AND kind = 'REBUILD'"
                + " AND status = 'RUNNING'", ReadModelTables::build, readModel).stream().findFirst();
    }

    /** The read model's latest rebuild, whatever became of it. */
    public Optional<Build> latestRebuild(String readModel) {
        return jdbc.query("SELECT " + BUILD_COLUMNS + " FROM read_model_build WHERE name = ? AND kind = 'REBUILD'"
                + " ORDER BY id DESC LIMIT 1", ReadModelTables::build, readModel).stream().findFirst();
    }

    /** Every build still running, and every finished one whose left-behind version is not dropped yet. */
    public List<Build> openBuilds() {
        return jdbc.query("SELECT " + BUILD_COLUMNS + " FROM read_model_build WHERE status = 'RUNNING' OR dropped_at IS NULL"
                + " ORDER BY id", ReadModelTables::build);
    }

    public Optional<Build> build(long id) {
        return jdbc.query("SELECT " + BUILD_COLUMNS + " FROM read_model_build WHERE id = ?", ReadModelTables::build, id)
                .stream().findFirst();
    }

    /**
     * Makes the rebuilt version the serving one, if the version it was built beside still serves and the
     * rebuild still runs: one transaction, whichever node gets there first.
     */
    public boolean switchTo(Build build, int replaced) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int finished = jdbc.update("UPDATE read_model_build SET status = 'SWITCHED', replaced = ?, finished_at = now()"
                    + " WHERE id = ? AND status = 'RUNNING'", replaced, build.id());
            if (finished != 1) {
                return false;
            }
            jdbc.update("INSERT INTO read_model_version (name, version) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    build.readModel(), replaced);
            int switched = jdbc.update("UPDATE read_model_version SET version = ?, switched_at = now()"
                    + " WHERE name = ? AND version = ?", build.version(), build.readModel(), replaced);
            if (switched != 1) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /** Ends a running build without a switch; false if it was not running. */
    public boolean finish(long id, Status status, String failure) {
        return jdbc.update("UPDATE read_model_build SET status = ?, failure = ?, finished_at = now()"
                + " WHERE id = ? AND status = 'RUNNING'", status.name(), failure, id) == 1;
    }

    /** Claims the dropping of what a finished build left behind; true for the one node that does it. */
    public boolean claimDrop(long id) {
        return jdbc.update("UPDATE read_model_build SET dropped_at = now() WHERE id = ? AND dropped_at IS NULL"
                + " AND status <> 'RUNNING'", id) == 1;
    }

    /** Says this node is alive. */
    public void heartbeat(String node) {
        jdbc.update("INSERT INTO casebook_node (node_id, started_at, seen_at) VALUES (?, now(), now())"
                + " ON CONFLICT (node_id) DO UPDATE SET seen_at = now()", node);
    }

    /** How many nodes said they were alive within this time. */
    public int liveNodes(java.time.Duration within) {
        Integer live = jdbc.queryForObject("SELECT count(*) FROM casebook_node WHERE seen_at > now() - ?::interval",
                Integer.class, within.toMillis() + " milliseconds");
        return live == null ? 0 : live;
    }

    /** A node that stops says so, and its share goes to the others at once. */
    public void leave(String node) {
        jdbc.update("DELETE FROM casebook_node WHERE node_id = ?", node);
    }

    /** The global index of the newest event; -1 when there is none. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** When the first event after this position was recorded, if there is one. */
    public Optional<Instant> recordedAfter(long position) {
        return jdbc.query("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1",
                (row, n) -> Instant.parse(row.getString(1)), position).stream().findFirst();
    }

    /** The stored tracking tokens of a processor, one row per segment. */
    public List<TokenRow> tokens(String processor) {
        return tokens(List.of(processor));
    }

    public List<TokenRow> tokens(List<String> processors) {
        if (processors.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(processors.size(), "?"));
        return jdbc.query("SELECT processor_name, segment, token, token_type, owner, time_stamp FROM token_entry"
                        + " WHERE processor_name IN (" + marks + ") ORDER BY processor_name, segment",
                (row, n) -> new TokenRow(row.getString(1), row.getInt(2), row.getBytes(3), row.getString(4),
                        row.getString(5), row.getString(6) == null ? null : Instant.parse(row.getString(6))),
                processors.toArray());
    }

    /** Forgets how far a processor got, and the events it parked: its version is gone. */
    public void forget(String processor) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor);
            jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", processor);
        });
    }

    /** One segment's stored token, as the token store keeps it. */
    public record TokenRow(String processor, int segment, byte[] token, String tokenType, String owner, Instant claimedAt) {
    }

    private static Build build(ResultSet row, int n) throws SQLException {
        int replacedVersion = row.getInt("replaced");
        Integer replaced = row.wasNull() ? null : replacedVersion;
        return new Build(row.getLong("id"), row.getString("name"), row.getInt("version"), Kind.valueOf(row.getString("kind")),
                Status.valueOf(row.getString("status")), replaced, instant(row, "started_at"),
                row.getString("started_by"), instant(row, "finished_at"), row.getString("failure"),
                instant(row, "dropped_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
