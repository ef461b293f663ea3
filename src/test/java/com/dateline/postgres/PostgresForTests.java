package com.dateline.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a test JVM's application contexts on a real PostgreSQL instead of H2 when the JVM is started with
 * {@code -Ddateline.test.database=postgresql} (the build's {@code postgresql-test} run does). Each in-memory H2
 * database a test names becomes a PostgreSQL database of its own on one embedded server (from Maven, no Docker), so
 * tests that keep their data apart on H2 keep it apart here too.
 */
public final class PostgresForTests implements EnvironmentPostProcessor, Ordered {

    static final String SWITCH = "dateline.test.database";

    private static @Nullable EmbeddedPostgres server;
    private static final Set<String> created = ConcurrentHashMap.newKeySet();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"postgresql".equals(System.getProperty(SWITCH))) {
            return;
        }
        var url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:mem:")) {
            return;
        }
        var name = "t_"
                + url.substring("jdbc:h2:mem:".length())
                        .split(";", 2)[0]
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]", "_");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "postgresql-for-tests",
                        Map.of(
                                "spring.datasource.url", urlOf(name),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "")));
    }

    /** The JDBC address of a database of the test server, made on first use. */
    public static synchronized String urlOf(String database) {
        var running = server();
        if (created.add(database)) {
            try (var connection = running.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database " + database);
            } catch (SQLException failed) {
                throw new IllegalStateException("Could not create the test database " + database, failed);
            }
        }
        return running.getJdbcUrl("postgres", database);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException failed) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start", failed);
            }
            var started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is ending; its temporary folder goes with it.
                }
            }));
        }
        return server;
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
