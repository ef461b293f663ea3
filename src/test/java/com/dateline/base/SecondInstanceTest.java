package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.Application;
import com.dateline.support.ChildJvm;
import com.dateline.support.CommittingWriter;
import com.dateline.support.ShippedDatabase;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Two Datelines on one data folder: the second stops at once and says why, and the first goes on writing to an intact
 * file. The first is another process (H2 shares one open database between connections of the same JVM, so only a
 * second process meets the file lock), writing and acknowledging commits all along.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecondInstanceTest {

    @TempDir
    Path dataDir;

    @Test
    void a_second_instance_on_a_data_folder_in_use_stops_with_a_clear_message_and_harms_nothing(CapturedOutput output)
            throws SQLException {
        try (var first = ChildJvm.start(CommittingWriter.class, ShippedDatabase.url(dataDir))) {
            var before = acknowledgedAfter(first, 0, 20);

            assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                            .run(
                                    "--dateline.data-dir=" + dataDir,
                                    // The test configuration names an in-memory database; this test needs the shipped
                                    // one.
                                    "--spring.datasource.url=" + ShippedDatabase.url(),
                                    "--server.port=0"))
                    .isNotNull();

            assertThat(output.getOut() + output.getErr())
                    .contains("APPLICATION FAILED TO START")
                    .contains("The database in " + dataDir.toAbsolutePath() + " is in use by another Dateline process")
                    .contains("Stop the other process first, or give this one its own folder with --dateline.data-dir");
            var last = acknowledgedAfter(first, before, 20);
            first.kill9();

            assertThat(rows()).as("rows in the first instance's database").isGreaterThanOrEqualTo(last);
        }
    }

    /** Reads the writer's announcements until {@code more} commits after {@code after}; returns the last id. */
    private static long acknowledgedAfter(ChildJvm writer, long after, int more) {
        for (var line = writer.readLine(); line != null; line = writer.readLine()) {
            if (line.startsWith("committed ") && Long.parseLong(line.substring(10)) >= after + more) {
                return Long.parseLong(line.substring(10));
            }
        }
        throw new AssertionError("The first instance stopped writing");
    }

    private long rows() throws SQLException {
        try (var connection = DriverManager.getConnection(ShippedDatabase.url(dataDir), "sa", "");
                var count =
                        connection.createStatement().executeQuery("select count(*) from " + CommittingWriter.TABLE)) {
            count.next();
            return count.getLong(1);
        }
    }
}
