package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.dateline.support.ShippedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every commit writes to the file (WRITE_DELAY=0), and H2's own housekeeping is off then: without rewriting sparse
 * chunks, the file of a busy site grows with every comment until the next restart. Everything here runs on one thread
 * and H2 decides by what is in the file, so the figures are the same on every machine. On any other database (the
 * PostgreSQL that several nodes share) housekeeping never starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseHousekeepingTest {

    private static final int ROUNDS = 4;
    private static final int COMMITS_PER_ROUND = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void a_file_written_one_commit_at_a_time_stops_growing_when_housekeeping_runs_between_bursts() throws Exception {
        var untended = grow(dataDir.resolve("untended"), false);
        var tended = grow(dataDir.resolve("tended"), true);

        assertThat(tended.compactions()).as("runs that rewrote something").isEqualTo(ROUNDS);
        assertThat(untended.chunksFillPercent())
                .as("live share of the chunks without housekeeping")
                .isLessThan(DatabaseHousekeeping.COMPACT_BELOW_FILL_PERCENT);
        assertThat(tended.bytes())
                .as("file with housekeeping, against %,d bytes without", untended.bytes())
                .isLessThan(untended.bytes() / 2);
        assertThat(tended.rows()).isEqualTo((long) ROUNDS * COMMITS_PER_ROUND);
    }

    @Test
    void housekeeping_leaves_a_file_alone_while_most_of_it_is_live() throws Exception {
        var database = database(dataDir);
        try (var open = database.getConnection()) {
            commitOneByOne(open, 1);

            assertThat(new DatabaseHousekeeping(database, Duration.ZERO).compactIfWorthIt())
                    .isFalse();
        }
    }

    @Test
    void the_shipped_settings_keep_h2_from_moving_chunks_when_the_database_closes() throws Exception {
        try (var open = database(dataDir).getConnection()) {
            var session = (SessionLocal) open.unwrap(JdbcConnection.class).getSession();

            assertThat(session.getDatabase().getSettings().maxCompactTime).isZero();
        }
    }

    @Test
    void an_in_memory_database_is_left_alone() {
        var database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:housekeeping");

        assertThat(new DatabaseHousekeeping(database, Duration.ZERO).compactIfWorthIt())
                .isFalse();
    }

    @Test
    void an_h2_file_database_is_tended_on_schedule() throws Exception {
        var housekeeper = new DatabaseHousekeeping(database(dataDir), Duration.ofMinutes(1));

        housekeeper.start();
        try {
            assertThat(housekeeper.isRunning()).isTrue();
        } finally {
            housekeeper.stop();
        }
    }

    @Test
    void another_database_is_never_tended_and_the_log_says_so(CapturedOutput output) throws Exception {
        var postgres = mock(DataSource.class, RETURNS_DEEP_STUBS);
        when(postgres.getConnection().isWrapperFor(JdbcConnection.class)).thenReturn(false);
        when(postgres.getConnection().getMetaData().getDatabaseProductName()).thenReturn("PostgreSQL");
        var housekeeper = new DatabaseHousekeeping(postgres, Duration.ofMinutes(1));

        housekeeper.start();

        assertThat(housekeeper.isRunning()).isFalse();
        assertThat(housekeeper.compactIfWorthIt()).isFalse();
        assertThat(output.getOut())
                .containsOnlyOnce("Housekeeping of the H2 database file is off: the database is PostgreSQL");
    }

    private record Grown(long bytes, int chunksFillPercent, long rows, int compactions) {}

    /** Bursts of single-row commits, as comments arrive, with or without housekeeping after each burst. */
    private static Grown grow(Path folder, boolean housekeeping) throws SQLException, IOException {
        var database = database(folder);
        var housekeeper = new DatabaseHousekeeping(database, Duration.ZERO);
        // Held open, as the application's pool does: closing the last connection would close the store.
        try (var open = database.getConnection()) {
            var compactions = 0;
            for (var round = 0; round < ROUNDS; round++) {
                commitOneByOne(open, COMMITS_PER_ROUND);
                if (housekeeping && housekeeper.compactIfWorthIt()) {
                    compactions++;
                }
            }
            try (var count = open.createStatement().executeQuery("select count(*) from note")) {
                count.next();
                return new Grown(
                        Files.size(folder.resolve("dateline.mv.db")),
                        store(open).getFileStore().getChunksFillRate(),
                        count.getLong(1),
                        compactions);
            }
        }
    }

    /**
     * The shipped settings, except that chunks may be rewritten at once: H2 leaves a chunk alone for its retention
     * time (45 s) after writing it, which a test should not wait for.
     */
    private static JdbcDataSource database(Path folder) {
        var database = new JdbcDataSource();
        database.setURL(ShippedDatabase.url(folder) + ";RETENTION_TIME=0");
        database.setUser("sa");
        return database;
    }

    private static MVStore store(Connection connection) throws SQLException {
        var session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    private static void commitOneByOne(Connection connection, int commits) throws SQLException {
        if (!hasNoteTable(connection)) {
            connection
                    .createStatement()
                    .execute("create table note (id bigint auto_increment primary key, body varchar(200))");
        }
        connection.setAutoCommit(false);
        try (var insert = connection.prepareStatement("insert into note (body) values (?)")) {
            for (var i = 0; i < commits; i++) {
                insert.setString(1, "a reader's comment, number " + i);
                insert.executeUpdate();
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean hasNoteTable(Connection connection) throws SQLException {
        try (var tables = connection.getMetaData().getTables(null, null, "NOTE", null)) {
            return tables.next();
        }
    }
}
