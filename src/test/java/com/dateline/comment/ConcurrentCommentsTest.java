package com.dateline.comment;

import static com.dateline.support.Demo.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Readers posting on the same post at the same moment, each on their own thread with their own
 * sign-in: every comment is stored, each waits for moderation, and each author alone sees theirs.
 * The comments are committed (no test transaction can span threads) and removed afterwards.
 */
@SpringBootTest
class ConcurrentCommentsTest {

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    @Autowired
    CommentService service;

    @Autowired
    JdbcTemplate jdbc;

    long post;
    ExecutorService pool;

    private static final int ROUNDS = 8;

    @BeforeEach
    void setUp() {
        post = support.postId(SEED);
        CommentCleanup.deleteAllCommentsOn(jdbc, post);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        CommentCleanup.deleteAllCommentsOn(jdbc, post);
    }

    /** Each reader submits on their own thread, all released at once by a start gate; every submit must succeed. */
    private List<SubmitOutcome> submitAtOnce(List<AccountInfo> readers, List<String> texts) throws Exception {
        var outcomes = new ArrayList<SubmitOutcome>();
        for (var result : attemptAtOnce(readers, texts)) {
            if (result instanceof Throwable failed) {
                throw new AssertionError("a submit failed", failed);
            }
            outcomes.add((SubmitOutcome) result);
        }
        return outcomes;
    }

    /** As {@link #submitAtOnce}, but each submit's outcome or the exception it ended with. */
    private List<Object> attemptAtOnce(List<AccountInfo> readers, List<String> texts) throws Exception {
        if (pool == null) {
            pool = Executors.newCachedThreadPool();
        }
        var ready = new CountDownLatch(readers.size());
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<SubmitOutcome>>();
        for (int i = 0; i < readers.size(); i++) {
            var reader = readers.get(i);
            var text = texts.get(i);
            Callable<SubmitOutcome> submit = () -> {
                support.signIn().as(reader.email()); // this thread's own SecurityContext
                try {
                    ready.countDown();
                    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                    return service.submit(post, null, text);
                } finally {
                    support.signIn().out();
                }
            };
            futures.add(pool.submit(submit));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("all readers ready").isTrue();
        go.countDown();
        var results = new ArrayList<Object>();
        for (var future : futures) {
            try {
                results.add(future.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException failed) {
                results.add(failed.getCause());
            }
        }
        return results;
    }

    private List<Long> visibleIds() {
        return service.thread(post, false, 50).comments().stream()
                .map(CommentView::id)
                .toList();
    }

    @Test
    void two_readers_posting_at_the_same_moment_both_wait_for_moderation_and_see_only_their_own() throws Exception {
        var amal = support.newReader("amal");
        var dov = support.newReader("dov");

        var outcomes = submitAtOnce(List.of(amal, dov), List.of("Amal's view from Beirut.", "Dov's view from Haifa."));

        var amalsComment = outcomes.get(0).commentId();
        var dovsComment = outcomes.get(1).commentId();
        assertThat(amalsComment).isNotEqualTo(dovsComment);
        assertThat(outcomes).extracting(SubmitOutcome::status).containsOnly(CommentStatus.PENDING);

        // both stored, each under its author, as typed
        assertThat(jdbc.queryForList("select author_id from comment where post_id = ? order by id", Long.class, post))
                .containsExactlyInAnyOrder(amal.id(), dov.id());
        assertThat(jdbc.queryForObject("select body from comment where id = ?", String.class, amalsComment))
                .isEqualTo("Amal's view from Beirut.");
        assertThat(jdbc.queryForObject("select body from comment where id = ?", String.class, dovsComment))
                .isEqualTo("Dov's view from Haifa.");
        assertThat(jdbc.queryForList("select status from comment where post_id = ?", String.class, post))
                .containsOnly("PENDING");

        support.signIn().as(amal.email());
        assertThat(visibleIds()).containsExactly(amalsComment);
        assertThat(service.thread(post, false, 50).comments().getFirst().mine()).isTrue();

        support.signIn().as(dov.email());
        assertThat(visibleIds()).containsExactly(dovsComment);

        support.signInNewReader("bystander");
        assertThat(visibleIds()).isEmpty();

        support.signIn().out();
        var anonymous = service.thread(post, false, 50);
        assertThat(anonymous.comments()).isEmpty();
        assertThat(anonymous.publishedCount()).isZero();
    }

    @Test
    void eight_readers_posting_the_same_words_at_once_are_all_stored() throws Exception {
        var readers = new ArrayList<AccountInfo>();
        for (int i = 0; i < 8; i++) {
            readers.add(support.newReader("crowd" + i));
        }

        var outcomes = submitAtOnce(readers, java.util.Collections.nCopies(8, "Me too."));

        assertThat(outcomes)
                .extracting(SubmitOutcome::commentId)
                .doesNotHaveDuplicates()
                .hasSize(8);
        assertThat(outcomes).extracting(SubmitOutcome::status).containsOnly(CommentStatus.PENDING);
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, post))
                .isEqualTo(8);
        for (int i = 0; i < readers.size(); i++) {
            support.signIn().as(readers.get(i).email());
            assertThat(visibleIds()).containsExactly(outcomes.get(i).commentId());
        }
        support.signIn().out();
        assertThat(visibleIds()).isEmpty();
    }

    @Test
    void two_identical_submits_by_the_same_reader_at_the_same_moment_store_one_comment_and_refuse_the_other()
            throws Exception {
        // several rounds, each with a fresh reader: a race that a single round may miss is caught
        for (int round = 1; round <= ROUNDS; round++) {
            var reader = support.newReader("double-click-" + round);
            var text = "Posted twice by a double click, round " + round + ".";

            var results = attemptAtOnce(List.of(reader, reader), List.of(text, text));

            var stored = results.stream()
                    .filter(SubmitOutcome.class::isInstance)
                    .map(SubmitOutcome.class::cast)
                    .toList();
            var refusals = results.stream()
                    .filter(CommentRefused.class::isInstance)
                    .map(CommentRefused.class::cast)
                    .toList();
            assertThat(stored)
                    .as("round %d: exactly one submit is stored (%s)", round, results)
                    .hasSize(1);
            assertThat(refusals)
                    .as("round %d: the other is refused (%s)", round, results)
                    .hasSize(1);
            assertThat(refusals.getFirst().getMessage())
                    .containsAnyOf("commenting very quickly", "already posted this comment");
            assertThat(jdbc.queryForList("select id from comment where author_id = ?", Long.class, reader.id()))
                    .as("round %d: comments stored for the reader", round)
                    .containsExactly(stored.getFirst().commentId());
        }
    }
}
