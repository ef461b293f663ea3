package com.dateline.base;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A second Dateline started on a data folder that another one is using stops at once with a sentence that says so,
 * instead of a page of stack trace. H2 locks the database file while it is open, so the second process never writes
 * to it: the first one and the file are unharmed. Registered in META-INF/spring.factories.
 */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    /** H2's message names the locked file: {@code Database may be already in use: "/srv/dateline/dateline.mv.db".} */
    private static final Pattern LOCKED_FILE = Pattern.compile("already in use: \"([^\"]+)\"");

    private final Environment environment;

    DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                var folder = folder(sql.getMessage());
                return new FailureAnalysis(
                        "The database in " + folder + " is in use by another Dateline process (or another program that"
                                + " opened its file). Two instances cannot share one data folder; this one stopped"
                                + " before writing anything.",
                        "Stop the other process first, or give this one its own folder with --dateline.data-dir=…"
                                + " (a copy of the data is made with a backup, not by sharing the folder).",
                        sql);
            }
        }
        return null;
    }

    private String folder(@Nullable String message) {
        var locked = message == null ? null : LOCKED_FILE.matcher(message);
        if (locked != null && locked.find()) {
            var parent = Path.of(locked.group(1)).toAbsolutePath().getParent();
            if (parent != null) {
                return parent.normalize().toString();
            }
        }
        return Path.of(environment.getProperty("dateline.data-dir", "./data"))
                .toAbsolutePath()
                .normalize()
                .toString();
    }
}
