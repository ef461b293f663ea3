package com.dateline.moderation;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.comment.CommentStatus;
import com.dateline.comment.ReportReason;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Undo against later decisions, and what approving, rejecting and undoing do to readers' reports. */
@SpringBootTest
class UndoAndReportsTest {

    @RegisterExtension
    final ModerationTestSupport support = new ModerationTestSupport();

    @Autowired
    ModerationService moderation;

    long postId;

    @BeforeEach
    void setUp() {
        postId = support.postId(JERUSALEM);
    }

    @Test
    void undo_is_refused_once_another_moderator_decided_after_and_their_decision_stands() {
        var commentId = support.submitAsNewReader(postId, "Undo race", "A thought on the old city walls.");
        var approved = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        support.signIn()
                .call(ADMIN, () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(commentId), "off-topic"));

        support.signIn()
                .call(
                        MODERATOR,
                        () -> assertThatThrownBy(() ->
                                        moderation.undo(approved.actionIds().getFirst()))
                                .isInstanceOf(ModerationConflict.class)
                                .hasMessageContaining("after you"));
        assertThat(support.item(commentId).status()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void approving_a_reported_comment_clears_its_reports_and_it_leaves_the_reported_queue() {
        var commentId = support.submitAsNewReader(postId, "Reported author", "Spring crowds, as every year.");
        support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        support.reportAsNewReader(commentId, "Reporter", ReportReason.OFF_TOPIC);
        assertThat(support.item(commentId).openReports()).isEqualTo(1);

        var result = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));

        assertThat(result.applied()).isEqualTo(1);
        var item = support.item(commentId);
        assertThat(item.openReports()).isZero();
        assertThat(item.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(support.queue(new ModerationFilter(ModerationQueue.REPORTED, null, postId, null, null, null, true)))
                .noneMatch(reported -> reported.id() == commentId);
    }

    // --- undo gives readers' reports back -------------------------------------------------------------

    private long reportedCount() {
        return support.counts().of(ModerationQueue.REPORTED);
    }

    private List<Long> reportedQueue() {
        return support
                .queue(new ModerationFilter(ModerationQueue.REPORTED, null, postId, null, null, null, true))
                .stream()
                .map(ModerationItem::id)
                .toList();
    }

    /** A published comment two readers reported. */
    private long reportedTwice(String text) {
        var commentId = support.submitAsNewReader(postId, "Reported twice", text);
        support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        support.reportAsNewReader(commentId, "Reporting reader", ReportReason.ABUSE);
        support.reportAsNewReader(commentId, "Reporting reader", ReportReason.OFF_TOPIC);
        return commentId;
    }

    @Test
    void undoing_a_rejection_puts_a_reported_comment_back_in_the_reported_queue() {
        var countBefore = reportedCount();
        var commentId = reportedTwice("Harsh words about the municipality.");
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
        var rejection = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(commentId), "Abusive"));
        assertThat(support.item(commentId).status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(support.storedOpenReports(commentId)).isZero();
        assertThat(reportedQueue()).doesNotContain(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore);

        support.signIn()
                .run(MODERATOR, () -> moderation.undo(rejection.actionIds().getFirst()));

        var restored = support.item(commentId);
        assertThat(restored.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(restored.spam()).isFalse();
        assertThat(restored.openReports()).isEqualTo(2);
        assertThat(support.storedOpenReports(commentId)).isEqualTo(2);
        assertThat(restored.reportSummary()).contains("Abuse or harassment").contains("Off-topic");
        assertThat(reportedQueue()).contains(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
    }

    @Test
    void undoing_a_spam_verdict_on_a_reported_comment_gives_its_reports_back() {
        var countBefore = reportedCount();
        var commentId = reportedTwice("Visit my shop for cheap souvenirs.");
        var spam = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.SPAM, List.of(commentId), null));
        assertThat(reportedCount()).isEqualTo(countBefore);

        support.signIn().run(MODERATOR, () -> moderation.undo(spam.actionIds().getFirst()));

        var restored = support.item(commentId);
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
        support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        support.reportAsNewReader(commentId, "Reporting reader", ReportReason.OFF_TOPIC);
        var approval = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        assertThat(approval.applied()).isEqualTo(1);
        assertThat(support.storedOpenReports(commentId)).isZero();
        assertThat(reportedCount()).isEqualTo(countBefore);

        support.signIn()
                .run(MODERATOR, () -> moderation.undo(approval.actionIds().getFirst()));

        var restored = support.item(commentId);
        assertThat(restored.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(restored.openReports()).isEqualTo(1);
        assertThat(reportedQueue()).contains(commentId);
        assertThat(reportedCount()).isEqualTo(countBefore + 1);
        assertThat(support.signIn().call(MODERATOR, () -> moderation.historyOf(commentId)))
                .extracting(HistoryEntry::action)
                .containsExactly(ModerationVerb.APPROVE, ModerationVerb.APPROVE, ModerationVerb.UNDO);
    }

    @Test
    void undoing_an_approval_keeps_the_reports_readers_filed_after_it() {
        var commentId = support.submitAsNewReader(postId, "Reported again", "The new tram line will never open.");
        support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        support.reportAsNewReader(commentId, "Reporting reader", ReportReason.OFF_TOPIC);
        var approval = support.signIn()
                .call(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        // the approval closed one report; meanwhile another reader reports the comment
        support.reportAsNewReader(commentId, "Reporting reader", ReportReason.ABUSE);
        assertThat(support.storedOpenReports(commentId)).isEqualTo(1);

        support.signIn()
                .run(MODERATOR, () -> moderation.undo(approval.actionIds().getFirst()));

        // the report the approval closed is open again, and the later one is still open
        assertThat(support.storedOpenReports(commentId)).isEqualTo(2);
        assertThat(support.item(commentId).openReports()).isEqualTo(2);
        assertThat(reportedQueue()).contains(commentId);
    }
}
