package com.dateline.base;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Bucket4j buckets kept in one database table (id, state, expires_at), so that every node behind the load balancer
 * takes from the same buckets. Each take locks the bucket's row ({@code select … for update}) for one short transaction
 * of its own, on a connection of its own. On PostgreSQL this is Bucket4j's own proxy manager; H2 has no
 * {@code on conflict}, so there {@link H2BucketProxyManager} runs the same steps in H2's SQL. Time is the application's
 * clock. A row expires when its bucket will be full again, which a missing row also means; expired rows are deleted at
 * most once a minute by each node that uses the table, so the table holds only buckets that are being spent. A
 * database that does not answer within {@link #TIMEOUT} makes a take throw Bucket4j's execution exception.
 */
public final class BucketTable {

    /** How long a limit waits for the database before it gives up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 1_000;
    private static final int MAX_SWEEP_BATCHES = 20;

    private static final Logger log = LoggerFactory.getLogger(BucketTable.class);

    private final Clock clock;
    private final String table;
    private final ProxyManager<String> buckets;
    private final DataSource dataSource;
    private final String sweep;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    public BucketTable(DataSource dataSource, Clock clock, String table) {
        this.clock = clock;
        this.table = table;
        var time = new ClockTimeMeter(clock);
        // Bucket4j's own expiry column is written and swept by the system clock; this one follows the application's.
        var fullAgainAt = new FullAgainAt();
        this.buckets = isPostgreSql(dataSource)
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table(table)
                        .clientClock(time)
                        .requestTimeout(TIMEOUT)
                        .addCustomColumn(fullAgainAt)
                        .build()
                : new H2BucketProxyManager(
                        dataSource,
                        table,
                        ClientSideConfig.getDefault().withClientClock(time).withRequestTimeout(TIMEOUT),
                        fullAgainAt);
        this.dataSource = dataSource;
        this.sweep = "delete from " + table + " where expires_at < ? and id in (select id from " + table
                + " where expires_at < ? fetch first " + SWEEP_BATCH + " rows only)";
    }

    /** The key's bucket, which starts with this configuration when the table has none for the key. */
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        sweepIfDue();
        return buckets.getProxy(key, configuration);
    }

    // On a connection of its own, as Bucket4j's takes are, so that the caller's transaction neither holds the deleted
    // rows' locks nor fails with the sweep; a sweep that fails only leaves rows for the next one. In batches, so that a
    // sweep after a flood of new keys holds no lock for
    // long; what one sweep leaves, the next takes. The outer condition is read again after waiting for a row that a
    // take holds, so a bucket spent meanwhile stays.
    private void sweepIfDue() {
        var now = clock.instant();
        var due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sweep)) {
            statement.setQueryTimeout((int) TIMEOUT.toSeconds());
            statement.setLong(1, now.toEpochMilli());
            statement.setLong(2, now.toEpochMilli());
            var removed = SWEEP_BATCH;
            for (var batch = 0; batch < MAX_SWEEP_BATCHES && removed == SWEEP_BATCH; batch++) {
                removed = statement.executeUpdate();
            }
        } catch (SQLException e) {
            log.warn("Expired rate-limit buckets were not deleted from {}: {}", table, e.getMessage());
        }
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot tell which database holds the rate limits", e);
        }
    }

    /** expires_at: when the bucket will be full again, in milliseconds since 1970 on the application's clock. */
    private static final class FullAgainAt implements CustomColumnProvider<String> {

        @Override
        public void setCustomField(
                String key, int index, PreparedStatement statement, RemoteBucketState state, long nowNanos)
                throws SQLException {
            statement.setLong(index, (nowNanos + state.calculateFullRefillingTime(nowNanos)) / 1_000_000);
        }

        @Override
        public String getCustomFieldName() {
            return "expires_at";
        }
    }
}
