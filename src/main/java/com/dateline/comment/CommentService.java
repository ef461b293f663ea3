package com.dateline.comment;

import com.dateline.security.CurrentUser;
import com.dateline.security.SignedInUser;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reader comments under the moderation policy. Nothing a reader writes is public until a rule
 * or a moderator says so, and every decision is stored with the reason that made it.
 */
@Service
public class CommentService {

    public static final int PAGE_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);
    private static final long NOBODY = -1;

    private final CommentRepository comments;
    private final CommentRules rules;
    private final CommentThreadReader threads;
    private final CommentReporting reporting;
    private final CommentAnnouncements announcements;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Object[] authorLocks = Stream.generate(Object::new).limit(64).toArray();

    CommentService(
            CommentRepository comments,
            CommentRules rules,
            CommentThreadReader threads,
            CommentReporting reporting,
            CommentAnnouncements announcements,
            Clock clock,
            TransactionTemplate transaction) {
        this.comments = comments;
        this.rules = rules;
        this.threads = threads;
        this.reporting = reporting;
        this.announcements = announcements;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * The first {@code limit} top-level comments of a post with all their replies, as the
     * current reader may see them. Six statements (page, replies, count, names, post, policy),
     * whatever the size of the discussion.
     */
    public CommentThread thread(long postId, boolean newestFirst, int limit) {
        var viewer = CurrentUser.get().map(SignedInUser::accountId).orElse(NOBODY);
        return threads.load(postId, newestFirst, PageRequest.of(0, Math.max(1, Math.min(limit, 10_000))), viewer);
    }

    /**
     * Page {@code page} (from 1) of {@link #PAGE_SIZE} top-level comments with their replies, as anonymous readers see
     * it whoever asks: only what is published, for the public pages. A page far down a long discussion reads only its
     * own rows, so every page of it can be linked.
     */
    public CommentThread publicThread(long postId, boolean newestFirst, int page) {
        return threads.load(postId, newestFirst, PageRequest.of(Math.max(0, page - 1), PAGE_SIZE), NOBODY);
    }

    /** How many comments on the post are published: what an anonymous reader's open page compares with its own. */
    @Transactional(readOnly = true)
    public long publishedCount(long postId) {
        return comments.countByPostIdAndStatus(postId, CommentStatus.PUBLISHED);
    }

    /** The reader's own top-level comment as they see it under the post, to show it at once after they post it. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<CommentView> ownTopLevelComment(long commentId) {
        var author = CurrentUser.require().accountId();
        return comments.findById(commentId)
                .filter(comment -> comment.getAuthorId() == author && comment.getParentId() == null)
                .flatMap(comment -> threads.readingOrder(List.of(comment), List.of(), author).stream()
                        .findFirst());
    }

    /** Whether new comments are refused on this post: closed by its editor, or auto-closed by age. */
    @Transactional(readOnly = true)
    public boolean isClosed(long postId) {
        return rules.isClosed(postId);
    }

    /**
     * Posts a comment, or a reply when {@code parentId} is given.
     *
     * @throws CommentRefused when the text, the pace or the post does not allow it; nothing is stored
     */
    @PreAuthorize("isAuthenticated()")
    public SubmitOutcome submit(long postId, @Nullable Long parentId, String text) {
        var author = CurrentUser.require().accountId();
        // One submission per author at a time, committed before the next is checked: a double
        // click must not slip two comments past the pace and duplicate rules.
        synchronized (authorLocks[(int) Math.floorMod(author, (long) authorLocks.length)]) {
            return Objects.requireNonNull(transaction.execute(status -> submitChecked(author, postId, parentId, text)));
        }
    }

    private SubmitOutcome submitChecked(long author, long postId, @Nullable Long parentId, String text) {
        var now = clock.instant();
        var policy = rules.policy();
        rules.checkMayPost(author, postId, policy);
        CommentRules.checkLength(text);
        Comment parent = null;
        if (parentId != null) {
            parent = comments.findById(parentId)
                    .filter(found -> found.getPostId() == postId && found.getStatus() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> new CommentRefused("The comment you are replying to is no longer available."));
        }
        rules.checkPace(author, policy, now);
        rules.checkNotRepeated(author, postId, text, now);
        var decision = rules.decide(author, text, policy, now);
        var comment = comments.save(new Comment(postId, author, parent, text, decision, now));
        log.info(
                "Comment {} on post {} by account {}: {} ({})",
                comment.id(),
                postId,
                author,
                decision.status(),
                decision.reason());
        announcements.changed(comment, null);
        return new SubmitOutcome(comment.id(), decision.status(), outcomeMessage(decision.status()));
    }

    /** The author changes their comment within ten minutes of writing it; the policy decides again. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public SubmitOutcome edit(long commentId, String text) {
        var author = CurrentUser.require().accountId();
        var now = clock.instant();
        var comment = ownComment(commentId, author);
        if (comment.getStatus() == CommentStatus.DELETED || comment.getStatus() == CommentStatus.REJECTED) {
            throw new CommentRefused("This comment can no longer be edited.");
        }
        if (!CommentRules.withinEditWindow(comment, now)) {
            throw new CommentRefused("Comments can be edited for 10 minutes after posting; that time has passed.");
        }
        if (rules.isClosed(comment.getPostId())) {
            throw new CommentRefused("Comments are closed on this post; it can no longer be edited.");
        }
        CommentRules.checkLength(text);
        var decision = rules.decide(author, text, rules.policy(), now);
        var before = comment.getStatus();
        comment.edit(text, decision, now);
        announcements.changed(comment, before);
        return new SubmitOutcome(commentId, comment.getStatus(), outcomeMessage(comment.getStatus()));
    }

    /** The author deletes their comment. Replies stay, under "Comment deleted by its author". */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void delete(long commentId) {
        var comment = ownComment(commentId, CurrentUser.require().accountId());
        var before = comment.getStatus();
        comment.decide(new Decision(CommentStatus.DELETED, "Deleted by its author"), clock.instant());
        announcements.changed(comment, before);
    }

    /** A reader reports a published comment to the moderators, once per comment. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void report(long commentId, ReportReason reason, @Nullable String note) {
        reporting.report(CurrentUser.require().accountId(), commentId, reason, note);
    }

    private Comment ownComment(long commentId, long author) {
        return comments.findById(commentId)
                .filter(found -> found.getAuthorId() == author)
                .orElseThrow(() -> new CommentRefused("This is not your comment, or it no longer exists."));
    }

    private static String outcomeMessage(CommentStatus status) {
        return switch (status) {
            case PUBLISHED -> "Your comment is published.";
            case PENDING ->
                "Thank you. Your comment is awaiting moderation; until a moderator approves it, only you can see it.";
            case REJECTED -> "Your comment was not published: it contains a word that is not allowed here.";
            case DELETED -> "Your comment was deleted.";
        };
    }
}
