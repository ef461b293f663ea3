package com.dateline.comment;

import com.dateline.account.AccountService;
import com.dateline.post.PostService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few comments on the seed post for the quick start, so that the discussion and the
 * moderators' queues are not empty: published ones, a reply, one waiting, one reported.
 */
@Component
@Order(3)
@ConditionalOnBooleanProperty(
        name = {"dateline.demo-data", "dateline.demo-comments"},
        matchIfMissing = true)
class DemoComments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoComments.class);

    private final CommentRepository comments;
    private final CommentReportRepository reports;
    private final PostService posts;
    private final AccountService accounts;
    private final TransactionTemplate transaction;

    DemoComments(
            CommentRepository comments,
            CommentReportRepository reports,
            PostService posts,
            AccountService accounts,
            TransactionTemplate transaction) {
        this.comments = comments;
        this.reports = reports;
        this.posts = posts;
        this.accounts = accounts;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            if (comments.count() > 0) {
                return;
            }
            var seed = posts.findByPermalink(2008, 4, "iraq-us-and-irans-talk-about-talks-continues");
            var reader = accounts.findAccountId("reader@dateline.test");
            var editor = accounts.findAccountId("editor@dateline.test");
            if (seed.isEmpty() || reader.isEmpty() || editor.isEmpty()) {
                return;
            }
            var postId = seed.get().summary().id();
            var at = seed.get().summary().publishedAt();
            var first = comments.save(new Comment(
                    postId,
                    reader.get(),
                    null,
                    "The divorced-couple image is apt. Both sides need the talks more than either admits.",
                    new Decision(CommentStatus.PUBLISHED, "Approved by Demo Moderator"),
                    at.plus(Duration.ofMinutes(42))));
            comments.save(new Comment(
                    postId,
                    editor.get(),
                    first,
                    "Agreed, and the Swiss Embassy's role as go-between deserves its own story.",
                    new Decision(CommentStatus.PUBLISHED, "Approved by Demo Moderator"),
                    at.plus(Duration.ofMinutes(75))));
            var reported = comments.save(new Comment(
                    postId,
                    editor.get(),
                    null,
                    "Does anyone have the full text of the embassy's note? See http://example.org/note",
                    new Decision(CommentStatus.PUBLISHED, "Approved by Demo Moderator"),
                    at.plus(Duration.ofMinutes(90))));
            reports.save(new CommentReport(
                    reported.id(), reader.get(), ReportReason.OFF_TOPIC, null, at.plus(Duration.ofMinutes(95))));
            reported.reported();
            for (var text : List.of(
                    "Talks about talks again. Wake me up when they agree on an agenda.",
                    "What does the Iraqi government itself want from a trilateral meeting?")) {
                at = at.plus(Duration.ofMinutes(30));
                comments.save(new Comment(
                        postId,
                        reader.get(),
                        null,
                        text,
                        new Decision(CommentStatus.PENDING, "Pre-moderation"),
                        at.plus(Duration.ofHours(2))));
            }
            log.info("Demo data: added 5 comments on the seed post (2 waiting for moderation, 1 reported)");
        });
    }
}
