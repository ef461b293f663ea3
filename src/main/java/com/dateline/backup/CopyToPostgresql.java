package com.dateline.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code java -jar dateline.jar copy-to-postgresql <data folder>}: moves a site from its H2 file into the PostgreSQL
 * database that {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME} and
 * {@code SPRING_DATASOURCE_PASSWORD} name, the same settings the site then runs with. The application itself does
 * not start. A password is taken from the environment only, never from the command line, where {@code ps} shows it.
 */
public final class CopyToPostgresql {

    /** The first argument that makes {@code Application.main} run this command instead of the site. */
    public static final String COMMAND = "copy-to-postgresql";

    private CopyToPostgresql() {}

    /** Runs the command and ends the JVM with its exit code. */
    public static void main(String[] args) {
        var logging = LoggingSystem.get(CopyToPostgresql.class.getClassLoader());
        // The operator reads the copy's own lines; of the libraries', only warnings.
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** 0 once every row is copied; 1 if the copy was refused or failed; 2 if the command was given wrongly. */
    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: SPRING_DATASOURCE_URL=jdbc:postgresql://host/database SPRING_DATASOURCE_USERNAME=…"
                    + " SPRING_DATASOURCE_PASSWORD=… java -jar dateline.jar " + COMMAND + " <H2 data folder>");
            return 2;
        }
        var url = environment.get("SPRING_DATASOURCE_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            err.println("SPRING_DATASOURCE_URL must name the PostgreSQL database to copy into, e.g."
                    + " jdbc:postgresql://localhost:5432/dateline (it is " + (url == null ? "not set" : url) + ").");
            return 2;
        }
        try {
            new SiteCopy(out)
                    .copy(
                            Path.of(args.get(1)),
                            url,
                            environment.get("SPRING_DATASOURCE_USERNAME"),
                            environment.get("SPRING_DATASOURCE_PASSWORD"));
            return 0;
        } catch (SiteCopy.Refused e) {
            err.println(e.getMessage());
            return 1;
        } catch (SQLException | FlywayException | IllegalStateException e) {
            err.println("The copy failed and was rolled back; no row was copied: " + e.getMessage());
            return 1;
        }
    }
}
