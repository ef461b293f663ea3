package com.dateline.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code --dateline.restore=FILE}: before anything opens the database, the backup's database file is put into the
 * data folder, and the application then starts on it as usual (migrating it if the backup is from an older version).
 *
 * <p>It never overwrites: if the data folder already holds a database the start stops and says so, so that an option
 * left in a service definition cannot roll the site back at its next restart. Registered in
 * META-INF/spring.factories, because it must run before the application context (and with it the database) exists.
 */
class RestoreOnStartup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The database's file in the data folder; spring.datasource.url names it {@code <data-dir>/dateline}. */
    static final String DATABASE_FILE = "dateline.mv.db";

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStartup.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var backup = environment.getProperty("dateline.restore");
        if (backup == null || backup.isBlank()) {
            return;
        }
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            throw new RestoreRefused(
                    "--dateline.restore puts back a backup of an H2 database; this site's database"
                            + " (spring.datasource.url) is another.",
                    "Restore a PostgreSQL database with pg_restore (README, \"Backups on PostgreSQL\"), then start"
                            + " without --dateline.restore.");
        }
        restore(Path.of(backup), Path.of(environment.getProperty("dateline.data-dir", "./data")));
    }

    static void restore(Path backup, Path dataDir) {
        var folder = dataDir.toAbsolutePath().normalize();
        var database = folder.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(backup)) {
            throw new RestoreRefused(
                    "There is no backup file at " + backup.toAbsolutePath() + ".",
                    "Give --dateline.restore the path of a dateline-backup-….zip file.");
        }
        if (Files.exists(database)) {
            throw new RestoreRefused(
                    "The data folder " + folder + " already holds a database (" + DATABASE_FILE
                            + "); a restore never overwrites one.",
                    "Start without --dateline.restore to run on that database; or, to replace it, move " + database
                            + " somewhere safe and start again with --dateline.restore.");
        }
        try (var zip = new ZipFile(backup.toFile())) {
            var entries = zip.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().endsWith(".mv.db"))
                    .toList();
            if (entries.size() != 1) {
                throw notABackup(backup);
            }
            Files.createDirectories(folder);
            // Unpacked under another name first: a start that dies half-way leaves no half database behind.
            var partial = folder.resolve(DATABASE_FILE + ".restoring");
            try (var in = zip.getInputStream(entries.getFirst())) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            log.info("Restored the database in {} from {}", folder, backup.toAbsolutePath());
        } catch (ZipException e) {
            throw notABackup(backup);
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring " + backup + " into " + folder + " failed", e);
        }
    }

    private static RestoreRefused notABackup(Path backup) {
        return new RestoreRefused(
                backup.toAbsolutePath() + " is not a Dateline backup (a .zip holding one database file).",
                "Give --dateline.restore a file that the Backups page or POST /api/backups wrote.");
    }
}
