package com.dateline.moderation;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.dateline.comment.CommentRecords;
import com.dateline.comment.CommentRefused;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ReportReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderators' service against the real database: each action and its history row, bulk
 * decisions, the conflict when two moderators act on the same comment, undo, claims, the queue
 * counts and the queue filters. Every comment is written by a fresh reader on one post and
 * removed again after each test, with its reports and history.
 */
@SpringBootTest
class ModerationServiceTest {

    @RegisterExtension
    final ModerationTestSupport support = new ModerationTestSupport();

    @Autowired
    ModerationService moderation;

    @Autowired
    ModerationQueueService queues;

    @Autowired
    CommentService commentService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommentRecords commentRecords;

    @Autowired
    ModerationActionRepository history;

    @Autowired
    ModerationClaims claims;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    long postId;

    @BeforeEach
    void setUp() {
        postId = support.postId(JERUSALEM);
    }

    // --- helpers -------------------------------------------------------------------------------

    private List<HistoryEntry> history(long commentId) {
        return support.signIn().call(MODERATOR, () -> moderation.historyOf(commentId));
    }

    private BulkResult decide(
            String moderatorEmail, ModerationVerb verb, long commentId, long seenVersion, @Nullable String reason) {
        return support.signIn()
                .call(moderatorEmail, () -> moderation.decide(verb, Map.of(commentId, seenVersion), reason));
    }

    private BulkResult decideNow(String moderatorEmail, ModerationVerb verb, long commentId, @Nullable String reason) {
        return decide(moderatorEmail, verb, commentId, support.item(commentId).version(), reason);
    }

    private List<Long> ids(List<ModerationItem> items) {
        return items.stream().map(ModerationItem::id).toList();
    }

    // --- two moderators at once -----------------------------------------------------------------

    @Test
    void two_moderators_approving_the_same_comments_at_once_each_get_an_answer_and_every_comment_is_decided_once()
            throws Exception {
        var ids = new ArrayList<Long>();
        for (var i = 0; i < 40; i++) {
            ids.add(support.submitAsNewReader(
                    postId, "Race Reader " + i, "Race comment number " + i + " about the Old City."));
        }
        var seen = new LinkedHashMap<Long, Long>();
        ids.forEach(id -> seen.put(id, support.item(id).version()));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> {
                start.await();
                return support.signIn().call(MODERATOR, () -> moderation.decide(ModerationVerb.APPROVE, seen, null));
            });
            var second = pool.submit(() -> {
                start.await();
                return support.signIn().call(ADMIN, () -> moderation.decide(ModerationVerb.APPROVE, seen, null));
            });
            start.countDown();
            var results = List.of(first.get(), second.get());

            assertThat(results.stream().mapToInt(BulkResult::applied).sum()).isEqualTo(ids.size());
            assertThat(results.stream()
                            .mapToInt(result -> result.problems().size())
                            .sum())
                    .isEqualTo(ids.size());
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(support.item(id).status()).isEqualTo(CommentStatus.PUBLISHED);
            assertThat(history(id)).hasSize(1);
        });
    }

    // --- each action and its history row ---------------------------------------------------------

    @Test
    void approving_publishes_the_comment_and_stores_one_history_row() {
        var id = support.submitAsNewReader(postId, "Approve Reader", "The Damascus Gate was quiet at dawn.");
        var before = support.item(id);
        assertThat(before.status()).isEqualTo(CommentStatus.PENDING);
        var startedAt = Instant.now();

        var result = decide(MODERATOR, ModerationVerb.APPROVE, id, before.version(), null);

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.problems()).isEmpty();
        var after = support.item(id);
        assertThat(after.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(after.spam()).isFalse();
        assertThat(after.reason()).isEqualTo("Approved by Demo Moderator");
        assertThat(after.version()).isGreaterThan(before.version());

        var history = history(id);
        assertThat(history).hasSize(1);
        var row = history.getFirst();
        assertThat(row.commentId()).isEqualTo(id);
        assertThat(row.moderatorId()).isEqualTo(support.accountId(MODERATOR));
        assertThat(row.moderator()).isEqualTo("Demo Moderator");
        assertThat(row.action()).isEqualTo(ModerationVerb.APPROVE);
        assertThat(row.statusBefore()).isEqualTo(CommentStatus.PENDING);
        assertThat(row.statusAfter()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(row.reason()).isNull();
        assertThat(row.undoesId()).isNull();
        assertThat(row.undone()).isFalse();
        assertThat(row.createdAt()).isCloseTo(startedAt, within(1, ChronoUnit.MINUTES));
    }

    @Test
    void rejecting_with_a_reason_stores_the_reason_in_the_history_and_on_the_comment() {
        var id = support.submitAsNewReader(postId, "Reject Reader", "Everyone in this city is a liar.");

        var result = decideNow(MODERATOR, ModerationVerb.REJECT, id, "  Insults a whole city  ");

        assertThat(result.applied()).isEqualTo(1);
        var after = support.item(id);
        assertThat(after.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(after.spam()).isFalse();
        assertThat(after.reason()).isEqualTo("Rejected by Demo Moderator: Insults a whole city");

        var history = history(id);
        assertThat(history).singleElement().satisfies(row -> {
            assertThat(row.moderator()).isEqualTo("Demo Moderator");
            assertThat(row.action()).isEqualTo(ModerationVerb.REJECT);
            assertThat(row.statusBefore()).isEqualTo(CommentStatus.PENDING);
            assertThat(row.statusAfter()).isEqualTo(CommentStatus.REJECTED);
            assertThat(row.reason()).isEqualTo("Insults a whole city");
        });
    }

    @Test
    void marking_as_spam_rejects_the_comment_counts_it_against_the_author_and_stores_one_history_row() {
        var author = support.newReader("Spam Reader");
        var id = support.submitAs(author, postId, "Cheap flights to Tel Aviv, write to me for a deal.");
        var recordBefore = support.signIn().call(MODERATOR, () -> queues.authorRecord(author.id()));
        assertThat(recordBefore.spam()).isZero();
        assertThat(recordBefore.pending()).isEqualTo(1);

        var result = decideNow(MODERATOR, ModerationVerb.SPAM, id, null);

        assertThat(result.applied()).isEqualTo(1);
        var after = support.item(id);
        assertThat(after.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(after.spam()).isTrue();
        assertThat(after.reason()).isEqualTo("Marked as spam by Demo Moderator");
        var record = support.signIn().call(MODERATOR, () -> queues.authorRecord(author.id()));
        assertThat(record.spam()).isEqualTo(1);
        assertThat(record.rejected()).isEqualTo(1);
        assertThat(record.pending()).isZero();

        assertThat(history(id)).singleElement().satisfies(row -> {
            assertThat(row.moderator()).isEqualTo("Demo Moderator");
            assertThat(row.action()).isEqualTo(ModerationVerb.SPAM);
            assertThat(row.statusBefore()).isEqualTo(CommentStatus.PENDING);
            assertThat(row.statusAfter()).isEqualTo(CommentStatus.REJECTED);
            assertThat(row.reason()).isNull();
        });
    }

    @Test
    void an_admin_acting_is_named_in_the_history_as_themselves() {
        var id = support.submitAsNewReader(postId, "Admin Reader", "The olive trees on the Mount are in flower.");

        decideNow(ADMIN, ModerationVerb.APPROVE, id, null);

        assertThat(history(id)).singleElement().satisfies(row -> {
            assertThat(row.moderator()).isEqualTo("Demo Admin");
            assertThat(row.moderatorId()).isEqualTo(support.accountId(ADMIN));
        });
        assertThat(support.item(id).reason()).isEqualTo("Approved by Demo Admin");
    }

    @Test
    void the_global_log_shows_the_latest_action_first_and_can_be_narrowed_to_one_moderator() {
        var first = support.submitAsNewReader(postId, "Log Reader One", "First comment for the log.");
        var second = support.submitAsNewReader(postId, "Log Reader Two", "Second comment for the log.");
        decideNow(MODERATOR, ModerationVerb.APPROVE, first, null);
        decideNow(ADMIN, ModerationVerb.REJECT, second, "Off topic");

        var all = support.signIn().call(MODERATOR, () -> moderation.log(null, PageRequest.of(0, 2)));
        assertThat(all.getContent()).extracting(HistoryEntry::commentId).containsExactly(second, first);
        var moderatorsOnly = support.signIn()
                .call(MODERATOR, () -> moderation.log(support.accountId(MODERATOR), PageRequest.of(0, 1)));
        assertThat(moderatorsOnly.getContent()).singleElement().satisfies(row -> {
            assertThat(row.commentId()).isEqualTo(first);
            assertThat(row.moderator()).isEqualTo("Demo Moderator");
        });
    }

    // --- bulk ---------------------------------------------------------------------------------

    @Test
    void bulk_approve_applies_every_comment_in_one_call_with_a_history_row_each() {
        var ids = List.of(
                support.submitAsNewReader(postId, "Bulk Reader A", "Bulk comment A about the Old City."),
                support.submitAsNewReader(postId, "Bulk Reader B", "Bulk comment B about the Old City."),
                support.submitAsNewReader(postId, "Bulk Reader C", "Bulk comment C about the Old City."));
        var seen = new LinkedHashMap<Long, Long>();
        ids.forEach(id -> seen.put(id, support.item(id).version()));
        var pendingBefore = support.counts().of(ModerationQueue.PENDING);

        var result = support.signIn().call(MODERATOR, () -> moderation.decide(ModerationVerb.APPROVE, seen, null));

        assertThat(result.applied()).isEqualTo(3);
        assertThat(result.problems()).isEmpty();
        assertThat(result.summary(ModerationVerb.APPROVE)).isEqualTo("Approved 3 comments.");
        for (var id : ids) {
            assertThat(support.item(id).status()).as("comment %d", id).isEqualTo(CommentStatus.PUBLISHED);
            assertThat(history(id)).as("history of %d", id).singleElement().satisfies(row -> {
                assertThat(row.action()).isEqualTo(ModerationVerb.APPROVE);
                assertThat(row.statusBefore()).isEqualTo(CommentStatus.PENDING);
                assertThat(row.statusAfter()).isEqualTo(CommentStatus.PUBLISHED);
            });
        }
        assertThat(support.counts().of(ModerationQueue.PENDING)).isEqualTo(pendingBefore - 3);
        // the rows written, one per comment, for "Undo"
        assertThat(result.actionIds())
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(id -> history(id).getFirst().id()).toList());
    }

    @Test
    void bulk_reject_at_current_versions_applies_every_comment_with_the_reason() {
        var ids = List.of(
                support.submitAsNewReader(postId, "Bulk Reject A", "Bulk reject comment A."),
                support.submitAsNewReader(postId, "Bulk Reject B", "Bulk reject comment B."));

        var result = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.REJECT, ids, "Duplicate thread"));

        assertThat(result.applied()).isEqualTo(2);
        for (var id : ids) {
            assertThat(support.item(id).status()).isEqualTo(CommentStatus.REJECTED);
            assertThat(history(id))
                    .singleElement()
                    .extracting(HistoryEntry::reason)
                    .isEqualTo("Duplicate thread");
        }
    }

    @Test
    void a_stale_comment_in_a_bulk_decision_is_skipped_and_the_others_still_count() {
        var fresh = support.submitAsNewReader(postId, "Bulk Fresh", "This one nobody has touched.");
        var taken = support.submitAsNewReader(postId, "Bulk Taken", "This one another moderator takes first.");
        var seenTaken = support.item(taken).version();
        decide(ADMIN, ModerationVerb.REJECT, taken, seenTaken, null);

        var seen = new LinkedHashMap<Long, Long>();
        seen.put(fresh, support.item(fresh).version());
        seen.put(taken, seenTaken);
        var result = support.signIn().call(MODERATOR, () -> moderation.decide(ModerationVerb.APPROVE, seen, null));

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.problems())
                .singleElement()
                .asString()
                .contains(String.valueOf(taken))
                .contains("Already rejected by Demo Admin");
        assertThat(support.item(fresh).status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(history(fresh)).hasSize(1);
        assertThat(support.item(taken).status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(history(taken))
                .singleElement()
                .extracting(HistoryEntry::moderator)
                .isEqualTo("Demo Admin");
    }

    // --- the reason's length ----------------------------------------------------------------------

    @Test
    void a_reason_longer_than_300_characters_is_refused_and_nothing_changes() {
        var first =
                support.submitAsNewReader(postId, "Long Reason A", "A comment the moderator has a lot to say about.");
        var second = support.submitAsNewReader(postId, "Long Reason B", "Another comment in the same batch.");
        var seen = new LinkedHashMap<Long, Long>();
        seen.put(first, support.item(first).version());
        seen.put(second, support.item(second).version());
        var tooLong = "x".repeat(ModerationService.MAX_REASON_LENGTH + 1);
        // code points, not UTF-16 units: 301 emoji are one too many as well
        var tooManyEmoji = "\uD83D\uDE21".repeat(ModerationService.MAX_REASON_LENGTH + 1);

        for (var verb : List.of(ModerationVerb.REJECT, ModerationVerb.SPAM, ModerationVerb.APPROVE)) {
            for (var reason : List.of(tooLong, "  " + tooLong + "  ", tooManyEmoji)) {
                assertThatThrownBy(() -> support.signIn().call(MODERATOR, () -> moderation.decide(verb, seen, reason)))
                        .as("%s with %d UTF-16 units", verb, reason.length())
                        .isInstanceOf(ReasonRefused.class)
                        .hasMessageContaining("300");
            }
        }
        assertThatThrownBy(() -> support.signIn()
                        .call(
                                MODERATOR,
                                () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(first), tooLong)))
                .isInstanceOf(ReasonRefused.class);

        for (var id : List.of(first, second)) {
            var after = support.item(id);
            assertThat(after.status()).as("comment %d", id).isEqualTo(CommentStatus.PENDING);
            assertThat(after.version()).as("comment %d", id).isEqualTo(seen.get(id));
            assertThat(after.reason()).isEqualTo("Pre-moderation");
            assertThat(support.storedAuthorNote(id)).isNull();
            assertThat(history(id)).as("history of %d", id).isEmpty();
        }
    }

    @Test
    void a_300_character_reason_from_a_moderator_with_a_long_display_name_is_stored_whole() {
        // a display name as long as its column allows, on an account made a moderator
        var longName = "Night-shift moderator for the Old City desk ".repeat(4).substring(0, 159) + "k";
        assertThat(longName).hasSize(160);
        var moderator = support.newReader("Future Moderator");
        jdbc.update("update account set role = 'MODERATOR', display_name = ? where id = ?", longName, moderator.id());
        // 300 as readers count characters; the emoji make it 589 as the database counts them (UTF-16)
        var reason = "Off topic. " + "🚫".repeat(289);
        assertThat(reason.codePointCount(0, reason.length())).isEqualTo(ModerationService.MAX_REASON_LENGTH);
        var author = support.newReader("Long Reason Author");
        var id = support.submitAs(author, postId, "Buy my photographs of the Old City walls, cheap.");

        var result = decide(
                moderator.email(), ModerationVerb.SPAM, id, support.item(id).version(), reason);

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.problems()).isEmpty();
        var after = support.item(id);
        assertThat(after.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(after.spam()).isTrue();
        assertThat(after.reason()).isEqualTo("Marked as spam by " + longName + ": " + reason);
        assertThat(support.storedAuthorNote(id)).isEqualTo(reason);
        assertThat(history(id)).singleElement().satisfies(row -> {
            assertThat(row.moderator()).isEqualTo(longName);
            assertThat(row.reason()).isEqualTo(reason);
        });
        var seenByAuthor =
                support
                        .signIn()
                        .call(author.email(), () -> commentService.thread(postId, false, 50))
                        .comments()
                        .stream()
                        .filter(view -> view.id() == id)
                        .findFirst()
                        .orElseThrow();
        assertThat(seenByAuthor.noteToAuthor()).isEqualTo(reason);
    }

    // --- two moderators, one comment ---------------------------------------------------------------

    @Test
    void the_second_moderator_approving_the_same_version_is_told_who_got_there_first_and_nothing_changes_twice() {
        var id = support.submitAsNewReader(postId, "Conflict Reader", "Two moderators will look at this.");
        var seen = support.item(id).version();

        var first = decide(MODERATOR, ModerationVerb.APPROVE, id, seen, null);
        var afterFirst = support.item(id);
        var second = decide(ADMIN, ModerationVerb.APPROVE, id, seen, null);

        assertThat(first.applied()).isEqualTo(1);
        assertThat(second.applied()).isZero();
        assertThat(second.problems()).singleElement().asString().contains("Already approved by Demo Moderator");
        assertThat(second.summary(ModerationVerb.APPROVE))
                .contains("Approved 0 comments.")
                .contains("1 skipped");
        var afterSecond = support.item(id);
        assertThat(afterSecond.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(afterSecond.reason()).isEqualTo("Approved by Demo Moderator");
        assertThat(afterSecond.version()).isEqualTo(afterFirst.version());
        assertThat(history(id)).singleElement().satisfies(row -> {
            assertThat(row.moderator()).isEqualTo("Demo Moderator");
            assertThat(row.action()).isEqualTo(ModerationVerb.APPROVE);
        });
    }

    @Test
    void a_second_moderator_rejecting_what_the_first_approved_does_not_overwrite_it() {
        var id = support.submitAsNewReader(postId, "Overwrite Reader", "Approve me, then someone rejects me late.");
        var seen = support.item(id).version();

        decide(MODERATOR, ModerationVerb.APPROVE, id, seen, null);
        var late = decide(ADMIN, ModerationVerb.REJECT, id, seen, "Too late");

        assertThat(late.applied()).isZero();
        assertThat(late.problems()).singleElement().asString().contains("Already approved by Demo Moderator");
        assertThat(support.item(id).status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(history(id)).hasSize(1);
    }

    @Test
    void a_decision_with_a_stale_version_is_skipped_with_the_first_moderators_name_and_decision() {
        var id = support.submitAsNewReader(postId, "Verdict Reader", "Decided twice on the same version.");
        var seen = support.item(id).version();
        decide(MODERATOR, ModerationVerb.APPROVE, id, seen, null);

        var late = decide(ADMIN, ModerationVerb.APPROVE, id, seen, null);

        assertThat(late.problems()).containsExactly("Comment " + id + ": Already approved by Demo Moderator.");
    }

    @Test
    void a_decision_on_the_version_before_the_author_edited_is_refused_and_the_new_version_is_accepted() {
        var author = support.newReader("Editing Reader");
        var id = support.submitAs(author, postId, "The first version of what I think.");
        var seen = support.item(id).version();
        support.signIn().call(author.email(), () -> commentService.edit(id, "What I really think, after all."));
        assertThat(support.item(id).version()).isNotEqualTo(seen);

        var stale = decide(MODERATOR, ModerationVerb.APPROVE, id, seen, null);

        assertThat(stale.applied()).isZero();
        assertThat(stale.problems()).singleElement().asString().contains("changed meanwhile");
        assertThat(support.item(id).status()).isEqualTo(CommentStatus.PENDING);
        assertThat(history(id)).isEmpty();

        var fresh = decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);
        assertThat(fresh.applied()).isEqualTo(1);
        assertThat(support.item(id).status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(support.item(id).text()).isEqualTo("What I really think, after all.");
    }

    @Test
    void a_comment_its_author_deleted_cannot_be_decided_even_at_its_current_version() {
        var author = support.newReader("Deleting Reader");
        var id = support.submitAs(author, postId, "I will take this back before anyone reads it.");
        var seen = support.item(id).version();
        support.signIn().run(author.email(), () -> commentService.delete(id));

        var stale = decide(MODERATOR, ModerationVerb.APPROVE, id, seen, null);
        var current = decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);

        assertThat(stale.applied()).isZero();
        assertThat(stale.problems()).singleElement().asString().contains("deleted");
        assertThat(current.applied()).isZero();
        assertThat(current.problems()).singleElement().asString().contains("deleted");
        assertThat(support.item(id).status()).isEqualTo(CommentStatus.DELETED);
        assertThat(history(id)).isEmpty();
    }

    // --- undo -----------------------------------------------------------------------------------

    @Test
    void undoing_ones_own_approval_returns_the_comment_to_pending_and_adds_an_undo_row() {
        var id = support.submitAsNewReader(postId, "Undo Reader", "Approve me by mistake, then undo.");
        decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);
        var approval = history(id).getFirst();

        support.signIn().run(MODERATOR, () -> moderation.undo(approval.id()));

        var after = support.item(id);
        assertThat(after.status()).isEqualTo(CommentStatus.PENDING);
        var history = history(id);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).id()).isEqualTo(approval.id());
        assertThat(history.get(0).action()).isEqualTo(ModerationVerb.APPROVE);
        assertThat(history.get(0).undone()).isTrue();
        var undo = history.get(1);
        assertThat(undo.action()).isEqualTo(ModerationVerb.UNDO);
        assertThat(undo.undoesId()).isEqualTo(approval.id());
        assertThat(undo.moderator()).isEqualTo("Demo Moderator");
        assertThat(undo.statusBefore()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(undo.statusAfter()).isEqualTo(CommentStatus.PENDING);
        assertThat(undo.undone()).isFalse();

        // back in the queue: it can be decided again
        assertThat(decideNow(MODERATOR, ModerationVerb.REJECT, id, null).applied())
                .isEqualTo(1);
        assertThat(support.item(id).status()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void undoing_a_spam_verdict_returns_the_comment_to_pending_and_no_longer_counts_it_as_spam() {
        var author = support.newReader("Undo Spam Reader");
        var id = support.submitAs(author, postId, "Not spam at all, just an honest note.");
        decideNow(MODERATOR, ModerationVerb.SPAM, id, null);
        var spamRow = history(id).getFirst();

        support.signIn().run(MODERATOR, () -> moderation.undo(spamRow.id()));

        var after = support.item(id);
        assertThat(after.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(after.spam()).isFalse();
        assertThat(support.signIn()
                        .call(MODERATOR, () -> queues.authorRecord(author.id()))
                        .spam())
                .isZero();
        assertThat(history(id))
                .extracting(HistoryEntry::action)
                .containsExactly(ModerationVerb.SPAM, ModerationVerb.UNDO);
    }

    @Test
    void undoing_someone_elses_action_is_refused_and_changes_nothing() {
        var id = support.submitAsNewReader(
                postId, "Foreign Undo Reader", "The moderator approves, the admin tries to undo.");
        decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);
        var approval = history(id).getFirst();

        assertThatThrownBy(() -> support.signIn().run(ADMIN, () -> moderation.undo(approval.id())))
                .isInstanceOf(ModerationConflict.class)
                .hasMessageContaining("only undo your own");

        assertThat(support.item(id).status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(history(id)).singleElement().extracting(HistoryEntry::undone).isEqualTo(false);
    }

    @Test
    void a_second_undo_of_the_same_action_is_refused_and_so_is_undoing_an_undo() {
        var id = support.submitAsNewReader(postId, "Double Undo Reader", "Undo me once, not twice.");
        decideNow(MODERATOR, ModerationVerb.REJECT, id, "first look");
        var rejection = history(id).getFirst();
        support.signIn().run(MODERATOR, () -> moderation.undo(rejection.id()));
        var undoRow = history(id).get(1);

        assertThatThrownBy(() -> support.signIn().run(MODERATOR, () -> moderation.undo(rejection.id())))
                .isInstanceOf(ModerationConflict.class)
                .hasMessageContaining("already undone");
        assertThatThrownBy(() -> support.signIn().run(MODERATOR, () -> moderation.undo(undoRow.id())))
                .isInstanceOf(ModerationConflict.class);

        assertThat(support.item(id).status()).isEqualTo(CommentStatus.PENDING);
        assertThat(history(id)).hasSize(2);
    }

    @Test
    void only_ones_own_fresh_not_yet_undone_action_can_be_undone() {
        var id = support.submitAsNewReader(postId, "Can Undo Reader", "Whose action may be undone?");
        decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);
        var approval = history(id).getFirst();

        assertThat(support.signIn().call(MODERATOR, () -> moderation.canUndo(approval)))
                .isTrue();
        assertThat(support.signIn().call(ADMIN, () -> moderation.canUndo(approval)))
                .isFalse();
        var old = new HistoryEntry(
                approval.id(),
                id,
                approval.moderatorId(),
                approval.moderator(),
                approval.action(),
                approval.statusBefore(),
                approval.statusAfter(),
                null,
                null,
                Instant.now().minus(ModerationService.UNDO_WINDOW).minusSeconds(5),
                false);
        assertThat(support.signIn().call(MODERATOR, () -> moderation.canUndo(old)))
                .isFalse();

        support.signIn().run(MODERATOR, () -> moderation.undo(approval.id()));
        var history = history(id);
        assertThat(support.signIn().call(MODERATOR, () -> moderation.canUndo(history.get(0))))
                .isFalse();
        assertThat(support.signIn().call(MODERATOR, () -> moderation.canUndo(history.get(1))))
                .isFalse();
    }

    @Test
    void undoing_an_action_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> support.signIn().run(MODERATOR, () -> moderation.undo(Long.MAX_VALUE)))
                .isInstanceOf(ModerationConflict.class);
    }

    // --- claims ----------------------------------------------------------------------------------

    @Test
    void a_claim_is_shown_to_other_moderators_with_the_claimants_name_but_not_to_the_claimant() {
        var id = support.submitAsNewReader(postId, "Claim Reader", "Someone is reading me right now.");

        support.signIn().run(MODERATOR, () -> moderation.claim(id));

        var seenByAdmin = support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(id)));
        assertThat(seenByAdmin).containsOnlyKeys(id);
        var claim = seenByAdmin.get(id);
        assertThat(claim.moderator()).isEqualTo("Demo Moderator");
        assertThat(claim.moderatorId()).isEqualTo(support.accountId(MODERATOR));
        assertThat(claim.until())
                .isAfter(Instant.now())
                .isBefore(Instant.now().plus(ModerationService.CLAIM_TIME).plusSeconds(5));
        assertThat(support.signIn().call(MODERATOR, () -> moderation.claimsByOthers(List.of(id))))
                .isEmpty();
    }

    @Test
    void a_second_moderator_opening_a_claimed_comment_sees_who_reviews_it_and_does_not_take_the_claim() {
        var commentId = support.submitAsNewReader(postId, "Claimed", "Who is looking at this one?");
        support.signIn().run(MODERATOR, () -> moderation.claim(commentId));

        support.signIn().run(ADMIN, () -> moderation.claim(commentId));

        var seenByAdmin = support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(commentId)));
        assertThat(seenByAdmin.get(commentId).moderator()).isEqualTo("Demo Moderator");
        assertThat(support.signIn().call(MODERATOR, () -> moderation.claimsByOthers(List.of(commentId))))
                .isEmpty();
    }

    @Test
    void a_released_or_decided_comment_is_no_longer_claimed() {
        var released = support.submitAsNewReader(postId, "Release Reader", "Opened, then closed again.");
        var decided = support.submitAsNewReader(postId, "Decided Reader", "Opened, then approved.");
        support.signIn().run(MODERATOR, () -> {
            moderation.claim(released);
            moderation.claim(decided);
        });
        assertThat(support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(released, decided))))
                .containsOnlyKeys(released, decided);

        support.signIn().run(ADMIN, () -> moderation.release(released)); // not the admin's claim: stays
        assertThat(support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(released))))
                .containsOnlyKeys(released);
        support.signIn().run(MODERATOR, () -> moderation.release(released));
        decideNow(MODERATOR, ModerationVerb.APPROVE, decided, null);

        assertThat(support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(released, decided))))
                .isEmpty();
    }

    /** The same service as another node has it: nothing shared with this one but the database. */
    private ModerationService onAnotherNode() {
        return new ModerationService(
                commentRecords,
                history,
                clock,
                transaction,
                new ModerationClaims(JdbcClient.create(dataSource), clock));
    }

    private @Nullable Long storedClaimant(long commentId) {
        return jdbc
                .query(
                        "select moderator_id from moderation_claim where comment_id = ?",
                        (row, n) -> row.getLong(1),
                        commentId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Test
    void a_claim_made_on_one_node_is_seen_and_kept_on_another() {
        var commentId = support.submitAsNewReader(postId, "Two Nodes", "Opened on the first node.");
        var other = onAnotherNode();

        support.signIn().run(MODERATOR, () -> moderation.claim(commentId));
        support.signIn().run(ADMIN, () -> other.claim(commentId));

        assertThat(storedClaimant(commentId)).isEqualTo(support.accountId(MODERATOR));
        var seenByAdmin = support.signIn().call(ADMIN, () -> other.claimsByOthers(List.of(commentId)));
        assertThat(seenByAdmin.get(commentId).moderator()).isEqualTo("Demo Moderator");

        support.signIn().run(MODERATOR, () -> other.release(commentId));
        assertThat(storedClaimant(commentId)).isNull();
        assertThat(support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(commentId))))
                .isEmpty();
    }

    @Test
    void two_moderators_claiming_one_comment_at_once_on_two_nodes_get_one_claim_between_them() throws Exception {
        var commentId = support.submitAsNewReader(postId, "Claim Race", "Both moderators open me at once.");
        var other = onAnotherNode();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> {
                start.await();
                support.signIn().run(MODERATOR, () -> moderation.claim(commentId));
                return null;
            });
            var second = pool.submit(() -> {
                start.await();
                support.signIn().run(ADMIN, () -> other.claim(commentId));
                return null;
            });
            start.countDown();
            first.get();
            second.get();
        }

        var winner = storedClaimant(commentId);
        assertThat(winner).isIn(support.accountId(MODERATOR), support.accountId(ADMIN));
        var seenByModerator = support.signIn().call(MODERATOR, () -> other.claimsByOthers(List.of(commentId)));
        var seenByAdmin = support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(commentId)));
        assertThat(seenByModerator.size() + seenByAdmin.size())
                .as("the loser sees the winner's claim, the winner sees none")
                .isEqualTo(1);
    }

    @Test
    void a_lapsed_claim_counts_as_absent_is_taken_over_and_swept() {
        var taken = support.submitAsNewReader(postId, "Lapsed Claim", "Opened long ago.");
        var swept = support.submitAsNewReader(postId, "Swept Claim", "Opened long ago and left.");
        var moderatorId = support.accountId(MODERATOR);
        var longAgo = Instant.now()
                .minus(ModerationService.CLAIM_TIME.multipliedBy(2))
                .atOffset(ZoneOffset.UTC);
        for (var id : List.of(taken, swept)) {
            jdbc.update(
                    "insert into moderation_claim (comment_id, moderator_id, moderator_name, claimed_until)"
                            + " values (?, ?, 'Demo Moderator', ?)",
                    id,
                    moderatorId,
                    longAgo);
        }
        assertThat(support.signIn().call(ADMIN, () -> moderation.claimsByOthers(List.of(taken, swept))))
                .isEmpty();

        support.signIn().run(ADMIN, () -> moderation.claim(taken));
        assertThat(storedClaimant(taken)).isEqualTo(support.accountId(ADMIN));

        assertThat(claims.deleteLapsed()).isPositive();
        assertThat(storedClaimant(swept)).isNull();
        assertThat(storedClaimant(taken)).isEqualTo(support.accountId(ADMIN));
    }

    // --- counts -----------------------------------------------------------------------------------

    @Test
    void the_pending_count_goes_up_with_a_new_comment_and_down_when_it_is_approved() {
        var before = support.counts();

        var id = support.submitAsNewReader(postId, "Count Reader", "Count me in the pending queue.");
        var afterSubmit = support.counts();
        assertThat(afterSubmit.of(ModerationQueue.PENDING)).isEqualTo(before.of(ModerationQueue.PENDING) + 1);
        assertThat(afterSubmit.of(ModerationQueue.APPROVED)).isEqualTo(before.of(ModerationQueue.APPROVED));

        decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);
        var afterApprove = support.counts();
        assertThat(afterApprove.of(ModerationQueue.PENDING)).isEqualTo(before.of(ModerationQueue.PENDING));
        assertThat(afterApprove.of(ModerationQueue.APPROVED)).isEqualTo(before.of(ModerationQueue.APPROVED) + 1);
        assertThat(afterApprove.of(ModerationQueue.REJECTED)).isEqualTo(before.of(ModerationQueue.REJECTED));
    }

    @Test
    void the_rejected_count_follows_rejections() {
        var id = support.submitAsNewReader(postId, "Rejected Count Reader", "Count me among the rejected.");
        var before = support.counts();

        decideNow(MODERATOR, ModerationVerb.REJECT, id, null);

        var after = support.counts();
        assertThat(after.of(ModerationQueue.REJECTED)).isEqualTo(before.of(ModerationQueue.REJECTED) + 1);
        assertThat(after.of(ModerationQueue.PENDING)).isEqualTo(before.of(ModerationQueue.PENDING) - 1);
    }

    @Test
    void the_reported_count_and_queue_hold_published_comments_with_open_reports() {
        var id = support.submitAsNewReader(postId, "Reported Reader", "A view some readers will not like.");
        decideNow(MODERATOR, ModerationVerb.APPROVE, id, null);
        var before = support.counts();
        var reportedFilter = new ModerationFilter(ModerationQueue.REPORTED, null, postId, null, null, null, true);
        assertThat(ids(support.queue(reportedFilter))).doesNotContain(id);

        support.reportAsNewReader(id, "Reporting Reader", ReportReason.ABUSE);
        support.reportAsNewReader(id, "Second Reporter", ReportReason.ABUSE);

        var after = support.counts();
        assertThat(after.of(ModerationQueue.REPORTED)).isEqualTo(before.of(ModerationQueue.REPORTED) + 1);
        assertThat(after.of(ModerationQueue.APPROVED)).isEqualTo(before.of(ModerationQueue.APPROVED));
        var reported = support.queue(reportedFilter);
        assertThat(reported).filteredOn(item -> item.id() == id).singleElement().satisfies(item -> {
            assertThat(item.openReports()).isEqualTo(2);
            assertThat(item.reportSummary()).isEqualTo("Abuse or harassment ×2");
        });

        // rejecting the reported comment clears it from the Reported queue
        decideNow(MODERATOR, ModerationVerb.REJECT, id, "Abusive");
        var cleared = support.counts();
        assertThat(cleared.of(ModerationQueue.REPORTED)).isEqualTo(before.of(ModerationQueue.REPORTED));
        assertThat(support.item(id).openReports()).isZero();
    }

    @Test
    void a_reported_comment_that_is_still_pending_is_not_counted_as_reported() {
        // only published comments can be reported at all; a pending one never enters the Reported queue
        var id = support.submitAsNewReader(postId, "Pending Reported", "Still waiting for a moderator.");
        var reporter = support.newReader("Early Reporter");

        assertThatThrownBy(() -> support.signIn()
                        .run(reporter.email(), () -> commentService.report(id, ReportReason.SPAM, null)))
                .isInstanceOf(CommentRefused.class);
        assertThat(support.item(id).openReports()).isZero();
    }

    // --- queue filters --------------------------------------------------------------------------

    private ModerationFilter pending(
            @Nullable String text,
            @Nullable Long post,
            @Nullable Long author,
            @Nullable Instant from,
            @Nullable Instant to,
            boolean oldestFirst) {
        return new ModerationFilter(ModerationQueue.PENDING, text, post, author, from, to, oldestFirst);
    }

    private void setCreatedAt(long commentId, Instant createdAt) {
        jdbc.update("update comment set created_at = ? where id = ?", createdAt.atOffset(ZoneOffset.UTC), commentId);
    }

    @Test
    void queue_filters_search_text_ignoring_case_and_narrow_by_author_post_and_date_range_in_either_order() {
        var token = "Qz" + UUID.randomUUID().toString().substring(0, 8);
        var alice = support.newReader("Filter Alice");
        var bob = support.newReader("Filter Bob");
        var carol = support.newReader("Filter Carol");
        var a = support.submitAs(alice, postId, "Morning at the Western Wall NEEDLE " + token);
        var b = support.submitAs(bob, postId, "Evening in the souk, needle in a haystack " + token);
        var c = support.submitAs(carol, postId, "Nothing to find here " + token);
        var january = Instant.parse("2001-01-10T12:00:00Z");
        var february = Instant.parse("2001-02-10T12:00:00Z");
        var march = Instant.parse("2001-03-10T12:00:00Z");
        setCreatedAt(a, january);
        setCreatedAt(b, february);
        setCreatedAt(c, march);

        // the token isolates this test's comments; oldest first and newest first
        assertThat(ids(support.queue(pending(token, null, null, null, null, true))))
                .containsExactly(a, b, c);
        assertThat(ids(support.queue(pending(token, null, null, null, null, false))))
                .containsExactly(c, b, a);
        // the Pending queue defaults to oldest first
        assertThat(ModerationFilter.of(ModerationQueue.PENDING).oldestFirst()).isTrue();

        // text search ignores case, either way round
        assertThat(ids(support.queue(pending("needle " + token.toLowerCase(), null, null, null, null, true))))
                .containsExactly(a);
        assertThat(ids(support.queue(pending("needle", postId, null, null, null, true))))
                .contains(a, b)
                .doesNotContain(c);
        assertThat(ids(support.queue(
                        pending("NEEDLE IN A HAYSTACK " + token.toUpperCase(), null, null, null, null, true))))
                .containsExactly(b);
        assertThat(ids(support.queue(
                        pending("western wall needle " + token.toLowerCase(), null, null, null, null, true))))
                .containsExactly(a);
        // wildcards in the search are taken literally
        assertThat(ids(support.queue(pending("%" + token, null, null, null, null, true))))
                .isEmpty();
        assertThat(ids(support.queue(pending("_" + token.substring(1), null, null, null, null, true))))
                .isEmpty();

        // author
        assertThat(ids(support.queue(pending(null, null, bob.id(), null, null, true))))
                .containsExactly(b);
        assertThat(ids(support.queue(pending(token, null, carol.id(), null, null, true))))
                .containsExactly(c);

        // post
        assertThat(ids(support.queue(pending(token, postId, null, null, null, true))))
                .containsExactly(a, b, c);
        var otherPost = support.postId("lebanon-a-week-of-waiting-in-beirut");
        assertThat(ids(support.queue(pending(token, otherPost, null, null, null, true))))
                .isEmpty();

        // date range: from is inclusive, to is exclusive
        assertThat(ids(support.queue(pending(
                        token,
                        null,
                        null,
                        Instant.parse("2001-02-01T00:00:00Z"),
                        Instant.parse("2001-03-01T00:00:00Z"),
                        true))))
                .containsExactly(b);
        assertThat(ids(support.queue(pending(token, null, null, february, null, true))))
                .containsExactly(b, c);
        assertThat(ids(support.queue(pending(token, null, null, null, february, false))))
                .containsExactly(a);
        assertThat(ids(support.queue(pending(token, null, null, Instant.parse("2002-01-01T00:00:00Z"), null, true))))
                .isEmpty();

        // filters combine
        assertThat(ids(support.queue(pending("needle", postId, alice.id(), january, march, true))))
                .containsExactly(a);
    }

    @Test
    void queues_are_read_a_bounded_page_at_a_time() {
        var token = "Pg" + UUID.randomUUID().toString().substring(0, 8);
        var ids = List.of(
                support.submitAsNewReader(postId, "Page Reader A", "Paged comment A " + token),
                support.submitAsNewReader(postId, "Page Reader B", "Paged comment B " + token),
                support.submitAsNewReader(postId, "Page Reader C", "Paged comment C " + token));
        var filter = pending(token, postId, null, null, null, true);

        var first = support.signIn().call(MODERATOR, () -> queues.queue(filter, PageRequest.of(0, 2)));
        var second = support.signIn().call(MODERATOR, () -> queues.queue(filter, PageRequest.of(1, 2)));

        assertThat(first.getContent()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.getContent()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        var together = new ArrayList<>(ids(first.getContent()));
        together.addAll(ids(second.getContent()));
        assertThat(together).containsExactlyElementsOf(ids);
    }

    @Test
    void a_decided_comment_leaves_the_pending_queue_and_enters_the_approved_or_rejected_one() {
        var token = "Mv" + UUID.randomUUID().toString().substring(0, 8);
        var approved = support.submitAsNewReader(postId, "Move Reader A", "Moves to approved " + token);
        var rejected = support.submitAsNewReader(postId, "Move Reader B", "Moves to rejected " + token);
        decideNow(MODERATOR, ModerationVerb.APPROVE, approved, null);
        decideNow(MODERATOR, ModerationVerb.REJECT, rejected, null);

        assertThat(ids(support.queue(pending(token, null, null, null, null, true))))
                .isEmpty();
        var inApproved = support.signIn()
                .call(
                        MODERATOR,
                        () -> queues.queue(
                                new ModerationFilter(ModerationQueue.APPROVED, token, null, null, null, null, false),
                                PageRequest.of(0, 10)));
        var inRejected = support.signIn()
                .call(
                        MODERATOR,
                        () -> queues.queue(
                                new ModerationFilter(ModerationQueue.REJECTED, token, null, null, null, null, false),
                                PageRequest.of(0, 10)));
        assertThat(ids(inApproved.getContent())).containsExactly(approved);
        assertThat(ids(inRejected.getContent())).containsExactly(rejected);
        assertThat(inApproved.getContent().getFirst().postHeadline()).isNotBlank();
        assertThat(inApproved.getContent().getFirst().postPath()).isEqualTo("/2008/04/" + JERUSALEM);
        assertThat(inApproved.getContent().getFirst().authorName()).isEqualTo("Move Reader A");
    }
}
