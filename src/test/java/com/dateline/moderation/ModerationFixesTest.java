package com.dateline.moderation;

import static com.dateline.moderation.ModerationTestSupport.ADMIN;
import static com.dateline.moderation.ModerationTestSupport.JERUSALEM;
import static com.dateline.moderation.ModerationTestSupport.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.account.AccountService;
import com.dateline.comment.CommentModeration;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ModerationConflict;
import com.dateline.comment.ModerationQueue;
import com.dateline.comment.ReportReason;
import com.dateline.post.PostService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Moderators working on the same comments: undo, reported comments and claims. */
@SpringBootTest
class ModerationFixesTest {

    @Autowired
    ModerationService moderation;

    @Autowired
    CommentModeration queues;

    @Autowired
    CommentService commentService;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Autowired
    PostService posts;

    @Autowired
    JdbcTemplate jdbc;

    ModerationTestSupport support;
    long postId;

    @BeforeEach
    void setUp() {
        support = new ModerationTestSupport(accounts, users, securityContexts, posts, commentService, jdbc);
        postId = support.postId(JERUSALEM);
    }

    @AfterEach
    void cleanUp() {
        support.signOut();
        support.deleteWritten();
    }

    @Test
    void undo_is_refused_once_another_moderator_decided_after_and_their_decision_stands() {
        var commentId = support.submitAsNewReader(postId, "Undo race", "A thought on the old city walls.");
        var approved = support.as(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        support.as(ADMIN, () -> moderation.decideCurrent(ModerationVerb.REJECT, List.of(commentId), "off-topic"));

        support.as(MODERATOR, () -> assertThatThrownBy(() -> moderation.undo(approved.actionIds().getFirst()))
                .isInstanceOf(ModerationConflict.class)
                .hasMessageContaining("after you"));
        assertThat(support.as(MODERATOR, () -> queues.item(commentId).orElseThrow().status())).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void approving_a_reported_comment_clears_its_reports_and_it_leaves_the_reported_queue() {
        var commentId = support.submitAsNewReader(postId, "Reported author", "Spring crowds, as every year.");
        support.as(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));
        var reporter = support.newReader("Reporter");
        support.as(reporter.email(), () -> commentService.report(commentId, ReportReason.OFF_TOPIC, null));
        assertThat(support.as(MODERATOR, () -> queues.item(commentId).orElseThrow().openReports())).isEqualTo(1);

        var result = support.as(MODERATOR, () -> moderation.decideCurrent(ModerationVerb.APPROVE, List.of(commentId), null));

        assertThat(result.applied()).isEqualTo(1);
        var item = support.as(MODERATOR, () -> queues.item(commentId).orElseThrow());
        assertThat(item.openReports()).isZero();
        assertThat(item.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(support.as(MODERATOR, () -> queues.queue(
                        new com.dateline.comment.ModerationFilter(ModerationQueue.REPORTED, null, postId, null, null, null, true),
                        org.springframework.data.domain.PageRequest.of(0, 50))
                .getContent()))
                .noneMatch(reported -> reported.id() == commentId);
    }

    @Test
    void a_second_moderator_opening_a_claimed_comment_sees_who_reviews_it_and_does_not_take_the_claim() {
        var commentId = support.submitAsNewReader(postId, "Claimed", "Who is looking at this one?");
        support.as(MODERATOR, () -> moderation.claim(commentId));

        support.as(ADMIN, () -> moderation.claim(commentId));

        Map<Long, Claim> seenByAdmin = support.as(ADMIN, () -> moderation.claimsByOthers(List.of(commentId)));
        assertThat(seenByAdmin.get(commentId).moderator()).isEqualTo("Demo Moderator");
        assertThat(support.as(MODERATOR, () -> moderation.claimsByOthers(List.of(commentId)))).isEmpty();
    }
}
