package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The tables' check constraints still hold, and still let valid rows in, after the connection that ran the migrations
 * is closed: on a new database H2 judged some of them with that connection's session, and once the pool retired it
 * every insert into the outbox failed ("Check constraint invalid"), which sent no mail and made registration fail.
 */
class CheckConstraintsAfterMigrationTest {

    @Test
    void rows_go_in_and_bad_values_stay_out_once_the_migrating_connection_is_closed() throws SQLException {
        var url = "jdbc:h2:mem:constraints-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var later = DriverManager.getConnection(url, "sa", "")) {
            // Flyway opens a connection of its own and closes it when it is done, as the pool does in time.
            Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .load()
                    .migrate();

            var account = insertAccount(later);
            insertMail(later, "QUEUED");
            later.createStatement()
                    .execute("insert into account_token (id, account_id, purpose, token_hash, created_at, expires_at)"
                            + " values (random_uuid(), " + account + ", 'VERIFY_EMAIL', 'hash', now(), now())");
            later.createStatement()
                    .execute("insert into notice_preference (account_id, replies, published, not_published,"
                            + " queue_alert, queue_longer_than, queue_older_than_minutes, unsubscribe_secret)"
                            + " values (" + account + ", 'IMMEDIATELY', 'DAILY', 'OFF', false, 20, 60, 'secret')");

            assertThatThrownBy(() -> insertMail(later, "LOST"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Check constraint violation");
            assertThat(count(later, "outgoing_mail")
                            + count(later, "account_token")
                            + count(later, "notice_preference"))
                    .isEqualTo(3);
        }
    }

    private static long insertAccount(Connection connection) throws SQLException {
        connection
                .createStatement()
                .execute("insert into account (email, email_key, display_name, password_hash, role, enabled,"
                        + " created_at, version) values ('a@example.org', 'a@example.org', 'A', 'x', 'READER', true,"
                        + " now(), 0)");
        var found = connection.createStatement().executeQuery("select max(id) from account");
        found.next();
        return found.getLong(1);
    }

    private static void insertMail(Connection connection, String status) throws SQLException {
        connection
                .createStatement()
                .execute("insert into outgoing_mail (dedupe_key, recipient, subject, text_body, html_body,"
                        + " message_id, status, attempts, created_at, next_attempt_at) values ('key-" + status
                        + "', 'a@example.org', 'Subject', 'text', 'html', '<id-" + status + "@example.org>', '"
                        + status + "', 0, now(), now())");
    }

    private static long count(Connection connection, String table) throws SQLException {
        var found = connection.createStatement().executeQuery("select count(*) from " + table);
        found.next();
        return found.getLong(1);
    }
}
