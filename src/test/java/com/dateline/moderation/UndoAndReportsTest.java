package com.dateline.moderation;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ReportReason;
import com.dateline.support.SignIn;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Undo against later decisions, and what approving, rejecting and undoing do to readers' reports. */
@SpringBootTest
class UndoAndReportsTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    ApplicationContext context;

    @Autowired
    ModerationService moderation;

    @Autowired
    ModerationQueueService queues;

    @Autowired
    CommentService commentService;

    @Autowired
    JdbcTemplate jdbc;

    ModerationTestSupport support;
    long postId;

    @BeforeEach
    void setUp() {
        support = new ModerationTestSupport(context);
        postId = support.postId(JERUSALEM);
    }

    @AfterEach
    void cleanUp() {
        support.deleteWritten();
    }

    @Test
    void undo_is_refused_once_another_moderator_decided_after_and_their_decision_stands() {
        var commentId = support.submitAsNewReader(postId, "Undo race", "A thought on the old city walls.");
        var approved = signIn.call(
                MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        signIn.call(ADMIN, () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(commentId), "off-topic"));

        signIn.call(
                MODERATOR,
                () -> assertThatThrownBy(
                                () -> moderation.undo(approved.actionIds().getFirst()))
                        .isInstanceOf(ModerationConflict.class)
                        .hasMessageContaining("after you"));
        assertThat(signIn.call(
                        MODERATOR, () -> queues.item(commentId).orElseThrow().status()))
                .isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void approving_a_reported_comment_clears_its_reports_and_it_leaves_the_reported_queue() {
        var commentId = support.submitAsNewReader(postId, "Reported author", "Spring crowds, as every year.");
        signIn.call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        var reporter = support.newReader("Reporter");
        signIn.run(reporter.email(), () -> commentService.report(commentId, ReportReason.OFF_TOPIC, null));
        assertThat(signIn.call(
                        MODERATOR, () -> queues.item(commentId).orElseThrow().openReports()))
                .isEqualTo(1);

        var result = signIn.call(
                MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));

        assertThat(result.applied()).isEqualTo(1);
        var item = signIn.call(MODERATOR, () -> queues.item(commentId).orElseThrow());
        assertThat(item.openReports()).isZero();
        assertThat(item.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(signIn.call(
                        MODERATOR,
                        () -> queues.queue(
                                        new ModerationFilter(
                                                ModerationQueue.REPORTED, null, postId, null, null, null, true),
                                        PageRequest.of(0, 50))
                                .getContent()))
                .noneMatch(reported -> reported.id() == commentId);
    }

    // --- undo gives readers' reports back -------------------------------------------------------------

    private ModerationItem item(long commentId) {
        return signIn.call(MODERATOR, () -> queues.item(commentId).orElseThrow());
    }

    private int storedOpenReports(long commentId) {
        return jdbc.queryForObject("select open_reports from comment where id = ?", Integer.class, commentId);
    }

    private long reportedCount() {
        return signIn.call(MODERATOR, () -> queues.counts().of(ModerationQueue.REPORTED));
    }

    private List<Long> reportedQueue() {
        return signIn.call(
                MODERATOR,
                () -> queues
                        .queue(
                                new ModerationFilter(ModerationQueue.REPORTED, null, postId, null, null, null, true),
                                PageRequest.of(0, 50))
                        .getContent()
                        .stream()
                        .map(ModerationItem::id)
                        .toList());
    }

    private void reportAsNewReader(long commentId, ReportReason reason) {
        var reporter = support.newReader("Reporting reader");
        signIn.run(reporter.email(), () -> commentService.report(commentId, reason, null));
    }

    /** A published comment two readers reported. */
    private long reportedTwice(String text) {
        var commentId = support.submitAsNewReader(postId, "Reported twice", text);
        signIn.call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        reportAsNewReader(commentId, ReportReason.ABUSE);
        reportAsNewReader(commentId, ReportReason.OFF_TOPIC);
        return commentId;
    }

    @Test
    void undoing_a_rejection_puts_a_reported_comment_back_in_the_reported_queue() {
        var countBefore = reportedCount();
        var commentId = reportedTwice("Harsh words about the municipality.");
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
        var rejection = signIn.call(
                MODERATOR, () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(commentId), "Abusive"));
        assertThat(item(commentId).status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(storedOpenReports(commentId)).isZero();
        assertThat(reportedQueue()).doesNotContain(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore);

        signIn.run(MODERATOR, () -> moderation.undo(rejection.actionIds().getFirst()));

        var restored = item(commentId);
        assertThat(restored.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(restored.spam()).isFalse();
        assertThat(restored.openReports()).isEqualTo(2);
        assertThat(storedOpenReports(commentId)).isEqualTo(2);
        assertThat(restored.reportSummary()).contains("Abuse or harassment").contains("Off-topic");
        assertThat(reportedQueue()).contains(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
    }

    @Test
    void undoing_a_spam_verdict_on_a_reported_comment_gives_its_reports_back() {
        var countBefore = reportedCount();
        var commentId = reportedTwice("Visit my shop for cheap souvenirs.");
        var spam =
                signIn.call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.SPAM, List.of(commentId), null));
        assertThat(reportedCount()).isEqualTo(countBefore);

        signIn.run(MODERATOR, () -> moderation.undo(spam.actionIds().getFirst()));

        var restored = item(commentId);
        assertThat(restored.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(restored.spam()).isFalse();
        assertThat(restored.openReports()).isEqualTo(2);
        assertThat(reportedQueue()).contains(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
    }

    @Test
    void undoing_the_approval_of_a_reported_comment_puts_it_back_in_the_reported_queue() {
        var countBefore = reportedCount();
        var commentId = support.submitAsNewReader(postId, "Approved twice", "A fair point about the tram line.");
        signIn.call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        reportAsNewReader(commentId, ReportReason.OFF_TOPIC);
        var approval = signIn.call(
                MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        assertThat(approval.applied()).isEqualTo(1);
        assertThat(storedOpenReports(commentId)).isZero();
        assertThat(reportedCount()).isEqualTo(countBefore);

        signIn.run(MODERATOR, () -> moderation.undo(approval.actionIds().getFirst()));

        var restored = item(commentId);
        assertThat(restored.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(restored.openReports()).isEqualTo(1);
        assertThat(reportedQueue()).contains(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
        assertThat(signIn.call(MODERATOR, () -> moderation.historyOf(commentId)))
                .extracting(HistoryEntry::action)
                .containsExactly(ModerationVerb.APPROVE, ModerationVerb.APPROVE, ModerationVerb.UNDO);
    }

    @Test
    void undoing_an_approval_keeps_the_reports_readers_filed_after_it() {
        var commentId = support.submitAsNewReader(postId, "Reported again", "The new tram line will never open.");
        signIn.call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        reportAsNewReader(commentId, ReportReason.OFF_TOPIC);
        var approval = signIn.call(
                MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        // the approval closed one report; meanwhile another reader reports the comment
        reportAsNewReader(commentId, ReportReason.ABUSE);
        assertThat(storedOpenReports(commentId)).isEqualTo(1);

        signIn.run(MODERATOR, () -> moderation.undo(approval.actionIds().getFirst()));

        // the report the approval closed is open again, and the later one is still open
        assertThat(storedOpenReports(commentId)).isEqualTo(2);
        assertThat(item(commentId).openReports()).isEqualTo(2);
        assertThat(reportedQueue()).contains(commentId);
    }
}
