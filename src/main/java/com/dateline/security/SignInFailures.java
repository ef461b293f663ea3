package com.dateline.security;

import com.dateline.base.BucketTable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code sign_in_failure}: how many times in a row one e-mail failed to sign in from one client address, and
 * when last. Sign-in holds no transaction, so each statement commits on its own, and a failure is counted by one update
 * of the row: two nodes counting the same pair at once both count. The SQL is what H2 and
 * PostgreSQL share: an update, and an insert when there was no row to update.
 */
final class SignInFailures {

    record Count(int failures, Instant lastFailedAt) {}

    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 1_000;
    private static final int MAX_SWEEP_BATCHES = 20;

    private final JdbcTemplate jdbc;
    private final Duration forgetAfter;
    private final Duration keepFor;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    /**
     * @param forgetAfter a pair that has not failed for this long counts its next failure as its first
     * @param keepFor rows that have not changed for this long are deleted
     */
    SignInFailures(DataSource dataSource, Duration forgetAfter, Duration keepFor) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) BucketTable.TIMEOUT.toSeconds());
        this.forgetAfter = forgetAfter;
        this.keepFor = keepFor;
    }

    Count count(String email, String address) {
        var rows = jdbc.query(
                "select failures, last_failed_at from sign_in_failure where email_key = ? and address = ?",
                (row, n) -> new Count(
                        row.getInt(1), row.getObject(2, OffsetDateTime.class).toInstant()),
                email,
                address);
        return rows.isEmpty() ? new Count(0, Instant.EPOCH) : rows.getFirst();
    }

    void add(String email, String address, Instant now) {
        var at = utc(now);
        var forgotten = utc(now.minus(forgetAfter));
        for (var tries = 0; tries < 2; tries++) {
            var updated = jdbc.update(
                    "update sign_in_failure set failures = case when last_failed_at < ? then 1 else failures + 1 end,"
                            + " last_failed_at = ? where email_key = ? and address = ?",
                    forgotten,
                    at,
                    email,
                    address);
            if (updated > 0) {
                break;
            }
            try {
                jdbc.update(
                        "insert into sign_in_failure (email_key, address, failures, last_failed_at) values (?, ?, 1, ?)",
                        email,
                        address,
                        at);
                break;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the row exists now: the update counts this failure
            }
        }
        sweepIfDue(now);
    }

    void clear(String email, String address) {
        jdbc.update("delete from sign_in_failure where email_key = ? and address = ?", email, address);
    }

    // After the count, and in batches: a sweep after a flood of guesses holds no lock for long, and one that fails only
    // leaves rows for the next one. The outer condition is read again after waiting for a row being counted.
    private void sweepIfDue(Instant now) {
        var due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        var before = utc(now.minus(keepFor));
        try {
            var removed = SWEEP_BATCH;
            for (var batch = 0; batch < MAX_SWEEP_BATCHES && removed == SWEEP_BATCH; batch++) {
                removed = jdbc.update(
                        "delete from sign_in_failure where last_failed_at < ? and (email_key, address) in (select"
                                + " email_key, address from sign_in_failure where last_failed_at < ? fetch first "
                                + SWEEP_BATCH + " rows only)",
                        before,
                        before);
            }
        } catch (DataAccessException e) {
            log.warn("Old sign-in failures were not deleted: {}", e.getMessage());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
