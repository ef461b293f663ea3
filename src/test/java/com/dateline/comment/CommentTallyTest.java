package com.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue counts come from a tally a database trigger keeps, not from counting rows. Whatever writes a comment
 * (the application, plain SQL, a rolled-back transaction, a fold running beside an open transaction), the tally
 * must say what counting the rows says. Only the database is needed: the migrations on an embedded database, with a
 * post and an author of its own, and no test transaction, since the tally is kept by commits.
 */
@DataJpaTest
@Import(CommentTally.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CommentTallyTest {

    @Autowired
    CommentTally tally;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<Long> written = new ArrayList<>();
    private long post;
    private long author;

    @BeforeEach
    void addPostAndAuthor() {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("insert into category (name, slug) values ('Tally', 'tally')");
        var category = jdbc.queryForObject("select id from category where slug = 'tally'", Long.class);
        jdbc.update("""
                insert into post (title, slug, slug_month, category_id, published_at, body_source, body_html, excerpt)
                values ('Tally', 'tally', '2008-04', ?, ?, 'x', '<p>x</p>', 'x')""", category, now);
        post = jdbc.queryForObject("select id from post where slug = 'tally'", Long.class);
        jdbc.update("""
                insert into account (email, email_key, display_name, password_hash, role, enabled, created_at, version)
                values ('tally@example.org', 'tally@example.org', 'Tally', 'x', 'READER', true, ?, 0)""", now);
        author = jdbc.queryForObject("select id from account where email_key = 'tally@example.org'", Long.class);
    }

    @AfterEach
    void removeWritten() {
        written.forEach(id -> jdbc.update("delete from comment where id = ?", id));
        jdbc.update("delete from post where id = ?", post);
        jdbc.update("delete from category where slug = 'tally'");
        jdbc.update("delete from account where id = ?", author);
    }

    @Test
    void the_counts_follow_inserts_status_changes_reports_and_deletes_made_in_plain_sql() {
        var pending = insert("PENDING", 0);
        var published = insert("PUBLISHED", 0);
        insert("REJECTED", 0);
        assertCountsMatchRows();

        jdbc.update("update comment set status = 'PUBLISHED' where id = ?", pending);
        jdbc.update("update comment set open_reports = 2 where id = ?", published);
        assertCountsMatchRows();
        assertThat(tally.counts().reported()).isEqualTo(rowsReported()).isPositive();

        jdbc.update("update comment set status = 'REJECTED', open_reports = 0 where id = ?", published);
        jdbc.update("update comment set body = 'only the text changed' where id = ?", pending);
        jdbc.update("delete from comment where id = ?", pending);
        written.remove(pending);
        assertCountsMatchRows();
    }

    @Test
    void a_rolled_back_change_leaves_the_counts_as_they_were() {
        var id = insert("PENDING", 0);
        var before = tally.counts();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.update("update comment set status = 'PUBLISHED' where id = ?", id);
                    throw new IllegalStateException("the decision failed half way");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(tally.counts()).isEqualTo(before);
        assertCountsMatchRows();
    }

    @Test
    void writers_in_many_transactions_at_once_leave_exact_counts() throws Exception {
        var ids = new ArrayList<Long>();
        for (var i = 0; i < 40; i++) {
            ids.add(insert("PENDING", 0));
        }
        var transaction = new TransactionTemplate(transactions);
        var start = new CountDownLatch(1);
        var writers = new ArrayList<CompletableFuture<Void>>();
        for (var writer = 0; writer < 8; writer++) {
            var mine = ids.subList(writer * 5, writer * 5 + 5);
            writers.add(CompletableFuture.runAsync(() -> {
                await(start);
                for (var id : mine) {
                    transaction.executeWithoutResult(status -> {
                        jdbc.update("update comment set status = 'PUBLISHED' where id = ?", id);
                        jdbc.update("update comment set open_reports = 1 where id = ?", id);
                    });
                }
                transaction.executeWithoutResult(status -> jdbc.update(
                        "update comment set status = 'REJECTED', open_reports = 0 where id = ?", mine.getFirst()));
            }));
        }
        start.countDown();
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertCountsMatchRows();
    }

    private void assertCountsMatchRows() {
        var counts = tally.counts();
        assertThat(counts.pending()).as("pending").isEqualTo(rows("status = 'PENDING'"));
        assertThat(counts.published()).as("approved").isEqualTo(rows("status = 'PUBLISHED'"));
        assertThat(counts.reported()).as("reported").isEqualTo(rowsReported());
        assertThat(counts.rejected()).as("rejected").isEqualTo(rows("status = 'REJECTED'"));
    }

    private long rowsReported() {
        return rows("status = 'PUBLISHED' and open_reports > 0");
    }

    private long rows(String where) {
        return jdbc.queryForObject("select count(*) from comment where " + where, Long.class);
    }

    private long insert(String status, int openReports) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("""
                insert into comment (post_id, author_id, depth, body, status, status_reason, status_changed_at, created_at,
                                     open_reports, spam, version)
                values (?, ?, 1, 'A comment the tally test wrote', ?, 'test', ?, ?, ?, false, 0)""", post, author, status, now, now, openReports);
        var id = jdbc.queryForObject("select max(id) from comment", Long.class);
        written.add(id);
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
