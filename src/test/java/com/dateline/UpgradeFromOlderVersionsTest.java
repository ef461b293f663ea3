package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.CommentView;
import com.dateline.post.PhotoVariant;
import com.dateline.post.PostService;
import com.dateline.support.ShippedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operator's upgrade: a data folder written by an older Dateline, started with this one. The old database is built
 * with the old migrations only (Flyway's target) and filled with plain SQL in that version's schema, as the old
 * application would have left it; then the current application starts on it, applies every later migration and must
 * show the same data.
 */
class UpgradeFromOlderVersionsTest {

    private static final String PATH = "/2008/03/iraq-a-street-market-reopens-in-baghdad";
    /** A 1×1 PNG, small enough to inline; the bytes must come back unchanged. */
    private static final byte[] PIXEL = java.util.HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    + "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5e1d3e60000000049454e44ae426082");

    @TempDir
    Path dataDir;

    @Test
    void a_database_of_the_first_version_is_migrated_to_the_current_one_with_its_posts_and_photos()
            throws SQLException {
        migrateTo("1");
        try (var db = connect()) {
            insertPostOfTheFirstVersion(db);
        }

        try (var app = start()) {
            assertEveryMigrationApplied();
            var posts = app.getBean(PostService.class);
            var post = posts.findByPermalink(2008, 3, "iraq-a-street-market-reopens-in-baghdad")
                    .orElseThrow();
            assertThat(post.summary().headline()).isEqualTo("IRAQ: A street market reopens in Baghdad");
            assertThat(post.summary().path()).isEqualTo(PATH);
            assertThat(post.bodyHtml())
                    .isEqualTo("<p>The stalls are back.</p><blockquote><p>We are open.</p></blockquote>");
            assertThat(post.byline()).isEqualTo("— Times staff writer in Baghdad");
            var photo = post.summary().photo();
            assertThat(photo).isNotNull();
            assertThat(photo.altText()).isEqualTo("Stalls in the morning sun");
            assertThat(posts.findImage(photo.id(), PhotoVariant.ORIGINAL)
                            .orElseThrow()
                            .bytes())
                    .isEqualTo(PIXEL);
            // Columns later versions added took their defaults: the post is published, with comments open.
            assertThat(app.getBean(CommentService.class).isClosed(post.summary().id()))
                    .isFalse();
        }
    }

    @Test
    void a_database_of_the_first_version_with_readers_keeps_accounts_comments_and_reports() throws SQLException {
        migrateTo("3");
        var passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        try (var db = connect()) {
            insertPostOfTheFirstVersion(db);
            db.createStatement().execute("""
                    insert into account (id, email, email_key, display_name, password_hash, role, enabled, created_at, version)
                    values (200, 'Layla@Example.org', 'layla@example.org', 'Layla', '%s', 'READER', true,
                            timestamp with time zone '2008-03-02 10:00:00+00', 0),
                           (201, 'omar@example.org', 'omar@example.org', 'Omar', '%s', 'READER', true,
                            timestamp with time zone '2008-03-02 11:00:00+00', 0)""".formatted(
                    passwords.encode("an old reader's passphrase"), passwords.encode("another old passphrase")));
            db.createStatement().execute("""
                    insert into comment (id, post_id, author_id, depth, body, status, status_reason, status_changed_at,
                                         created_at, open_reports, version)
                    values (300, 100, 200, 0, 'Good to see the market back.', 'PUBLISHED', 'Approved by a moderator',
                            timestamp with time zone '2008-03-02 12:00:00+00', timestamp with time zone '2008-03-02 11:30:00+00', 1, 1),
                           (301, 100, 201, 0, 'Waiting for a moderator.', 'PENDING', 'New reader',
                            timestamp with time zone '2008-03-02 12:30:00+00', timestamp with time zone '2008-03-02 12:30:00+00', 0, 0)""");
            db.createStatement().execute("""
                    insert into comment_report (comment_id, reporter_id, reason, note, created_at)
                    values (300, 201, 'SPAM', 'Looks like an advert', timestamp with time zone '2008-03-02 13:00:00+00')""");
        }

        try (var app = start()) {
            assertEveryMigrationApplied();
            var users = app.getBean(UserDetailsService.class);
            var encoder = app.getBean(PasswordEncoder.class);
            assertThat(encoder.matches(
                            "an old reader's passphrase",
                            users.loadUserByUsername("layla@example.org").getPassword()))
                    .isTrue();
            var thread = app.getBean(CommentService.class).thread(100, false, 50);
            assertThat(thread.publishedCount()).isEqualTo(1);
            assertThat(thread.comments())
                    .extracting(CommentView::authorName, CommentView::text, CommentView::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "Layla", "Good to see the market back.", CommentStatus.PUBLISHED));
            var jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select status from comment where id = 301")
                            .query(String.class)
                            .single())
                    .isEqualTo("PENDING");
            assertThat(jdbc.sql("select count(*) from comment_report where comment_id = 300")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // Readers from before addresses were verified (version 11) count as verified, with their first date.
            assertThat(jdbc.sql(
                                    "select count(*) from account where id in (200, 201) and email_verified_at = created_at")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            // The queue tally (version 6) counted the comments that were already there.
            assertThat(jdbc.sql("select sum(comments) from comment_tally where bucket = 'PENDING'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select sum(comments) from comment_tally where bucket = 'PUBLISHED_REPORTED'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    /** A post with a category and a photo, in the schema of version 1. */
    private static void insertPostOfTheFirstVersion(Connection db) throws SQLException {
        db.createStatement().execute("insert into category (id, name, slug) values (100, 'Iraq', 'iraq')");
        db.createStatement().execute("""
                insert into photo (id, alt_text, caption, credit, width, height)
                values (100, 'Stalls in the morning sun', 'The market on Sunday.', 'Times staff', 1, 1)""");
        var rendition = db.prepareStatement("""
                insert into photo_rendition (photo_id, variant, content_type, width, height, etag, bytes)
                values (100, ?, 'image/png', 1, 1, ?, ?)""");
        for (var variant : PhotoVariant.values()) {
            rendition.setString(1, variant.name());
            rendition.setString(2, "\"pixel-" + variant.name().toLowerCase(java.util.Locale.ROOT) + "\"");
            rendition.setBytes(3, PIXEL);
            rendition.executeUpdate();
        }
        db.createStatement().execute("""
                insert into post (id, title, slug, slug_month, category_id, published_at, body_source, body_html, excerpt,
                                  byline, photo_id)
                values (100, 'A street market reopens in Baghdad', 'iraq-a-street-market-reopens-in-baghdad', '2008-03', 100,
                        timestamp with time zone '2008-03-01 17:00:00+00', 'The stalls are back.\n\n> We are open.',
                        '<p>The stalls are back.</p><blockquote><p>We are open.</p></blockquote>', 'The stalls are back.',
                        '— Times staff writer in Baghdad', 100)""");
    }

    private void migrateTo(String version) {
        flyway().target(version).load().migrate();
    }

    private void assertEveryMigrationApplied() {
        var migrations = flyway().load().info().all();
        assertThat(migrations).isNotEmpty();
        assertThat(Arrays.stream(migrations).map(migration -> migration.getVersion() + " " + migration.getState()))
                .allSatisfy(line -> assertThat(line).endsWith(" " + MigrationState.SUCCESS));
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(ShippedDatabase.url(dataDir), "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(ShippedDatabase.url(dataDir), "sa", "");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--dateline.data-dir=" + dataDir,
                        // The test configuration names an in-memory database; an upgrade happens to the shipped file
                        // one.
                        "--spring.datasource.url=" + ShippedDatabase.url(),
                        "--server.port=0",
                        "--dateline.demo-data=false");
    }
}
