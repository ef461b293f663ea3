package com.dateline.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migrations for PostgreSQL ({@code db/migration/common} and {@code …/postgresql}) run on a real PostgreSQL 17 (from Maven, no Docker),
 * build the same tables and columns as the H2 ones, and keep the queue tally with a PL/pgSQL trigger as H2's Java
 * trigger does. The scheduled work's locks (ShedLock, timed by the database) keep a second node out on both.
 */
class PostgresMigrationsTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrated() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        migrate(postgres.getPostgresDatabase(), "postgresql");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static void migrate(DataSource dataSource, String vendor) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
        assertThat(result.success).isTrue();
    }

    /** "table.column not null" for every column of the application's tables. */
    private static TreeSet<String> columns(Connection connection, String schema) throws SQLException {
        var found = new TreeSet<String>();
        try (var rows = connection
                .createStatement()
                .executeQuery("select table_name, column_name, is_nullable from information_schema.columns"
                        + " where table_schema = '" + schema + "'")) {
            while (rows.next()) {
                var table = rows.getString(1).toLowerCase(Locale.ROOT);
                if (!table.startsWith("flyway_")) {
                    found.add(table + "." + rows.getString(2).toLowerCase(Locale.ROOT)
                            + (rows.getString(3).equals("NO") ? " not null" : ""));
                }
            }
        }
        return found;
    }

    @Test
    void postgresql_gets_the_same_tables_and_columns_as_h2() throws Exception {
        var h2Url = "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var h2 = DriverManager.getConnection(h2Url, "sa", "");
                var pg = postgres.getPostgresDatabase().getConnection()) {
            migrate(new SingleConnectionDataSource(h2, true), "h2");

            var onPostgres = columns(pg, "public");

            assertThat(onPostgres).isEqualTo(columns(h2, "PUBLIC")).hasSizeGreaterThan(100);
        }
    }

    @Test
    void the_queue_tally_follows_each_comment_from_bucket_to_bucket() throws Exception {
        try (var pg = postgres.getPostgresDatabase().getConnection()) {
            var statement = pg.createStatement();
            statement.execute("insert into category (name, slug) values ('Iraq', 'iraq-" + UUID.randomUUID() + "')");
            statement.execute("insert into post (title, slug, slug_month, category_id, published_at, body_source,"
                    + " body_html, excerpt) select 'Title', 'slug-" + UUID.randomUUID()
                    + "', '2008-04', max(id), now(),"
                    + " 'body', '<p>body</p>', 'body' from category");
            statement.execute("insert into account (email, email_key, display_name, password_hash, role, enabled,"
                    + " created_at, version) values ('t@example.org', 't-" + UUID.randomUUID()
                    + "', 'T', 'x', 'READER', true, now(), 0)");
            var before = tally(pg);
            statement.execute("insert into comment (post_id, author_id, depth, body, status, status_reason,"
                    + " status_changed_at, created_at, open_reports, version) select (select max(id) from post),"
                    + " (select max(id) from account), 0, 'text', 'PENDING', 'Pre-moderation', now(), now(), 0, 0"
                    + " from generate_series(1, 3)");

            assertThat(tally(pg).pending() - before.pending()).isEqualTo(3);

            statement.execute("update comment set status = 'PUBLISHED', open_reports = 1 where id = (select max(id)"
                    + " from comment)");
            statement.execute("update comment set status = 'REJECTED' where id = (select min(id) from comment"
                    + " where status = 'PENDING')");
            var after = tally(pg);
            assertThat(after.pending() - before.pending()).isEqualTo(1);
            assertThat(after.reported() - before.reported()).isEqualTo(1);
            assertThat(after.rejected() - before.rejected()).isEqualTo(1);

            statement.execute("delete from comment");
            var emptied = tally(pg);
            assertThat(emptied.pending() + emptied.reported() + emptied.rejected())
                    .isZero();
        }
    }

    @Test
    void of_two_nodes_the_second_skips_scheduled_work_while_the_first_holds_its_lock() throws Exception {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, "h2");

        for (var database : List.of(postgres.getPostgresDatabase(), h2)) {
            secondNodeSkipsWhileFirstRuns(database);
        }
    }

    /** Two nodes' lock providers on one database, as Scheduling configures them; the first runs until told to end. */
    private static void secondNodeSkipsWhileFirstRuns(DataSource database) throws Exception {
        var first = new DefaultLockingTaskExecutor(locks(database));
        var second = new DefaultLockingTaskExecutor(locks(database));
        var name = "job-" + UUID.randomUUID();
        var runs = new AtomicInteger();
        var running = new CountDownLatch(1);
        var end = new CountDownLatch(1);
        try (var pool = Executors.newSingleThreadExecutor()) {
            var firstRun = pool.submit(() -> first.executeWithLock(
                    (Runnable) () -> {
                        runs.incrementAndGet();
                        running.countDown();
                        awaitQuietly(end);
                    },
                    lock(name)));
            running.await();

            second.executeWithLock((Runnable) runs::incrementAndGet, lock(name));

            assertThat(runs).as("the second node skipped while the first ran").hasValue(1);
            end.countDown();
            firstRun.get();
        }
        second.executeWithLock((Runnable) runs::incrementAndGet, lock(name));
        assertThat(runs).as("the second node ran once the first was done").hasValue(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LockProvider locks(DataSource database) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(database))
                .usingDbTime()
                .build());
    }

    private static LockConfiguration lock(String name) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
    }

    private record Tally(long pending, long reported, long rejected) {}

    private static Tally tally(Connection connection) throws SQLException {
        try (var rows = connection
                .createStatement()
                .executeQuery("select coalesce(sum(case when bucket = 'PENDING' then comments end), 0),"
                        + " coalesce(sum(case when bucket = 'PUBLISHED_REPORTED' then comments end), 0),"
                        + " coalesce(sum(case when bucket = 'REJECTED' then comments end), 0) from comment_tally")) {
            rows.next();
            return new Tally(rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
    }
}
