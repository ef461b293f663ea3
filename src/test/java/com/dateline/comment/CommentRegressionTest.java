package com.dateline.comment;

import static com.dateline.comment.CommentTestSupport.BOOKSELLERS;
import static com.dateline.comment.CommentTestSupport.LEBANON;
import static com.dateline.comment.CommentTestSupport.NOWRUZ;
import static com.dateline.comment.CommentTestSupport.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dateline.account.AccountInfo;
import com.dateline.base.BlogTime;
import com.dateline.moderation.ModerationVerb;
import com.dateline.support.SignIn;
import com.vaadin.flow.component.html.Article;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * One test per comment bug fixed in "one submission per author at a time, rejections keep counting
 * after deletion, edits re-decide the reason, replies under withheld comments stay visible,
 * invisible text refused, word boundaries across scripts". Each fails against the old behaviour.
 *
 * <p>Every test but the concurrent one rolls back; the concurrent one commits (no test transaction
 * spans threads) and removes what it wrote on its post.
 */
@SpringBootTest
class CommentRegressionTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    ApplicationContext context;

    @Autowired
    CommentService service;

    @Autowired
    CommentRepository comments;

    @Autowired
    CommentPolicyRepository policies;

    @Autowired
    BlogTime blogTime;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    private static final int ROUNDS = 8;

    CommentTestSupport support;
    long post;
    long otherPost;

    @BeforeEach
    void setUp() {
        support = new CommentTestSupport(context);
        post = support.postId(LEBANON);
        otherPost = support.postId(NOWRUZ);
    }

    // ---------------------------------------------------------------- helpers

    private CommentRefused refused(ThrowingCallable call) {
        var refused = catchThrowableOfType(CommentRefused.class, call);
        assertThat(refused).as("the service should refuse").isNotNull();
        return refused;
    }

    private long storedComments(long authorId) {
        entityManager.flush();
        return jdbc.queryForObject("select count(*) from comment where author_id = ?", Long.class, authorId);
    }

    private List<Long> idsIn(CommentThread thread) {
        return thread.comments().stream().map(CommentView::id).toList();
    }

    private CommentView viewOf(CommentThread thread, long commentId) {
        return thread.comments().stream()
                .filter(view -> view.id() == commentId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("comment " + commentId + " is not in the thread " + thread));
    }

    private long trustedReaderSignedIn(String prefix) {
        var reader = support.signInNewReader(prefix);
        support.makeTrusted(reader.id(), support.postId(BOOKSELLERS));
        return reader.id();
    }

    // ---------------------------------------------------------------- 1. one submission at a time

    /** The reader submits the same text on two threads, each with the reader's sign-in, released at once. */
    private List<Object> submitTwiceAtOnce(ExecutorService pool, AccountInfo reader, long postId, String text)
            throws Exception {
        var ready = new CountDownLatch(2);
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<SubmitOutcome>>();
        for (int i = 0; i < 2; i++) {
            Callable<SubmitOutcome> submit = () -> {
                signIn.as(reader.email()); // this thread's own security context
                try {
                    ready.countDown();
                    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                    return service.submit(postId, null, text);
                } finally {
                    signIn.out();
                }
            };
            futures.add(pool.submit(submit));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("both submits ready").isTrue();
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

    @Test
    void two_identical_submits_by_the_same_reader_at_the_same_moment_store_one_comment_and_refuse_the_other()
            throws Exception {
        var seedPost = support.postId(SEED);
        CommentCleanup.deleteAllCommentsOn(jdbc, seedPost);
        var pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds, each with a fresh reader: a race that a single round may miss is caught
            for (int round = 1; round <= ROUNDS; round++) {
                var reader = support.newReader("double-click-" + round);
                var text = "Posted twice by a double click, round " + round + ".";

                var results = submitTwiceAtOnce(pool, reader, seedPost, text);

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
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            CommentCleanup.deleteAllCommentsOn(jdbc, seedPost);
        }
    }

    // ---------------------------------------------------------------- 2. rejections outlive deletion

    @Test
    @Transactional
    void a_trusted_reader_who_deleted_a_comment_rejected_two_days_ago_is_not_trusted_and_their_next_comment_waits() {
        var reader = trustedReaderSignedIn("rejected-then-deleted");
        var rejected =
                support.insert(otherPost, reader, null, "Rude words", CommentStatus.REJECTED, Duration.ofDays(2));
        service.delete(rejected.id());
        assertThat(support.decision(rejected.id()).status()).isEqualTo(CommentStatus.DELETED);

        var outcome = service.submit(post, null, "Polite words now.");

        assertThat(outcome.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(support.decision(outcome.commentId()))
                .isEqualTo(new Decision(CommentStatus.PENDING, "Pre-moderation"));
    }

    // ---------------------------------------------------------------- 3. edits re-decide the reason

    @Test
    @Transactional
    void editing_a_comment_waiting_for_pre_moderation_to_contain_two_links_records_the_link_hold_as_its_reason() {
        support.signInNewReader("edit-reason");
        var outcome = service.submit(post, null, "A plain first version.");
        assertThat(support.decision(outcome.commentId()))
                .isEqualTo(new Decision(CommentStatus.PENDING, "Pre-moderation"));

        var edited = service.edit(outcome.commentId(), "Compare https://example.org/a and www.example.net/b please.");

        assertThat(edited.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(support.decision(outcome.commentId()))
                .isEqualTo(new Decision(CommentStatus.PENDING, "Held: 2 links"));
    }

    // ---------------------------------------------------------------- 4. replies under withheld comments

    @Test
    @Transactional
    void a_published_reply_under_a_top_level_comment_rejected_later_stays_visible_under_a_withheld_placeholder() {
        var starter = support.newReader("rejected-later-starter");
        var top =
                support.insert(post, starter.id(), null, "Fine at first", CommentStatus.PUBLISHED, Duration.ofHours(2));
        var replier = support.newReader("rejected-later-replier");
        var reply =
                support.insert(post, replier.id(), top, "A good answer", CommentStatus.PUBLISHED, Duration.ofHours(1));
        support.reject(top.id(), "insults");
        signIn.out();

        for (var newestFirst : List.of(false, true)) {
            var thread = service.thread(post, newestFirst, 50);

            assertThat(idsIn(thread)).as("newest first: %s", newestFirst).containsExactly(top.id(), reply.id());
            var placeholder = viewOf(thread, top.id());
            assertThat(placeholder.withheld()).isTrue();
            assertThat(placeholder.text()).isEmpty();
            assertThat(placeholder.authorName()).isEmpty();
            assertThat(placeholder.mine()).isFalse();
            assertThat(placeholder.editable()).isFalse();
            var shown = viewOf(thread, reply.id());
            assertThat(shown.withheld()).isFalse();
            assertThat(shown.text()).isEqualTo("A good answer");
            assertThat(shown.authorName()).isEqualTo("Reader rejected-later-replier");
            assertThat(thread.publishedCount())
                    .as("the count matches the published comments shown")
                    .isEqualTo(thread.comments().stream()
                            .filter(view -> !view.withheld() && view.status() == CommentStatus.PUBLISHED)
                            .count())
                    .isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- 5. deleted comments with deleted replies

    @Test
    @Transactional
    void a_deleted_comment_whose_only_reply_was_also_deleted_does_not_appear_in_the_thread() {
        var starter = support.signInNewReader("deleted-with-deleted-reply");
        var top = support.insert(
                post, starter.id(), null, "Said and withdrawn", CommentStatus.PUBLISHED, Duration.ofHours(2));
        var replier = support.newReader("deleted-reply");
        var reply = support.insert(
                post, replier.id(), top, "Answered and withdrawn", CommentStatus.PUBLISHED, Duration.ofHours(1));
        signIn.run(replier.email(), () -> service.delete(reply.id()));
        service.delete(top.id());

        assertThat(idsIn(service.thread(post, false, 50))).as("its author").doesNotContain(top.id(), reply.id());
        signIn.as(replier.email());
        assertThat(idsIn(service.thread(post, false, 50))).as("the replier").doesNotContain(top.id(), reply.id());
        signIn.out();
        for (var newestFirst : List.of(false, true)) {
            var thread = service.thread(post, newestFirst, 50);
            assertThat(idsIn(thread))
                    .as("anonymous, newest first: %s", newestFirst)
                    .doesNotContain(top.id(), reply.id());
            assertThat(thread.publishedCount()).isZero();
        }
    }

    // ---------------------------------------------------------------- 6. invisible text

    @Test
    @Transactional
    void a_comment_of_only_invisible_characters_is_refused_as_empty_and_nothing_is_stored() {
        var reader = support.signInNewReader("invisible");

        for (var invisible : List.of("\u00A0\u00A0", "\u200B", "\uFEFF \u2060")) {
            assertThat(CommentText.length(invisible)).isZero();
            assertThat(refused(() -> service.submit(post, null, invisible)).getMessage())
                    .as(
                            "refusing %s",
                            invisible
                                    .codePoints()
                                    .mapToObj(Integer::toHexString)
                                    .toList())
                    .isEqualTo("Write something before posting.");
        }
        assertThat(storedComments(reader.id())).isZero();
    }

    // ---------------------------------------------------------------- 7. duplicates ignore newlines

    @Test
    @Transactional
    void the_duplicate_rule_ignores_surrounding_whitespace_including_newlines() {
        var reader = support.signInNewReader("duplicate-newline");
        support.insert(post, reader.id(), null, "Same words\n", CommentStatus.PENDING, Duration.ofHours(1));

        assertThat(refused(() -> service.submit(post, null, "Same words")).getMessage())
                .contains("already posted this comment");
        assertThat(storedComments(reader.id())).isEqualTo(1);
    }

    // ---------------------------------------------------------------- 8. whole words across scripts

    @Test
    @Transactional
    void whole_words_respect_joiners_combining_marks_and_composed_accents_in_every_script() {
        var persian = List.of("کازینو");
        assertThat(CommentText.firstWholeWord("کازینو\u200Cها", persian))
                .as("casino + ZWNJ + plural")
                .isEmpty();
        assertThat(CommentText.firstWholeWord("کازینو", persian)).contains("کازینو");
        assertThat(CommentText.firstWholeWord("این کازینو تازه است", persian)).contains("کازینو");

        var hindi = List.of("कम");
        assertThat(CommentText.firstWholeWord("कमी", hindi)).as("कम inside कमी").isEmpty();
        assertThat(CommentText.firstWholeWord("यह कम है", hindi)).contains("कम");

        var cafe = List.of("café");
        assertThat(CommentText.firstWholeWord("cafe\u0301", cafe))
                .as("decomposed é")
                .contains("café");
        assertThat(CommentText.firstWholeWord("Meet me at the CAFE\u0301 tonight", cafe))
                .contains("café");
        assertThat(CommentText.firstWholeWord("café", List.of("cafe\u0301")))
                .as("decomposed in the list")
                .contains("cafe\u0301");
        assertThat(CommentText.firstWholeWord("cafe", cafe))
                .as("no accent is another word")
                .isEmpty();

        // and through submit, for a trusted reader with the Persian word on the suspect list
        trustedReaderSignedIn("persian-joiner");
        var policy = policies.current();
        policy.setWords(String.join("\n", policy.bannedWords()), "کازینو");
        policy.setLimits(policy.getTrustThreshold(), policy.getLinkHoldThreshold(), 0, policy.getMaxPerDay());
        entityManager.flush();

        var plural = service.submit(post, null, "کازینو\u200Cها بسته شدند");
        assertThat(plural.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(support.decision(plural.commentId()).reason()).startsWith("Trusted reader");

        var alone = service.submit(post, null, "کازینو");
        assertThat(support.decision(alone.commentId()))
                .isEqualTo(new Decision(CommentStatus.PENDING, "Held: suspect word \"کازینو\""));
    }

    // ---------------------------------------------------------------- 9. approving a deleted comment

    @Test
    @Transactional
    void approving_a_comment_its_author_deleted_is_refused_and_it_stays_deleted() {
        var reader = support.signInNewReader("deleted-before-approval");
        var pending = support.insert(
                post, reader.id(), null, "Second thoughts", CommentStatus.PENDING, Duration.ofMinutes(30));
        service.delete(pending.id());

        assertThat(support.decide(ModerationVerb.APPROVE, pending.id(), null).problems())
                .singleElement()
                .asString()
                .contains("deleted");

        assertThat(support.decision(pending.id()))
                .isEqualTo(new Decision(CommentStatus.DELETED, "Deleted by its author"));
        signIn.out();
        assertThat(idsIn(service.thread(post, false, 50))).doesNotContain(pending.id());
    }

    // ---------------------------------------------------------------- 10. editing on a closed post

    @Test
    @Transactional
    void editing_is_refused_once_the_post_is_closed() {
        var reader = support.signInNewReader("closed-editor");
        var mine = support.insert(post, reader.id(), null, "Old words", CommentStatus.PENDING, Duration.ofMinutes(1));
        policies.current().setAutoCloseDays(1);
        assertThat(service.isClosed(post))
                .as("a 2008 post is auto-closed after a day")
                .isTrue();

        assertThat(refused(() -> service.edit(mine.id(), "New words")).getMessage())
                .contains("closed");

        entityManager.flush();
        assertThat(jdbc.queryForObject("select body from comment where id = ?", String.class, mine.id()))
                .isEqualTo("Old words");
    }

    // ---------------------------------------------------------------- 11. the pending marker's space

    @Test
    @Transactional
    void a_pending_own_comment_renders_a_space_between_its_time_and_awaiting_moderation() throws Exception {
        support.signInNewReader("pending-marker");
        var outcome = service.submit(post, null, "Waiting for a moderator.");
        var view = viewOf(service.thread(post, false, 50), outcome.commentId());
        assertThat(view.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(view.mine()).isTrue();

        // CommentParts is package-private in the ui package
        var parts = Class.forName("com.dateline.comment.ui.CommentParts");
        var articleOf = parts.getDeclaredMethod("article", CommentView.class, BlogTime.class);
        articleOf.setAccessible(true);
        var article = (Article) articleOf.invoke(null, view, blogTime);

        var text = article.getElement().getTextRecursively();
        assertThat(text).containsAnyOf("am Awaiting moderation", "pm Awaiting moderation");
        assertThat(text).contains(blogTime.dateline(view.createdAt()) + " Awaiting moderation");
    }
}
