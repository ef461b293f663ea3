package com.dateline.comment;

import static com.dateline.support.Demo.JERUSALEM;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A post with 5,000 comments opens with a few bounded queries: one page of top-level comments,
 * their replies, the count, the names, the post and the policy; never the whole discussion.
 * The rows are committed (a page open is its own transaction) and removed afterwards.
 */
@SpringBootTest(
        properties = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                + "com.dateline.comment.LargeThreadQueryCountTest$Statements")
class LargeThreadQueryCountTest {

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    /** The SQL Hibernate sends, so that the database can be asked how it reads it. */
    public static final class Statements implements org.hibernate.resource.jdbc.spi.StatementInspector {
        static final java.util.Queue<String> SENT = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public String inspect(String sql) {
            SENT.add(sql);
            return sql;
        }
    }

    private static final int TOP_LEVEL = 5_000;
    private static final int MAX_STATEMENTS = 6;

    @Autowired
    CommentService service;

    @Autowired
    CommentRepository comments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    long post;
    List<Long> authors;
    Statistics statistics;

    @BeforeEach
    void fillThePost() {
        post = support.postId(JERUSALEM);
        CommentCleanup.deleteAllCommentsOn(jdbc, post);
        authors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            authors.add(support.newReader("crowd" + i).id());
        }
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        var start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20);
        var rows = new ArrayList<Object[]>(TOP_LEVEL);
        for (int i = 0; i < TOP_LEVEL; i++) {
            var at = start.plusSeconds(60L * i);
            rows.add(new Object[] {
                post, authors.get(i % authors.size()), null, null, 1, "Comment number " + i, "PUBLISHED", at, at
            });
        }
        jdbc.batchUpdate("""
                insert into comment (post_id, author_id, parent_id, root_id, depth, body, status, status_reason,
                                     status_changed_at, created_at, open_reports, version)
                values (?, ?, ?, ?, ?, ?, ?, 'Inserted for the large-thread test', ?, ?, 0, 0)""", rows);
    }

    @AfterEach
    void emptyThePost() {
        statistics.setStatisticsEnabled(false);
        CommentCleanup.deleteAllCommentsOn(jdbc, post);
    }

    /** Replies under the first {@code threads} top-level comments (oldest first) and under some far down the list. */
    private Map<Long, List<Long>> addReplies(int threads) {
        var topIds = jdbc.queryForList(
                "select id from comment where post_id = ? and parent_id is null order by created_at, id",
                Long.class,
                post);
        assertThat(topIds).hasSize(TOP_LEVEL);
        var replies = new java.util.LinkedHashMap<Long, List<Long>>();
        var targets = new ArrayList<>(topIds.subList(0, threads));
        targets.addAll(topIds.subList(4_000, 4_010));
        for (var root : targets) {
            var created = new ArrayList<Long>();
            var parent = root;
            for (int depth = 2; depth <= 3; depth++) {
                for (int n = 0; n < 2; n++) {
                    var at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).plusSeconds(created.size());
                    jdbc.update("""
                            insert into comment (post_id, author_id, parent_id, root_id, depth, body, status, status_reason,
                                                 status_changed_at, created_at, open_reports, version)
                            values (?, ?, ?, ?, ?, ?, 'PUBLISHED', 'Inserted', ?, ?, 0, 0)""", post, authors.get(n), parent, root, depth, "Reply at depth " + depth, at, at);
                    created.add(jdbc.queryForObject(
                            "select max(id) from comment where post_id = ? and root_id = ?", Long.class, post, root));
                }
                parent = created.getLast();
            }
            replies.put(root, created);
        }
        return replies;
    }

    private record Measured(
            CommentThread thread, long statements, long entitiesLoaded, List<String> queries, long micros) {}

    private Measured measure(boolean newestFirst) {
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        var started = System.nanoTime();
        var thread = service.thread(post, newestFirst, CommentService.PAGE_SIZE);
        var micros = (System.nanoTime() - started) / 1_000;
        var measured = new Measured(
                thread,
                statistics.getPrepareStatementCount(),
                statistics.getEntityLoadCount(),
                List.of(statistics.getQueries()),
                micros);
        statistics.setStatisticsEnabled(false);
        return measured;
    }

    @Test
    void a_post_with_5000_comments_opens_with_a_bounded_number_of_queries() {
        var replies = addReplies(10);
        var total = jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, post);
        assertThat(total).isGreaterThanOrEqualTo(5_000);

        var cold = measure(false);
        var warm = measure(false);
        var newest = measure(true);

        System.out.printf(
                "LargeThreadQueryCountTest: %d comments on the post; thread(postId, false, 50): %d statements, %d entities loaded,"
                        + " %.1f ms (first call), %.1f ms (second call); newest first: %d statements, %.1f ms%n",
                total,
                cold.statements(),
                cold.entitiesLoaded(),
                cold.micros() / 1000.0,
                warm.micros() / 1000.0,
                newest.statements(),
                newest.micros() / 1000.0);
        System.out.println("LargeThreadQueryCountTest: queries " + cold.queries());

        // Anonymous readers are served finished pages (PublicPagesIT); a discussion is read for each build.
        assertThat(cold.statements()).as("statements for one page").isBetween(1L, (long) MAX_STATEMENTS);
        assertThat(warm.statements()).as("statements for the same page again").isBetween(1L, (long) MAX_STATEMENTS);
        assertThat(newest.statements()).as("statements for one page").isBetween(1L, (long) MAX_STATEMENTS);
        for (var measured : List.of(cold, warm, newest)) {
            assertThat(measured.entitiesLoaded())
                    .as("entities loaded for one page")
                    .isLessThan(200);
            assertThat(measured.thread().hasMore()).isTrue();
            assertThat(measured.thread().publishedCount()).isEqualTo(total);
            assertThat(measured.thread().comments().stream().filter(view -> view.depth() == 1))
                    .hasSize(50);
        }

        // oldest first: the first 50 top-level comments, each followed by its own replies
        var page = cold.thread().comments();
        var topLevel = page.stream()
                .filter(view -> view.parentId() == null)
                .map(CommentView::text)
                .toList();
        assertThat(topLevel)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> "Comment number " + i)
                        .toList());
        var shownReplies = page.stream()
                .filter(view -> view.parentId() != null)
                .map(CommentView::id)
                .collect(Collectors.toSet());
        var expectedReplies = replies.entrySet().stream()
                .limit(10)
                .flatMap(entry -> entry.getValue().stream())
                .collect(Collectors.toSet());
        assertThat(shownReplies).isEqualTo(expectedReplies);
        assertThat(page).hasSize(50 + expectedReplies.size());

        // newest first: the last 50, and none of the early threads' replies
        var newestTop = newest.thread().comments().stream()
                .filter(view -> view.depth() == 1)
                .map(CommentView::text)
                .toList();
        assertThat(newestTop.getFirst()).isEqualTo("Comment number " + (TOP_LEVEL - 1));
        assertThat(newestTop.getLast()).isEqualTo("Comment number " + (TOP_LEVEL - 50));
        assertThat(newest.thread().comments()).allMatch(view -> view.depth() == 1);
    }

    @Test
    void a_signed_in_reader_opens_it_with_the_same_few_queries() {
        support.signInNewReader("large-thread-viewer");

        var measured = measure(false);
        System.out.printf(
                "LargeThreadQueryCountTest: signed-in reader: %d statements, %.1f ms%n",
                measured.statements(), measured.micros() / 1000.0);

        assertThat(measured.statements()).isBetween(1L, (long) MAX_STATEMENTS);
        assertThat(measured.thread().comments()).hasSize(50);
        assertThat(measured.thread().hasMore()).isTrue();
    }

    @Test
    void the_last_page_says_there_is_no_more() {
        var measured = service.thread(post, false, 10_000);

        assertThat(measured.comments()).hasSize(TOP_LEVEL);
        assertThat(measured.hasMore()).isFalse();
    }

    @Test
    void a_public_page_far_down_the_discussion_reads_only_its_own_comments() {
        var replies = addReplies(0);
        var underFourThousand = replies.values().iterator().next();
        statistics.setStatisticsEnabled(true);
        statistics.clear();

        // Page 81 holds top-level comments 4,000 to 4,049, the first of them with its replies.
        var page = service.publicThread(post, false, 81);

        var loaded = statistics.getEntityLoadCount();
        statistics.setStatisticsEnabled(false);
        assertThat(loaded).as("entities loaded for page 81").isLessThan(200);
        assertThat(page.comments().stream()
                        .filter(view -> view.parentId() == null)
                        .map(CommentView::text)
                        .toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(4_000, 4_050)
                        .mapToObj(i -> "Comment number " + i)
                        .toList());
        assertThat(page.comments().stream()
                        .filter(view -> view.parentId() != null)
                        .map(CommentView::id))
                .containsAll(underFourThousand);
        assertThat(page.hasMore()).isTrue();
        assertThat(service.publicThread(post, false, 100).hasMore()).isFalse();
        assertThat(service.publicThread(post, false, 101).comments()).isEmpty();
    }

    @Test
    void a_page_of_top_level_comments_is_read_from_an_index_in_order_not_sorted_whole() {
        for (var newestFirst : List.of(false, true)) {
            Statements.SENT.clear();
            service.publicThread(post, newestFirst, 1);
            var sql = Statements.SENT.stream()
                    .filter(sent -> sent.contains("parent_id is null"))
                    .findFirst()
                    .orElseThrow();

            // The parameters in order: the post, the viewer twice (nobody), then the page's row limit.
            var plan = jdbc.query(
                    "explain analyze " + sql,
                    statement -> {
                        var count = statement.getParameterMetaData().getParameterCount();
                        for (var i = 1; i <= count; i++) {
                            statement.setLong(i, i == 1 ? post : i <= 3 ? -1 : CommentService.PAGE_SIZE + 1);
                        }
                    },
                    (java.sql.ResultSet rows) -> {
                        var lines = new StringBuilder();
                        while (rows.next()) {
                            lines.append(rows.getString(1)).append('\n');
                        }
                        return lines.toString();
                    });

            // H2 says "index sorted" and counts the rows it read; PostgreSQL names the index scan, shows no sort, and
            // gives the rows each step returned (the scan's are the ones read).
            var postgres = java.util.Objects.requireNonNull(plan).contains("Index Scan");
            var scanned = java.util.regex.Pattern.compile(
                            postgres ? "Index Scan.*actual time=\\S+ rows=(\\d+)" : "scanCount: (\\d+)")
                    .matcher(plan);
            if (postgres) {
                assertThat(plan).as("plan, newest first: " + newestFirst).doesNotContain("Sort");
            } else {
                assertThat(plan).as("plan, newest first: " + newestFirst).contains("index sorted");
            }
            assertThat(scanned.find()).as(plan).isTrue();
            assertThat(Long.parseLong(scanned.group(1)))
                    .as("rows read for one page of 5,000 threads")
                    .isLessThan(200);
        }
    }
}
