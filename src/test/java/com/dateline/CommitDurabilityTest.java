package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.ChildJvm;
import com.dateline.support.CommittingWriter;
import com.dateline.support.ShippedDatabase;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader, editor or moderator is told was saved survives the process being killed at any moment. A separate
 * JVM commits rows into a database opened with the shipped settings and announces each commit; it is killed with
 * SIGKILL mid-stream, and every announced row must be in the file. With H2's default write delay (500 ms) this fails:
 * the last half second of commits is gone. The whole application under load is killed the same way by the crash
 * harness (README, "Crash safety").
 */
class CommitDurabilityTest {

    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");

    @TempDir
    Path dataDir;

    @RepeatedTest(3)
    void every_commit_acknowledged_before_kill_9_is_in_the_database() throws SQLException {
        var url = ShippedDatabase.url(dataDir);
        var acknowledged = new HashSet<Long>();
        // Killed after a random number of commits, while it is writing as fast as it can.
        var killAfter = ThreadLocalRandom.current().nextInt(300, 1_500);
        try (var writer = ChildJvm.start(CommittingWriter.class, url)) {
            for (var line = writer.readLine(); line != null; line = writer.readLine()) {
                var committed = COMMITTED.matcher(line);
                if (committed.matches()) {
                    acknowledged.add(Long.parseLong(committed.group(1)));
                }
                if (acknowledged.size() == killAfter) {
                    // What it printed before dying is still read below: those commits were acknowledged too.
                    writer.kill9();
                }
            }
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);
        assertThat(storedIds(url)).containsAll(acknowledged);
    }

    private static Set<Long> storedIds(String url) throws SQLException {
        var ids = new HashSet<Long>();
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            // Lost writes can include the table itself.
            if (!connection
                    .getMetaData()
                    .getTables(null, null, CommittingWriter.TABLE.toUpperCase(Locale.ROOT), null)
                    .next()) {
                return ids;
            }
            try (var rows = connection.createStatement().executeQuery("select id from " + CommittingWriter.TABLE)) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
