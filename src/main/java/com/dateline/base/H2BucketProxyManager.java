package com.dateline.base;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update protocol (lock the bucket's row, or insert an empty one and start again; then write the
 * new state) in H2's SQL, for the buckets of a {@link BucketTable}. Bucket4j's PostgreSQL manager inserts with
 * {@code on conflict do nothing}, which H2 does not know; here a row another connection inserted first is H2's
 * duplicate-key error, after which the protocol starts again and locks that row.
 */
final class H2BucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String> {

    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final CustomColumnProvider<String> expiresAt;
    private final String select;
    private final String insert;
    private final String update;
    private final String delete;

    H2BucketProxyManager(
            DataSource dataSource, String table, ClientSideConfig config, CustomColumnProvider<String> expiresAt) {
        super(config);
        this.dataSource = dataSource;
        this.expiresAt = expiresAt;
        this.select = "select state from " + table + " where id = ? for update";
        this.insert = "insert into " + table + " (id, state) values (?, null)";
        this.update = "update " + table + " set state = ?, " + expiresAt.getCustomFieldName() + " = ? where id = ?";
        this.delete = "delete from " + table + " where id = ?";
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        try {
            return new Transaction(dataSource.getConnection(), key);
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(delete)) {
            statement.setString(1, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final Connection connection;
        private final String key;

        Transaction(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            run(() -> connection.setAutoCommit(false));
        }

        @Override
        public void rollback() {
            run(connection::rollback);
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            run(connection::commit);
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            try (var statement = connection.prepareStatement(select)) {
                applyTimeout(statement, timeoutNanos);
                statement.setString(1, key);
                try (var row = statement.executeQuery()) {
                    return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try (var statement = connection.prepareStatement(insert)) {
                applyTimeout(statement, timeoutNanos);
                statement.setString(1, key);
                return statement.executeUpdate() > 0;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
            try (var statement = connection.prepareStatement(update)) {
                applyTimeout(statement, timeoutNanos);
                statement.setBytes(1, data);
                expiresAt.setCustomField(key, 2, statement, state, currentTimeNanos());
                statement.setString(3, key);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public void release() {
            run(connection::close);
        }

        private static void run(Step step) {
            try {
                step.run();
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }
    }

    private interface Step {
        void run() throws SQLException;
    }
}
