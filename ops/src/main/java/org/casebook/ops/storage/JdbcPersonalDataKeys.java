package org.casebook.ops.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.casebook.shared.personal.PersonalDataKeys;
import org.casebook.shared.personal.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clients' keys in PostgreSQL ({@code personal_data_key}). Erasing a key also deletes the
 * engagement's snapshots, the one other stored form that could hold its personal data opened. Sealing always asks the database, inside
 * the writing transaction, so a key is never used unless it is stored with the events it sealed. Keys to
 * open with are cached; every node looks for keys erased on any node every {@code erasurePoll} and
 * forgets them, so an erased key is gone everywhere within that time.
 */
public class JdbcPersonalDataKeys implements PersonalDataKeys, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPersonalDataKeys.class);
    private static final byte[] ERASED = new byte[0];

    private final JdbcTemplate jdbc;
    private final Cache<String, byte[]> opening;
    private final ScheduledExecutorService poller;
    private volatile Instant erasuresSeenUntil;

    public JdbcPersonalDataKeys(JdbcTemplate jdbc, Duration erasurePoll) {
        this.jdbc = jdbc;
        this.opening = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(10)).build();
        this.erasuresSeenUntil = Instant.EPOCH;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "personal-data-erasures");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::forgetErased, erasurePoll.toMillis(), erasurePoll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<byte[]> keyToSeal(String engagementId) {
        List<byte[]> key = jdbc.query("""
                WITH made AS (
                    INSERT INTO personal_data_key (engagement_id, data_key) VALUES (?, ?)
                    ON CONFLICT (engagement_id) DO NOTHING RETURNING data_key)
                SELECT data_key FROM made
                UNION ALL SELECT data_key FROM personal_data_key WHERE engagement_id = ?""",
                (row, n) -> row.getBytes(1), engagementId, Sealing.newKey(), engagementId);
        if (key.isEmpty()) {
            // Another transaction made the key at the same moment; the statement's snapshot could not see it.
            key = jdbc.query("SELECT data_key FROM personal_data_key WHERE engagement_id = ?",
                    (row, n) -> row.getBytes(1), engagementId);
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("No personal-data key could be made for engagement " + engagementId);
        }
        return Optional.ofNullable(key.get(0));
    }

    @Override
    public Optional<byte[]> keyToOpen(String engagementId) {
        byte[] key = opening.get(engagementId, id -> {
            List<byte[]> found = jdbc.query("SELECT data_key FROM personal_data_key WHERE engagement_id = ?",
                    (row, n) -> row.getBytes(1), id);
            return found.isEmpty() || found.get(0) == null ? ERASED : found.get(0);
        });
        return key.length == 0 ? Optional.empty() : Optional.of(key);
    }

    @Override
    public boolean erase(String engagementId) {
        opening.invalidate(engagementId);
        int changed = jdbc.update("""
                INSERT INTO personal_data_key (engagement_id, data_key, erased_at) VALUES (?, NULL, now())
                ON CONFLICT (engagement_id) DO UPDATE SET data_key = NULL, erased_at = now()
                WHERE personal_data_key.erased_at IS NULL""", engagementId);
        // Snapshots hold the engagement's state as it was, opened; they are taken again from the events.
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", engagementId);
        return changed > 0;
    }

    /** Forgets the keys erased since the last look, on whichever node they were erased. */
    void forgetErased() {
        try {
            // The database's clock on both sides; a little overlap, so an erasure whose transaction began
            // before the last look but committed after it is not missed.
            Instant until = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
            jdbc.query("SELECT engagement_id FROM personal_data_key WHERE erased_at >= ?",
                    row -> {
                        opening.invalidate(row.getString(1));
                    }, Timestamp.from(erasuresSeenUntil.minusSeconds(60)));
            erasuresSeenUntil = until;
        } catch (RuntimeException e) {
            LOG.warn("Could not look for erased personal-data keys; will try again: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
