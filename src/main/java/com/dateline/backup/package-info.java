/**
 * Backups and restore of the whole database. {@link com.dateline.backup.BackupService} writes an online backup (one
 * .zip file in {@code <data-dir>/backups}) while the site keeps running; admins start one from the Backups page or
 * with {@code curl} against {@code /api/backups}. Restoring is offline: {@code --dateline.restore=FILE} puts a backup in
 * place before the database is opened ({@link com.dateline.backup.RestoreOnStartup}). Moving a site to PostgreSQL
 * is a command of its own: {@code copy-to-postgresql <data folder>} ({@link com.dateline.backup.CopyToPostgresql}).
 */
@NullMarked
package com.dateline.backup;

import org.jspecify.annotations.NullMarked;
