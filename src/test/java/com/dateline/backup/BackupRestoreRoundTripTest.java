package com.dateline.backup;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.Application;
import com.dateline.comment.CommentService;
import com.dateline.comment.ReportReason;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationTestSupport;
import com.dateline.moderation.ModerationVerb;
import com.dateline.support.ShippedDatabase;
import com.dateline.support.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's way back: a site with posts, photos, accounts, comments, reports and moderation decisions is backed
 * up while it runs; the backup is restored into an empty folder with {@code --dateline.restore}, and the restored site
 * holds the very same rows in every table. Runs whole applications on H2 files, with the shipped database settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreRoundTripTest {

    @TempDir
    Path original;

    @TempDir
    Path elsewhere;

    @Test
    void a_backup_restored_into_an_empty_folder_brings_back_every_post_photo_account_comment_and_decision() {
        Map<String, List<String>> before;
        Backup backup;
        try (var site = start(original, true)) {
            writeDiscussion(site);
            backup = SignIn.of(site)
                    .call(ADMIN, () -> site.getBean(BackupService.class).backUp());
            before = everyRow(site);
        }
        assertThat(Path.of(backup.location()))
                .exists()
                .hasParent(original.resolve("backups").toAbsolutePath());
        assertThat(backup.name()).matches("dateline-backup-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z\\.zip");
        assertThat(before.get("POST")).hasSize(5);
        assertThat(before.get("PHOTO_RENDITION")).hasSize(10);
        assertThat(before.get("COMMENT")).hasSize(3);
        assertThat(before.get("COMMENT_REPORT")).hasSize(1);
        assertThat(before.get("MODERATION_ACTION")).hasSize(2);

        Map<String, List<String>> after;
        try (var restored = start(elsewhere, false, "--dateline.restore=" + backup.location())) {
            after = everyRow(restored);
        }

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    @Test
    void a_restore_never_overwrites_a_database_and_says_what_to_do(CapturedOutput output) throws Exception {
        Files.writeString(elsewhere.resolve("dateline.mv.db"), "the newsroom's current database");
        var backup = Files.writeString(original.resolve("dateline-backup-2026-11-28T20-49-00Z.zip"), "not used");

        assertThatThrownBy(() -> start(elsewhere, false, "--dateline.restore=" + backup))
                .isInstanceOf(RestoreRefused.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The data folder " + elsewhere.toAbsolutePath()
                        + " already holds a database (dateline.mv.db);" + " a restore never overwrites one.");
        assertThat(Files.readString(elsewhere.resolve("dateline.mv.db"))).isEqualTo("the newsroom's current database");
    }

    /** Three comments on the Jerusalem post: one approved and reported, one rejected with a reason, one waiting. */
    private static void writeDiscussion(ConfigurableApplicationContext site) {
        var support = new ModerationTestSupport(site);
        var signIn = SignIn.of(site);
        var comments = site.getBean(CommentService.class);
        var moderation = site.getBean(ModerationService.class);
        var post = support.postId(JERUSALEM);
        var approved = support.submitAsNewReader(post, "Nadia", "The old city at dawn is worth the early start.");
        var rejected = support.submitAsNewReader(post, "Sami", "Cheap watches, see my profile.");
        support.submitAsNewReader(post, "Rana", "Were the markets open during the holiday?");
        signIn.run(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(approved), null));
        signIn.run(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(rejected), "Advertising"));
        var reporter = support.newReader("Karim");
        signIn.run(reporter.email(), () -> comments.report(approved, ReportReason.OFF_TOPIC, "Not about the post"));
    }

    /** Every row of every table, each as one line of text (bytes in hex), in a stable order. */
    private static Map<String, List<String>> everyRow(ConfigurableApplicationContext site) {
        var jdbc = site.getBean(JdbcTemplate.class);
        var tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'",
                String.class);
        var rows = new TreeMap<String, List<String>>();
        // The scheduled work's locks are not content: each start of a site runs that work and rewrites its lock's row.
        tables.remove("SHEDLOCK");
        for (var table : tables) {
            var lines = new ArrayList<>(jdbc.query("select * from \"" + table + "\"", (row, n) -> line(row)));
            lines.sort(null);
            rows.put(table, lines);
        }
        return rows;
    }

    private static String line(ResultSet row) throws SQLException {
        var meta = row.getMetaData();
        var values = new ArrayList<@Nullable String>();
        for (var column = 1; column <= meta.getColumnCount(); column++) {
            var type = meta.getColumnType(column);
            var binary = type == Types.BLOB
                    || type == Types.VARBINARY
                    || type == Types.BINARY
                    || type == Types.LONGVARBINARY;
            var bytes = binary ? row.getBytes(column) : null;
            values.add(binary ? (bytes == null ? null : HexFormat.of().formatHex(bytes)) : row.getString(column));
        }
        return values.toString();
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean demoData, String... more) {
        var args = new ArrayList<>(List.of(
                "--dateline.data-dir=" + dataDir,
                // The test configuration names an in-memory database; backups are of the shipped file one.
                "--spring.datasource.url=" + ShippedDatabase.url(),
                "--server.port=0",
                "--dateline.demo-data=" + demoData));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }
}
