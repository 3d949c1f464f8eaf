package org.casebook.ops.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.apache.commons.logging.Log;
import org.casebook.ops.start.StartRefused;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded databases of one application context: a real PostgreSQL, started from its binaries,
 * and a MongoDB wire-protocol server over an H2 file. Both listen on loopback only and keep their
 * files under the data directory, so a restart keeps everything. Closed with the context, after
 * every bean that uses them.
 */
final class EmbeddedDatabases implements DisposableBean {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String ANOTHER_DIRECTORY = "Stop the other process, or give this one another directory with "
            + StartRefused.named("casebook.embedded.data-directory") + ".";
    /** What H2 says of a file it cannot make sense of: corrupt, a chunk or block missing, an unknown format. */
    private static final java.util.Set<Integer> UNREADABLE = java.util.Set.of(DataUtils.ERROR_FILE_CORRUPT,
            DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND, DataUtils.ERROR_UNSUPPORTED_FORMAT);

    private final Log log;

    private EmbeddedPostgres postgres;
    private H2Backend backend;
    private MongoServer mongo;
    private FileChannel claim;

    /** @param log a log that may be written before the logging system is set up */
    EmbeddedDatabases(Log log) {
        this.log = log;
    }

    /**
     * Claims the data directory for this process with a lock the operating system releases when the
     * process ends, however it ends; refuses when another live process holds it. An embedded PostgreSQL
     * still running on the directory then outlived a process that was killed: it is stopped, so that
     * this process can start its own.
     */
    void claim(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
            claim = FileChannel.open(directory.resolve("casebook.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (claim.tryLock() == null) {
                claim.close();
                claim = null;
                throw new StartRefused("Another Casebook process uses the data directory " + directory + ".",
                        ANOTHER_DIRECTORY);
            }
        } catch (OverlappingFileLockException e) {
            throw new StartRefused("This process already uses the data directory " + directory + ".",
                    ANOTHER_DIRECTORY, e);
        } catch (IOException e) {
            throw new StartRefused("Casebook cannot write in the data directory " + directory + " (" + e + ").",
                    ANOTHER_DIRECTORY, e);
        }
        stopOutlivedPostgres(directory.resolve("postgres"));
    }

    private void stopOutlivedPostgres(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
            if (postmaster.isPresent()) {
                log.warn("An embedded PostgreSQL (process " + pid + ") outlived the process that started it on "
                        + directory + "; stopping it");
                postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown, no clients are left
                postmaster.get().onExit().get(2, TimeUnit.MINUTES);
            }
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            log.warn("Could not check for an embedded PostgreSQL left running on " + directory + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts PostgreSQL with durability on: the library's defaults (no fsync, asynchronous commit)
     * suit throw-away test databases, not a counselor's records.
     */
    String startPostgres(EmbeddedProperties properties) {
        Path directory = properties.dataDirectory().resolve("postgres").toAbsolutePath();
        requireFree(properties.postgresPort(), "PostgreSQL", "casebook.embedded.postgres-port", null);
        try {
            Files.createDirectories(directory.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(properties.postgresPort())
                    .setServerConfig("listen_addresses", LOOPBACK)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // After a crash PostgreSQL first replays its write-ahead log, which can take longer than
                    // the library's 10 seconds; giving up then would keep the service down.
                    .setPGStartupWait(java.time.Duration.ofMinutes(2))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + directory, e);
        }
        requireDurability();
        String url = "jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/postgres";
        log.info("Embedded PostgreSQL: " + url + " (user postgres, no password: psql -h " + LOOPBACK + " -p "
                + postgres.getPort() + " -U postgres), data in " + directory);
        return url;
    }

    String startMongo(EmbeddedProperties properties) {
        Path file = properties.dataDirectory().resolve("mongo").resolve("read-models.mv.db").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        try {
            backend = open(file, properties.mongoCacheMb());
        } catch (MVStoreException e) {
            if (!UNREADABLE.contains(e.getErrorCode())) {
                throw e; // locked by another process, a failed read of the disk: nothing to rebuild
            }
            // The read models are rebuilt from the events whenever they are lost; a file that cannot be read
            // is lost too. It is kept beside the new one for whoever wants to look at it.
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside);
            } catch (IOException moving) {
                throw new UncheckedIOException("Cannot set aside the unreadable " + file, moving);
            }
            log.warn("The embedded MongoDB server's file cannot be read (" + e.getMessage() + "): moved it to "
                    + aside + "; the read models are rebuilt from the events");
            backend = open(file, properties.mongoCacheMb());
        }
        requireFree(properties.mongoPort(), "MongoDB server", "casebook.embedded.mongo-port", null);
        mongo = new MongoServer(backend);
        try {
            mongo.bind(new InetSocketAddress(LOOPBACK, properties.mongoPort()));
        } catch (RuntimeException e) {
            requireFree(properties.mongoPort(), "MongoDB server", "casebook.embedded.mongo-port", e);
            throw e;
        }
        String uri = "mongodb://" + LOOPBACK + ":" + mongo.getLocalAddress().getPort();
        log.info("Embedded MongoDB server: " + uri + " (read models, rebuilt from the events when lost), data in "
                + file + ", cache " + properties.mongoCacheMb() + " MB");
        return uri;
    }

    /** Refuses to start on a port that another program already listens on, naming the setting that moves it. */
    private static void requireFree(int port, String database, String setting, Throwable failure) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException taken) {
            throw new StartRefused("The embedded " + database + " cannot listen on " + LOOPBACK + ":" + port
                    + ": another program uses that port.", "Stop that program, or choose another port with "
                    + StartRefused.named(setting) + "; 0 takes any free port.", failure == null ? taken : failure);
        }
    }

    /**
     * Opens the file and reads every collection into the backend's indexes. The backend's own way of
     * opening its file keeps H2's default cache of 16 MB: at a network's size nearly every read would
     * decode its page again (Java serialization), the bulk of a query.
     */
    static H2Backend open(Path file, int cacheMb) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
        try {
            return new CommittingH2Backend(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    private void requireDurability() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (var setting : Map.of("fsync", "on", "synchronous_commit", "on").entrySet()) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting.getKey())) {
                    result.next();
                    if (!setting.getValue().equals(result.getString(1))) {
                        throw new IllegalStateException("The embedded PostgreSQL runs with " + setting.getKey()
                                + "=" + result.getString(1) + "; Casebook needs " + setting.getValue());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the embedded PostgreSQL's settings", e);
        }
    }

    /** Stops each database that started, and releases the directory, whatever fails on the way. */
    @Override
    public void destroy() throws IOException {
        IOException failed = null;
        try {
            if (mongo != null) {
                mongo.shutdown();
            } else if (backend != null) {
                backend.close();
            }
        } finally {
            mongo = null;
            backend = null;
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException e) {
                failed = e;
            } finally {
                postgres = null;
                if (claim != null) {
                    claim.close();
                    claim = null;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
