package com.dateline.support;

import com.dateline.postgres.PostgresForTests;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with the application's migrations, for tests of state that several nodes share: H2 in memory, or
 * a new database on the test JVM's embedded PostgreSQL ({@link PostgresForTests}). Two objects
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
            return migrated(new DriverManagerDataSource(PostgresForTests.urlOf(name), "postgres", ""), "postgresql");
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
}
