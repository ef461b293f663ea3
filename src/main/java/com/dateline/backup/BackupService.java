package com.dateline.backup;

import com.dateline.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Online backups: H2's {@code BACKUP TO} copies the database file from one consistent snapshot into a .zip while
 * readers and writers go on, so the site never stops. Each backup is one file,
 * {@code dateline-backup-<UTC time>.zip}, in the {@code backups} folder beside the database.
 *
 * <p>No method is {@code @Transactional}: {@code BACKUP TO} takes its own snapshot of the whole store and writes no row,
 * and a transaction held open for the minutes a large backup takes would only keep old row versions alive.
 *
 * <p>On PostgreSQL the site writes no backups: PostgreSQL's own {@code pg_dump} does it from one consistent snapshot
 * too, from any machine that reaches the database, and its version must match the server's, which the site cannot
 * promise. The page and the API say so and how ({@link #POSTGRESQL_ADVICE}).
 */
@Service
public class BackupService {

    /** The folder, inside the data folder, that backups are written to. */
    public static final String FOLDER = "backups";

    static final String PREFIX = "dateline-backup-";
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    static final Pattern NAME =
            Pattern.compile(Pattern.quote(PREFIX) + "(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z)(-\\d{1,4})?\\.zip");

    /** What an admin of a site on PostgreSQL is told to do instead of pressing the button. */
    public static final String POSTGRESQL_ADVICE = "This site's database is PostgreSQL, which backs itself up with its"
            + " own tools, run where the database is: pg_dump --format=custom --file=dateline.dump <database> writes one"
            + " consistent file while the site keeps running; pg_restore --dbname=<empty database> dateline.dump restores"
            + " it (README, \"Backups on PostgreSQL\").";

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final JdbcClient jdbc;
    private final boolean h2;
    private final Clock clock;
    // One backup at a time: a second admin's request waits for the first and then writes its own file.
    private final ReentrantLock writing = new ReentrantLock();

    BackupService(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        try (var connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        } catch (SQLException unreachable) {
            throw new IllegalStateException("The database cannot be reached", unreachable);
        }
    }

    /** Whether the site writes its own backups (on H2); on PostgreSQL, pg_dump does. */
    public boolean writesBackups() {
        return h2;
    }

    /** Writes a backup of the whole database now and returns it. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Backup backUp() {
        if (!h2) {
            throw new BackupFailed(POSTGRESQL_ADVICE, new UnsupportedOperationException("pg_dump"));
        }
        writing.lock();
        try {
            var folder = folder().orElseThrow(() -> new BackupFailed(
                    "This database lives in memory only; there is no file to back up.", new IllegalStateException()));
            var started = System.nanoTime();
            Files.createDirectories(folder);
            var target = freeName(folder, clock.instant());
            // Written under another name and renamed when complete: a file named like a backup is always a whole one.
            var partial = folder.resolve("." + target.getFileName() + ".part");
            try {
                jdbc.sql("BACKUP TO ?").param(partial.toString()).update();
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            var backup = describe(target);
            log.info(
                    "Backup written to {} ({} bytes) in {} ms",
                    backup.location(),
                    backup.bytes(),
                    (System.nanoTime() - started) / 1_000_000);
            return backup;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupFailed failed) {
                throw failed;
            }
            log.error("Backup failed", e);
            throw new BackupFailed("The backup could not be written: " + e.getMessage(), e);
        } finally {
            writing.unlock();
        }
    }

    /** The backups in the backups folder, newest first. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<Backup> backups() {
        var folder = folder();
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return List.of();
        }
        try (var files = Files.list(folder.get())) {
            return files.filter(
                            file -> NAME.matcher(file.getFileName().toString()).matches())
                    .map(BackupService::describe)
                    .sorted(Comparator.comparing(Backup::createdAt)
                            .thenComparing(Backup::name)
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of the backup with this name, if there is one; any other name (a path, say) finds nothing. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Optional<Path> file(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return folder().map(folder -> folder.resolve(name)).filter(Files::isRegularFile);
    }

    /** Where backups go: beside the database file, whatever the configuration called its folder. */
    private Optional<Path> folder() {
        if (!h2) {
            return Optional.empty();
        }
        @Nullable String database = jdbc.sql("select database_path()")
                .query(String.class)
                .optional()
                .orElse(null);
        if (database == null) {
            return Optional.empty();
        }
        var parent = Path.of(database).toAbsolutePath().getParent();
        return Optional.ofNullable(parent).map(folder -> folder.resolve(FOLDER));
    }

    private static Path freeName(Path folder, Instant now) {
        var stem = PREFIX + TIME.format(now);
        var candidate = folder.resolve(stem + ".zip");
        for (var n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + ".zip");
        }
        return candidate;
    }

    private static Backup describe(Path file) {
        try {
            var name = file.getFileName().toString();
            return new Backup(name, file.toAbsolutePath().toString(), Files.size(file), createdAt(name, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant createdAt(String name, Path file) throws IOException {
        var matcher = NAME.matcher(name);
        if (matcher.matches()) {
            try {
                return Instant.from(TIME.parse(matcher.group(1)));
            } catch (DateTimeParseException ignored) {
                // a file renamed by hand: its modification time is the best we have
            }
        }
        return Files.getLastModifiedTime(file).toInstant();
    }
}
