package com.dateline.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.Application;
import com.dateline.support.ChildJvm;
import com.dateline.support.CommittingWriter;
import com.dateline.support.ShippedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Moving a site from its H2 folder into an empty PostgreSQL 17 (embedded, from Maven): every row of every table
 * arrives unchanged, the site can go on adding rows, and a database that is in use on either side is refused. Starts a
 * whole application for the demo site, so it runs in its own JVM (the pom's restart-test execution).
 */
class CopyToPostgresqlTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final SiteCopy siteCopy = new SiteCopy(new PrintStream(printed, true, StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void the_demo_site_arrives_in_postgresql_with_every_row_of_every_table_unchanged() throws Exception {
        new SpringApplicationBuilder(Application.class)
                .run(
                        "--dateline.data-dir=" + dataDir,
                        // The test configuration names an in-memory database; the copy reads the shipped file one.
                        "--spring.datasource.url=" + ShippedDatabase.url(),
                        "--server.port=0",
                        "--dateline.demo-data=true",
                        "--dateline.demo-comments=true")
                .close();
        var target = emptyDatabase();

        var copied = siteCopy.copy(dataDir, target, "postgres", null);

        Map<String, List<String>> inH2;
        try (var h2 = h2()) {
            inH2 = everyRow(h2);
        }
        Map<String, List<String>> inPostgresql;
        try (var pg = DriverManager.getConnection(target)) {
            inPostgresql = everyRow(pg);
        }
        assertThat(inPostgresql.keySet()).containsExactlyElementsOf(inH2.keySet());
        inH2.forEach(
                (table, rows) -> assertThat(inPostgresql.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(inH2.get("post")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(inH2.get("photo_rendition")).isNotEmpty();
        assertThat(inH2.get("comment")).isNotEmpty();
        assertThat(inH2.get("account")).isNotEmpty();
        assertThat(copied).extracting(SiteCopy.Copied::table).containsExactlyInAnyOrderElementsOf(inH2.keySet());
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("photo_rendition")
                .contains("Rows in each table after the copy:")
                .contains("Copied " + inH2.size() + " tables");
    }

    @Test
    void ten_thousand_comments_are_copied_and_postgresql_numbers_the_next_comment_after_them() throws Exception {
        try (var h2 = h2()) {
            migrate(h2, "h2");
            var statement = h2.createStatement();
            writeAuthorAndPost(statement);
            try (var insert = h2.prepareStatement("insert into comment (post_id, author_id, depth, body, status,"
                    + " status_reason, status_changed_at, created_at, open_reports, version) values ((select max(id)"
                    + " from post), (select max(id) from account), 0, ?, 'PENDING', 'Pre-moderation', now(), now(),"
                    + " 0, 0)")) {
                for (var n = 1; n <= 10_000; n++) {
                    insert.setString(1, "Comment number " + n);
                    insert.addBatch();
                    if (n % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
        }
        var target = emptyDatabase();

        var copied = siteCopy.copy(dataDir, target, "postgres", null);

        assertThat(copied).allSatisfy(table -> assertThat(table.inPostgresql()).isEqualTo(table.inH2()));
        assertThat(copied)
                .filteredOn(table -> table.table().equals("comment"))
                .singleElement()
                .extracting(SiteCopy.Copied::inPostgresql)
                .isEqualTo(10_000L);
        try (var pg = DriverManager.getConnection(target)) {
            var statement = pg.createStatement();
            assertThat(pendingInTally(pg))
                    .as("the tally as H2 kept it, not counted twice")
                    .isEqualTo(10_000);
            statement.execute("insert into comment (post_id, author_id, depth, body, status, status_reason,"
                    + " status_changed_at, created_at, open_reports, version) values ((select max(id) from post),"
                    + " (select max(id) from account), 0, 'The first comment on PostgreSQL', 'PENDING',"
                    + " 'Pre-moderation', now(), now(), 0, 0)");
            try (var newest = statement.executeQuery("select max(id), count(*) from comment")) {
                newest.next();
                assertThat(newest.getLong(1)).isEqualTo(10_001);
                assertThat(newest.getLong(2)).isEqualTo(10_001);
            }
            assertThat(pendingInTally(pg)).as("the tally's trigger is on again").isEqualTo(10_001);
        }
    }

    @Test
    void a_postgresql_database_that_already_holds_rows_is_refused_and_left_as_it_was() throws Exception {
        try (var h2 = h2()) {
            migrate(h2, "h2");
            writeAuthorAndPost(h2.createStatement());
        }
        var target = emptyDatabase();
        Map<String, List<String>> before;
        try (var pg = DriverManager.getConnection(target)) {
            migrate(pg, "postgresql");
            pg.createStatement().execute("insert into category (name, slug) values ('Already here', 'already-here')");
            before = everyRow(pg);
        }
        var err = new ByteArrayOutputStream();

        var exitCode = CopyToPostgresql.run(
                List.of(CopyToPostgresql.COMMAND, dataDir.toString()),
                Map.of("SPRING_DATASOURCE_URL", target, "SPRING_DATASOURCE_USERNAME", "postgres"),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("already holds rows (category: 1)")
                .contains("the copy only goes into an empty database, and nothing was changed");
        try (var pg = DriverManager.getConnection(target)) {
            assertThat(everyRow(pg)).isEqualTo(before);
        }
    }

    @Test
    void a_folder_without_a_database_is_refused() {
        assertThatThrownBy(() -> siteCopy.copy(dataDir, emptyDatabase(), "postgres", null))
                .isInstanceOf(SiteCopy.Refused.class)
                .hasMessage("There is no Dateline database in "
                        + dataDir.toAbsolutePath().normalize()
                        + " (no dateline.mv.db). Give the site's data folder, the one dateline.data-dir names.");
    }

    @Test
    void a_database_open_in_a_running_application_is_refused_until_it_stops() throws Exception {
        var target = emptyDatabase();
        try (var running = ChildJvm.start(CommittingWriter.class, ShippedDatabase.url(dataDir))) {
            assertThat(running.readLine()).startsWith("committed ");

            assertThatThrownBy(() -> siteCopy.copy(dataDir, target, "postgres", null))
                    .isInstanceOf(SiteCopy.Refused.class)
                    .hasMessageContaining("is open in another process (a running Dateline?): stop the application"
                            + " first, then run the copy again.");
            running.kill9();
        }
        try (var pg = DriverManager.getConnection(target);
                var tables = pg.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            assertThat(tables.next()).as("a table in the target").isFalse();
        }
    }

    private Connection h2() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("dateline") + ";MAX_COMPACT_TIME=0", "sa", "");
    }

    private static String emptyDatabase() throws SQLException {
        var name = "site_" + DATABASES.incrementAndGet();
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static void migrate(Connection connection, String vendor) {
        Flyway.configure()
                .dataSource(new SingleConnectionDataSource(connection, true))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    private static void writeAuthorAndPost(Statement statement) throws SQLException {
        statement.execute("insert into category (name, slug) values ('Iraq', 'iraq')");
        statement.execute("insert into post (title, slug, slug_month, category_id, published_at, body_source,"
                + " body_html, excerpt) select 'Title', 'title', '2008-04', max(id), now(), 'body', '<p>body</p>',"
                + " 'body' from category");
        statement.execute("insert into account (email, email_key, display_name, password_hash, role, enabled,"
                + " created_at, version) values ('reader@example.org', 'reader@example.org', 'Reader', 'x', 'READER',"
                + " true, now(), 0)");
    }

    private static long pendingInTally(Connection connection) throws SQLException {
        try (var sum = connection
                .createStatement()
                .executeQuery("select sum(comments) from comment_tally where bucket = 'PENDING'")) {
            sum.next();
            return sum.getLong(1);
        }
    }

    /** Every row of every table but Flyway's, each as one line of values, sorted; tables by lower-case name. */
    private static Map<String, List<String>> everyRow(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var found =
                connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        var everyRow = new TreeMap<String, List<String>>();
        for (var table : tables) {
            if (table.equalsIgnoreCase(SiteCopy.HISTORY)) {
                continue;
            }
            var lines = new ArrayList<String>();
            try (var rows = connection.createStatement().executeQuery("select * from \"" + table + "\"")) {
                while (rows.next()) {
                    lines.add(line(rows));
                }
            }
            lines.sort(null);
            everyRow.put(table.toLowerCase(Locale.ROOT), lines);
        }
        return everyRow;
    }

    /** A row's values as both databases give them: instants for time stamps, bytes by content in hex. */
    private static String line(ResultSet row) throws SQLException {
        var meta = row.getMetaData();
        var values = new ArrayList<@Nullable Object>();
        for (var column = 1; column <= meta.getColumnCount(); column++) {
            var typeName = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
            var type = meta.getColumnType(column);
            if (typeName.equals("timestamptz") || typeName.equals("timestamp with time zone")) {
                var time = row.getObject(column, OffsetDateTime.class);
                values.add(time == null ? null : time.toInstant());
            } else if (!typeName.equals("uuid")
                    && (type == Types.BLOB
                            || type == Types.BINARY
                            || type == Types.VARBINARY
                            || type == Types.LONGVARBINARY)) {
                var bytes = row.getBytes(column);
                values.add(bytes == null ? null : HexFormat.of().formatHex(bytes));
            } else if (type == Types.CLOB) {
                values.add(row.getString(column));
            } else {
                values.add(row.getObject(column));
            }
        }
        return values.toString();
    }
}
