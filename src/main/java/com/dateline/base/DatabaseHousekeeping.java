package com.dateline.base;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
 * a new chunk to the file and H2's background housekeeping thread does not run. H2 reuses the space of a chunk once
 * nothing in it is live any more (after its retention time, 45 s), but a chunk that still holds one live page (the
 * last leaf written before a table's page filled up) stays: on a busy site most of the file becomes such chunks. This
 * rewrites the live pages of the sparsest chunks into new ones, so that the old ones die and their space is reused,
 * which is the part of H2's own housekeeping that only rewrites pages.
 *
 * <p>It never calls {@link MVStore#compactFile} or anything else that moves chunks inside the file: in H2 2.4.240
 * moving a chunk can break the free-space map's invariant (an {@code AssertionError} in {@code FreeSpaceBitSet}, after
 * which H2 closes the database; h2database issue 4086, fixed upstream after that release). For the same reason the
 * shipped URL sets {@code MAX_COMPACT_TIME=0}, which keeps H2 from moving chunks when the database closes. The file
 * therefore does not shrink below its high-water mark unless its end is free; it stops growing instead.
 *
 * <p>Only H2's file needs this. On another database (PostgreSQL, which several nodes share and which keeps its own
 * files) it does not start, and says so once in the log.
 */
@Component
class DatabaseHousekeeping implements SmartLifecycle {

    /** Below this share of live data in the file's chunks, rewriting is worth doing; it stops once above it. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    /**
     * Live bytes rewritten per round. Commits wait while a round picks its chunks, and the rewritten pages go into the
     * next commit's chunk, so a round is kept to about one megabyte.
     */
    static final int REWRITE_BYTES_PER_ROUND = 1 << 20;

    /** Rounds per run; together with the bytes per round this bounds one run's work without looking at a clock. */
    static final int MAX_ROUNDS = 16;

    /** Attempts per run that found the store's lock taken; bounds a run on a store that commits without pause. */
    static final int MAX_MISSES = 64;

    private static final Logger log = LoggerFactory.getLogger(DatabaseHousekeeping.class);

    private final DataSource dataSource;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    DatabaseHousekeeping(
            DataSource dataSource, @Value("${dateline.database.housekeeping-interval:1m}") Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /** Rewrites the live pages of sparse chunks if enough of the file is garbage; returns whether it did. */
    boolean compactIfWorthIt() {
        try (var connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            var store = store(connection.unwrap(JdbcConnection.class));
            // An in-memory database (the tests) has no file; with a write delay H2 does this itself.
            if (store == null || store.getFileStore() == null || store.getAutoCommitDelay() != 0 || store.isClosed()) {
                return false;
            }
            var rounds = 0;
            var misses = 0;
            while (rounds < MAX_ROUNDS
                    && misses < MAX_MISSES
                    && rewritableFillPercent(store) < COMPACT_BELOW_FILL_PERCENT) {
                // False while a commit holds the store's lock (H2 waits 10 ms for it): under load that is most
                // attempts, so a miss is tried again rather than ending the run.
                if (store.compact(COMPACT_BELOW_FILL_PERCENT, REWRITE_BYTES_PER_ROUND)) {
                    // Writes the rewritten pages, so that the next round counts the chunks they left as emptied.
                    store.commit();
                    rounds++;
                } else {
                    misses++;
                }
            }
            if (log.isDebugEnabled()) {
                // What the soak benchmark reads to tell a file that holds garbage from one that holds young chunks.
                var info = info(store);
                log.debug(
                        "Housekeeping: {} rounds, {} misses; file {} bytes, fill {}%, chunks fill {}% (rewritable {}%), {} chunks, {} bytes written, version {} (oldest kept {})",
                        rounds,
                        misses,
                        info.get("info.FILE_SIZE"),
                        info.get("info.FILL_RATE"),
                        info.get("info.CHUNKS_FILL_RATE"),
                        info.get("info.CHUNKS_FILL_RATE_RW"),
                        info.get("info.CHUNK_COUNT"),
                        info.get("info.FILE_WRITE_BYTES"),
                        info.get("info.CURRENT_VERSION"),
                        info.get("info.OLDEST_VERS_TO_KEEP"));
            }
            return rounds > 0;
        } catch (Exception | AssertionError e) {
            log.warn("Compacting the database file failed; it will be tried again", e);
            return false;
        }
    }

    /**
     * The live share of the chunks older than the retention time, the only ones H2 rewrites. Young chunks are mostly
     * garbage on a busy site (each commit supersedes pages of the last), so the share over all chunks stays low even
     * when nothing can be done, and a run would spend its attempts on nothing.
     */
    private static int rewritableFillPercent(MVStore store) {
        return Integer.parseInt(info(store).getOrDefault("info.CHUNKS_FILL_RATE_RW", "100"));
    }

    private static Map<String, String> info(MVStore store) {
        var info = new HashMap<String, String>();
        store.populateInfo(info::put);
        return info;
    }

    private static @Nullable MVStore store(JdbcConnection connection) {
        if (connection.getSession() instanceof SessionLocal session
                && session.getDatabase().getStore() != null) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null;
    }

    /** Whether the database is H2; the name of the one it is in the log if not. */
    boolean onH2() {
        try (var connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)) {
                return true;
            }
            log.info(
                    "Housekeeping of the H2 database file is off: the database is {}",
                    connection.getMetaData().getDatabaseProductName());
            return false;
        } catch (SQLException e) {
            log.warn("Could not tell which database this is; housekeeping of the H2 database file is off", e);
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null && !interval.isZero() && onH2()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("database-housekeeping").daemon().factory());
            scheduler.scheduleWithFixedDelay(
                    this::compactIfWorthIt, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
