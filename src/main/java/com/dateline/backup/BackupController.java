package com.dateline.backup;

import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups from the command line, while the site runs (it holds the database's file lock, so nothing else can open the
 * file). An admin calls it with HTTP Basic, e.g. {@code curl -u admin@example.org -X POST https://blog/api/backups};
 * the filter chain for {@code /api/**} and the service's method security both ask for ADMIN. See README, "Backups".
 */
@RestController
@RequestMapping("/api/backups")
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    /**
     * Writes a backup now; answers 201 with the file's name, path and size once it is complete, or 409 with what to do
     * instead on PostgreSQL.
     */
    @PostMapping
    ResponseEntity<?> backUp() {
        if (!backups.writesBackups()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", BackupService.POSTGRESQL_ADVICE));
        }
        var backup = backups.backUp();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/backups/" + backup.name())
                .body(backup);
    }

    /** The backups on the server, newest first. */
    @GetMapping
    List<Backup> list() {
        return backups.backups();
    }

    /** One backup's file, to keep a copy away from the server. */
    @GetMapping("/{name}")
    ResponseEntity<FileSystemResource> download(@PathVariable String name) {
        return backups.file(name)
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name)
                                        .build()
                                        .toString())
                        .body(new FileSystemResource(file)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(BackupFailed.class)
    ResponseEntity<Map<String, String>> failed(BackupFailed failure) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("error", String.valueOf(failure.getMessage())));
    }
}
