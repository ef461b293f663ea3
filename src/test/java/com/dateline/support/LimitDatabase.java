package com.dateline.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh database with the application's migrations, for tests of state that several nodes share: H2 in memory, or
 * a new database on one embedded PostgreSQL 17 (from Maven, no Docker) that the test JVM starts once. Two objects
 * given the same data source are two nodes on one database.
 */
public enum LimitDatabase {
    H2 {
        @Override
        public DataSource fresh() {
            var h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            return migrated(h2, "h2");
        }
    },
    POSTGRESQL {
        @Override
        public DataSource fresh() {
            var name = "limits_" + UUID.randomUUID().toString().replace("-", "");
            try (var connection = Postgres.SERVER.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return migrated(Postgres.SERVER.getDatabase("postgres", name), "postgresql");
        }
    };

    /** A database of its own, migrated as the application migrates it. */
    public abstract DataSource fresh();

    private static DataSource migrated(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
        return dataSource;
    }

    /** Started the first time a test asks for PostgreSQL, stopped with the JVM. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                var server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
