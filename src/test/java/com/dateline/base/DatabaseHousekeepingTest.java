package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.ShippedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every commit writes to the file (WRITE_DELAY=0), and H2's own housekeeping is off then: without compacting, the file
 * of a busy site grows by kilobytes per comment until the next restart.
 */
class DatabaseHousekeepingTest {

    @TempDir
    Path dataDir;

    @Test
    void compacting_gives_back_the_space_that_many_small_commits_left_behind() throws Exception {
        var database = new JdbcDataSource();
        database.setURL(ShippedDatabase.url(dataDir));
        database.setUser("sa");
        var file = dataDir.resolve("dateline.mv.db");
        // Held open, as the application's pool does: closing the last connection would close (and compact) the store.
        try (var open = database.getConnection()) {
            commitOneByOne(database, 3_000);
            var grown = Files.size(file);

            var compacted = new DatabaseHousekeeping(database, Duration.ZERO).compactIfWorthIt();

            assertThat(compacted).isTrue();
            assertThat(Files.size(file)).as("file size after compacting, was %,d bytes", grown).isLessThan(grown / 4);
            try (var count = open.createStatement().executeQuery("select count(*) from note")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(3_000);
            }
        }
    }

    @Test
    void an_in_memory_database_is_left_alone() {
        var database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:housekeeping");

        assertThat(new DatabaseHousekeeping(database, Duration.ZERO).compactIfWorthIt()).isFalse();
    }

    private static void commitOneByOne(JdbcDataSource database, int commits) throws SQLException {
        try (var connection = database.getConnection()) {
            connection.createStatement().execute("create table note (id bigint auto_increment primary key, body varchar(200))");
            connection.setAutoCommit(false);
            var insert = connection.prepareStatement("insert into note (body) values (?)");
            for (var i = 0; i < commits; i++) {
                insert.setString(1, "a reader's comment, number " + i);
                insert.executeUpdate();
                connection.commit();
            }
        }
    }
}
