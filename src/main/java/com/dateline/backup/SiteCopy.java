package com.dateline.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Copies a site's H2 database, every row of every table, into an empty PostgreSQL database. Both are first brought to
 * the current schema by the application's own migrations; the tables come from the databases' metadata, so a table a
 * later migration adds is copied with no change here.
 *
 * <p>Foreign keys stay on: tables are filled parents first (from their foreign keys) and rows in primary-key order, so a
 * reply follows the comment it answers. That needs no more than the rights the site's own database user has, where
 * {@code session_replication_role} would need a superuser; and PostgreSQL checks every reference as it goes. User
 * triggers are off during the copy: what they derive (the queue tally) is copied as H2 kept it, and counting the copied
 * comments again would double it. Everything happens in one transaction, so a copy that fails leaves the target as it
 * was.
 */
class SiteCopy {

    static final String HISTORY = "flyway_schema_history";

    private static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 50_000;

    private final PrintStream out;

    SiteCopy(PrintStream out) {
        this.out = out;
    }

    /** A copy that was not made, and why; the target was left as it was. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** One table's rows on each side after the copy. */
    record Copied(String table, long inH2, long inPostgresql) {}

    List<Copied> copy(Path dataFolder, String targetUrl, @Nullable String user, @Nullable String password)
            throws SQLException {
        var started = System.nanoTime();
        var folder = dataFolder.toAbsolutePath().normalize();
        try (var h2 = openH2(folder)) {
            var h2Version = migrate(new SingleConnectionDataSource(h2, true), "h2");
            out.println("H2 database in " + folder + ": " + h2Version);
            var seeded = seededRows();
            var properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            // One INSERT of many rows per batch instead of one per row: several times faster.
            properties.setProperty("reWriteBatchedInserts", "true");
            try (var target = DriverManager.getConnection(targetUrl, properties)) {
                refuseUnlessEmpty(target, seeded, targetUrl);
                var targetVersion = migrate(new SingleConnectionDataSource(target, true), "postgresql");
                out.println("PostgreSQL database " + targetUrl + ": " + targetVersion);
                var copied = copyAll(h2, target, seeded);
                out.printf(
                        Locale.ROOT,
                        "Copied %,d tables, %,d rows, from %s into %s in %.1f s.%n",
                        copied.size(),
                        copied.stream().mapToLong(Copied::inPostgresql).sum(),
                        folder,
                        targetUrl,
                        (System.nanoTime() - started) / 1e9);
                return copied;
            }
        }
    }

    private static Connection openH2(Path folder) throws SQLException {
        if (!Files.isRegularFile(folder.resolve(RestoreOnStartup.DATABASE_FILE))) {
            throw new Refused("There is no Dateline database in " + folder + " (no " + RestoreOnStartup.DATABASE_FILE
                    + "). Give the site's data folder, the one dateline.data-dir names.");
        }
        try {
            // MAX_COMPACT_TIME=0: closing moves no chunks, as the site's own URL says (README, "Crash safety").
            return DriverManager.getConnection(
                    "jdbc:h2:file:" + folder.resolve("dateline") + ";IFEXISTS=TRUE;MAX_COMPACT_TIME=0", "sa", "");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new Refused("The database in " + folder
                        + " is open in another process (a running Dateline?): stop the application first, then run"
                        + " the copy again.");
            }
            throw e;
        }
    }

    /** Brings a database to the current schema, as the application does at its start; says where it got to. */
    private static String migrate(DataSource dataSource, String vendor) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load();
        var applied = flyway.migrate().migrationsExecuted;
        return "schema version " + flyway.info().current().getVersion() + ", " + applied + " migrations applied";
    }

    /**
     * The rows the migrations themselves write (the comment policy, the tally's empty slots), per table: a database
     * holding these and nothing more has never been used by a site. Counted on a fresh in-memory database.
     */
    private static Map<String, Long> seededRows() throws SQLException {
        try (var fresh = DriverManager.getConnection("jdbc:h2:mem:seeded-" + UUID.randomUUID(), "sa", "")) {
            migrate(new SingleConnectionDataSource(fresh, true), "h2");
            var seeded = new TreeMap<String, Long>();
            for (var table : tables(fresh)) {
                seeded.put(table.toLowerCase(Locale.ROOT), count(fresh, table));
            }
            return seeded;
        }
    }

    private void refuseUnlessEmpty(Connection target, Map<String, Long> seeded, String targetUrl) throws SQLException {
        var found = new TreeMap<String, Long>();
        for (var table : tables(target)) {
            var rows = count(target, table);
            if (rows > seeded.getOrDefault(table.toLowerCase(Locale.ROOT), 0L)) {
                found.put(table, rows);
            }
        }
        if (!found.isEmpty()) {
            throw new Refused(
                    "The PostgreSQL database " + targetUrl + " already holds rows ("
                            + found.entrySet().stream()
                                    .map(table -> table.getKey() + ": " + table.getValue())
                                    .collect(Collectors.joining(", "))
                            + "); the copy only goes into an empty database, and nothing was changed. Create a new database"
                            + " (e.g. createdb dateline) or name another one in SPRING_DATASOURCE_URL, then run the copy again.");
        }
    }

    private List<Copied> copyAll(Connection h2, Connection target, Map<String, Long> seeded) throws SQLException {
        var targetTables = new TreeMap<String, String>();
        for (var table : tables(target)) {
            targetTables.put(table.toLowerCase(Locale.ROOT), table);
        }
        var order = parentsFirst(h2);
        target.setAutoCommit(false);
        try (var statement = target.createStatement()) {
            for (var table : order) {
                statement.execute("alter table " + quote(targetTables.get(table)) + " disable trigger user");
            }
            // The rows the target's migrations wrote make way for the site's own.
            for (var table : order.reversed()) {
                if (seeded.getOrDefault(table, 0L) > 0) {
                    statement.execute("delete from " + quote(targetTables.get(table)));
                }
            }
            var sourceTables = new TreeMap<String, String>();
            for (var table : tables(h2)) {
                sourceTables.put(table.toLowerCase(Locale.ROOT), table);
            }
            out.println("Copying " + order.size() + " tables:");
            var inH2 = new LinkedHashMap<String, Long>();
            for (var table : order) {
                inH2.put(table, copyTable(h2, sourceTables.get(table), target, targetTables.get(table)));
            }
            for (var table : order) {
                statement.execute("alter table " + quote(targetTables.get(table)) + " enable trigger user");
            }
            resetSequences(target);
            out.printf(Locale.ROOT, "Rows in each table after the copy:%n  %-28s %12s %12s%n", "", "H2", "PostgreSQL");
            var copied = new ArrayList<Copied>();
            for (var table : order) {
                var line = new Copied(table, inH2.get(table), count(target, targetTables.get(table)));
                out.printf(
                        Locale.ROOT,
                        "  %-28s %,12d %,12d%s%n",
                        table,
                        line.inH2(),
                        line.inPostgresql(),
                        line.inH2() == line.inPostgresql() ? "" : "  DIFFERENT");
                copied.add(line);
            }
            if (copied.stream().anyMatch(line -> line.inH2() != line.inPostgresql())) {
                throw new IllegalStateException("The row counts differ (see above); nothing was copied.");
            }
            target.commit();
            return copied;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        }
    }

    /** The application's tables, lower case, each after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection connection) throws SQLException {
        var parents = new TreeMap<String, TreeSet<String>>();
        var meta = connection.getMetaData();
        for (var table : tables(connection)) {
            var pointsTo = new TreeSet<String>();
            try (var keys = meta.getImportedKeys(null, connection.getSchema(), table)) {
                while (keys.next()) {
                    pointsTo.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            var name = table.toLowerCase(Locale.ROOT);
            // A table's references to itself are met by the primary-key order of its rows.
            pointsTo.remove(name);
            parents.put(name, pointsTo);
        }
        var order = new ArrayList<String>();
        while (!parents.isEmpty()) {
            var ready = parents.entrySet().stream()
                    .filter(table -> order.containsAll(table.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException(
                        "These tables refer to each other in a circle, so no order fills them: " + parents.keySet());
            }
            order.addAll(ready);
            ready.forEach(parents::remove);
        }
        return order;
    }

    private long copyTable(Connection h2, String source, Connection target, String into) throws SQLException {
        var total = count(h2, source);
        out.printf(Locale.ROOT, "  %-28s %,12d%n", into, total);
        var orderBy = primaryKey(h2, source);
        try (var read = h2.createStatement();
                var rows = read.executeQuery("select * from " + quote(source)
                        + (orderBy.isEmpty() ? "" : " order by " + String.join(", ", orderBy)))) {
            var meta = rows.getMetaData();
            var columns = new ArrayList<String>();
            for (var column = 1; column <= meta.getColumnCount(); column++) {
                columns.add(quote(meta.getColumnName(column).toLowerCase(Locale.ROOT)));
            }
            var insert = "insert into " + quote(into) + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
            long done = 0;
            try (var write = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (var column = 1; column <= columns.size(); column++) {
                        transfer(rows, write, column, meta.getColumnType(column), meta.getColumnTypeName(column));
                    }
                    write.addBatch();
                    done++;
                    if (done % BATCH == 0) {
                        write.executeBatch();
                    }
                    if (done % PROGRESS_EVERY == 0) {
                        out.printf(Locale.ROOT, "  %s: %,d of %,d rows%n", into, done, total);
                    }
                }
                write.executeBatch();
            }
            return total;
        }
    }

    /** One value, read as the Java type that both drivers map to the same column type. */
    private static void transfer(ResultSet row, PreparedStatement write, int column, int type, String typeName)
            throws SQLException {
        Object value = switch (type) {
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                "UUID".equalsIgnoreCase(typeName) ? row.getObject(column, UUID.class) : row.getBytes(column);
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> row.getString(column);
            case Types.TIMESTAMP_WITH_TIMEZONE -> row.getObject(column, OffsetDateTime.class);
            case Types.TIMESTAMP -> row.getObject(column, LocalDateTime.class);
            case Types.DATE -> row.getObject(column, LocalDate.class);
            case Types.TIME -> row.getObject(column, LocalTime.class);
            default -> row.getObject(column);
        };
        if (value == null) {
            // No type given: PostgreSQL takes the column's (a typed BLOB or CLOB null would be an oid).
            write.setNull(column, Types.OTHER);
        } else if (value instanceof byte[] bytes) {
            write.setBytes(column, bytes);
        } else {
            write.setObject(column, value);
        }
    }

    /** Every identity or serial column's sequence continues after the highest id copied, so new rows can be added. */
    private static void resetSequences(Connection target) throws SQLException {
        var columns = new ArrayList<String[]>();
        try (var found = target.createStatement()
                .executeQuery("select table_name, column_name from information_schema.columns"
                        + " where table_schema = current_schema()"
                        + " and (is_identity = 'YES' or column_default like 'nextval(%')")) {
            while (found.next()) {
                columns.add(new String[] {found.getString(1), found.getString(2)});
            }
        }
        for (var column : columns) {
            try (var reset = target.prepareStatement("select setval(pg_get_serial_sequence(?, ?), coalesce(max("
                    + quote(column[1]) + "), 0) + 1, false) from " + quote(column[0]))) {
                reset.setString(1, quote(column[0]));
                reset.setString(2, column[1]);
                reset.execute();
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var found =
                connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                var table = found.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase(HISTORY)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        var columns = new TreeMap<Short, String>();
        try (var key = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
            while (key.next()) {
                columns.put(key.getShort("KEY_SEQ"), quote(key.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(columns.values());
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from " + quote(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
