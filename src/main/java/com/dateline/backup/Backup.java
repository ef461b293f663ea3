package com.dateline.backup;

import java.time.Instant;

/**
 * One backup file.
 *
 * @param name the file's name, e.g. {@code dateline-backup-2026-11-28T20-49-00Z.zip}
 * @param location its absolute path on the server
 * @param bytes its size
 * @param createdAt when it was written
 */
public record Backup(String name, String location, long bytes, Instant createdAt) {}
