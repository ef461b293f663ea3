package com.dateline.base;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the H2 file from growing without bound. With {@code WRITE_DELAY=0} (application.properties) every commit writes
 * a new chunk to the file, and H2 stops the background thread that would otherwise rewrite half-empty chunks and give
 * the space back: measured here, the file grew by about 20 KB per commit and only shrank at a clean shutdown. This
 * does that thread's work once a minute, for at most {@value #MAX_PAUSE_MS} ms, while writers wait.
 */
@Component
class DatabaseHousekeeping implements SmartLifecycle {

    /** Writers wait while the file is compacted; a tenth of a second a minute is not noticed. */
    static final int MAX_PAUSE_MS = 100;

    /** Below this share of live data in the file's chunks, compacting is worth the pause. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    private static final Logger log = LoggerFactory.getLogger(DatabaseHousekeeping.class);

    private final DataSource dataSource;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    DatabaseHousekeeping(DataSource dataSource, @Value("${dateline.database.housekeeping-interval:1m}") Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /** Compacts the file if enough of it is garbage; returns whether it did. */
    boolean compactIfWorthIt() {
        try (var connection = dataSource.getConnection()) {
            var store = store(connection.unwrap(JdbcConnection.class));
            // An in-memory database (the tests) has no file; with a write delay H2 does this itself.
            if (store == null || store.getFileStore() == null || store.getAutoCommitDelay() != 0 || store.isClosed()) {
                return false;
            }
            if (store.getFileStore().getChunksFillRate() >= COMPACT_BELOW_FILL_PERCENT) {
                return false;
            }
            // compactFile drops the retention time to 0 for good; give the default back, which keeps chunks a power
            // cut could still need from being overwritten too early.
            var retention = store.getRetentionTime();
            try {
                store.compactFile(MAX_PAUSE_MS);
            } finally {
                store.setRetentionTime(retention);
            }
            return true;
        } catch (Exception | AssertionError e) {
            log.warn("Compacting the database file failed; it will be tried again", e);
            return false;
        }
    }

    private static @Nullable MVStore store(JdbcConnection connection) {
        if (connection.getSession() instanceof SessionLocal session && session.getDatabase().getStore() != null) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null;
    }

    @Override
    public synchronized void start() {
        if (scheduler == null && !interval.isZero()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("database-housekeeping").daemon().factory());
            scheduler.scheduleWithFixedDelay(this::compactIfWorthIt, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // Never interrupt a compaction: an interrupted file channel closes, and H2 then gives up on the store.
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
