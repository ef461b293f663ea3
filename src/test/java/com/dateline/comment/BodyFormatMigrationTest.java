package com.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A site upgraded to comment formatting: the comments it imported from WordPress before are from then on shown with
 * their WordPress tags, and what its readers typed is read as Markdown.
 */
class BodyFormatMigrationTest {

    private static Flyway flyway(JdbcDataSource database, String target) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target(MigrationVersion.fromVersion(target))
                .load();
    }

    @Test
    void comments_imported_before_the_upgrade_are_marked_as_wordpress_html_and_typed_ones_as_markdown() {
        var database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:body-format-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway(database, "15").migrate();
        var jdbc = new JdbcTemplate(database);
        jdbc.update("insert into category (name, slug) values ('Iraq', 'iraq')");
        jdbc.update("insert into post (title, slug, slug_month, category_id, published_at, body_source, body_html,"
                + " excerpt) select 'Title', 'slug', '2008-04', max(id), now(), 'body', '<p>body</p>', 'body'"
                + " from category");
        jdbc.update("insert into account (email, email_key, display_name, password_hash, role, enabled, created_at,"
                + " version) values ('t@example.org', 't@example.org', 'T', 'x', 'READER', true, now(), 0)");
        var insert = "insert into comment (post_id, author_id, depth, body, status, status_reason, status_changed_at,"
                + " created_at, open_reports, version, import_key) select (select max(id) from post),"
                + " (select max(id) from account), 1, ?, 'PUBLISHED', 'Imported', now(), now(), 0, 0, ?";
        jdbc.update(insert, "<strong>Headings</strong>", "http://old.example.org/?p=1#7");
        jdbc.update(insert, "**typed** here", null);

        flyway(database, "latest").migrate();

        assertThat(jdbc.queryForList("select body_format from comment order by id", String.class))
                .containsExactly("WORDPRESS_HTML", "MARKDOWN");
        assertThatThrownBy(() -> jdbc.update("update comment set body_format = 'HTML'"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
