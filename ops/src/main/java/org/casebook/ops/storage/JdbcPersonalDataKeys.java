package org.casebook.ops.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The clients' keys in PostgreSQL ({@code personal_data_key}), wrapped under a master key held outside
 * the database when one is configured. Erasing a key also deletes the
 * engagement's snapshots, the one other stored form that could hold its personal data opened. Sealing always asks the database, inside
 * the writing transaction, so a key is never used unless it is stored with the events it sealed. Keys to
 * open with are cached; every node looks for keys erased on any node every {@code erasurePoll} and
 * forgets them, so an erased key is gone everywhere within that time.
 */
public class JdbcPersonalDataKeys implements PersonalDataKeys, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPersonalDataKeys.class);
    private static final byte[] ERASED = new byte[0];

    private final JdbcTemplate jdbc;
    private final byte[] masterKey;
    private final Cache<String, byte[]> opening;
    private final ScheduledExecutorService poller;
    private volatile Instant erasuresSeenUntil;

    /** @param masterKey the key that wraps the clients' keys (32 bytes), or {@code null} to store them as they are */
    public JdbcPersonalDataKeys(JdbcTemplate jdbc, Duration erasurePoll, byte[] masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey == null ? null : masterKey.clone();
        if (masterKey != null && masterKey.length != Sealing.KEY_BYTES) {
            throw new IllegalArgumentException("The personal-data master key must be " + Sealing.KEY_BYTES
                    + " bytes (base64 of 32 random bytes)");
        }
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

    /**
     * The key to seal with, asked of the database once a transaction: the events a command stores for an
     * engagement (an imported history: dozens) are sealed with the key the first of them found or made.
     */
    @Override
    public Optional<byte[]> keyToSeal(String engagementId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return askKeyToSeal(engagementId);
        }
        @SuppressWarnings("unchecked")
        Map<String, Optional<byte[]>> asked = (Map<String, Optional<byte[]>>) TransactionSynchronizationManager
                .getResource(this);
        if (asked == null) {
            asked = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, asked);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcPersonalDataKeys.this);
                }
            });
        }
        return asked.computeIfAbsent(engagementId, this::askKeyToSeal);
    }

    private Optional<byte[]> askKeyToSeal(String engagementId) {
        byte[] fresh = Sealing.newKey();
        List<byte[]> key = jdbc.query("""
                WITH made AS (
                    INSERT INTO personal_data_key (engagement_id, data_key, wrapped) VALUES (?, ?, ?)
                    ON CONFLICT (engagement_id) DO NOTHING RETURNING data_key, wrapped)
                SELECT data_key, wrapped FROM made
                UNION ALL SELECT data_key, wrapped FROM personal_data_key WHERE engagement_id = ?""",
                (row, n) -> unwrapped(engagementId, row.getBytes(1), row.getBoolean(2)), engagementId,
                masterKey == null ? fresh : Sealing.encrypt(masterKey, fresh, associated(engagementId)),
                masterKey != null, engagementId);
        if (key.isEmpty()) {
            // Another transaction made the key at the same moment; the statement's snapshot could not see it.
            key = jdbc.query("SELECT data_key, wrapped FROM personal_data_key WHERE engagement_id = ?",
                    (row, n) -> unwrapped(engagementId, row.getBytes(1), row.getBoolean(2)), engagementId);
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("No personal-data key could be made for engagement " + engagementId);
        }
        return Optional.ofNullable(key.get(0));
    }

    @Override
    public Optional<byte[]> keyToOpen(String engagementId) {
        byte[] key = opening.get(engagementId, id -> {
            List<byte[]> found = jdbc.query("SELECT data_key, wrapped FROM personal_data_key WHERE engagement_id = ?",
                    (row, n) -> unwrapped(id, row.getBytes(1), row.getBoolean(2)), id);
            return found.isEmpty() || found.get(0) == null ? ERASED : found.get(0);
        });
        return key.length == 0 ? Optional.empty() : Optional.of(key);
    }

    @Override
    public boolean erase(String engagementId) {
        opening.invalidate(engagementId);
        if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> asked) {
            asked.remove(engagementId);
        }
        int changed = jdbc.update("""
                INSERT INTO personal_data_key (engagement_id, data_key, erased_at) VALUES (?, NULL, now())
                ON CONFLICT (engagement_id) DO UPDATE SET data_key = NULL, wrapped = false, erased_at = now()
                WHERE personal_data_key.erased_at IS NULL""", engagementId);
        // Snapshots hold the engagement's state as it was, opened; they are taken again from the events.
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", engagementId);
        return changed > 0;
    }

    /** The client's key as stored, unwrapped if it was wrapped; {@code null} if erased. */
    private byte[] unwrapped(String engagementId, byte[] stored, boolean wrapped) {
        if (stored == null || !wrapped) {
            return stored;
        }
        if (masterKey == null) {
            throw new IllegalStateException("The clients' keys are wrapped under a master key: set "
                    + "casebook.personal-data.master-key (CASEBOOK_PERSONAL_DATA_MASTER_KEY) to the one they were made with");
        }
        return Sealing.decrypt(masterKey, stored, associated(engagementId));
    }

    private static byte[] associated(String engagementId) {
        return ("personal-data-key|" + engagementId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
