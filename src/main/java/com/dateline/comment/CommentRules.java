package com.dateline.comment;

import com.dateline.account.AccountService;
import com.dateline.base.TypedText;
import com.dateline.post.CommentTarget;
import com.dateline.post.PostService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The moderation policy's rules for what a reader writes: where and how often they may post, how long a comment may
 * be, and whether it is published, held for a moderator or rejected. Callers run these inside their own transaction.
 */
@Component
class CommentRules {

    static final Duration EDIT_WINDOW = Duration.ofMinutes(10);
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

    /** The hold reason moderators see on a comment whose author has not verified their e-mail address. */
    static final String HELD_UNVERIFIED = "Held: address not verified";

    private final CommentRepository comments;
    private final CommenterRepository commenters;
    private final CommentPolicyRepository policies;
    private final PostService posts;
    private final AccountService accounts;
    private final Clock clock;

    CommentRules(
            CommentRepository comments,
            CommenterRepository commenters,
            CommentPolicyRepository policies,
            PostService posts,
            AccountService accounts,
            Clock clock) {
        this.comments = comments;
        this.commenters = commenters;
        this.policies = policies;
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
    }

    CommentPolicy policy() {
        return policies.current();
    }

    /** Refuses unless the post exists and takes comments, and the author's account may still write. */
    void checkMayPost(long author, long postId, CommentPolicy policy) {
        var target = posts.findCommentTarget(postId).orElseThrow(() -> new CommentRefused("This post does not exist."));
        if (isClosed(target, policy)) {
            throw new CommentRefused("Comments are closed on this post.");
        }
        if (!accounts.isActive(author)) {
            throw new CommentRefused("Your account can no longer post comments.");
        }
    }

    /** Whether new comments are refused on this post: closed by its editor, or auto-closed by age. */
    boolean isClosed(long postId) {
        return posts.findCommentTarget(postId)
                .map(target -> isClosed(target, policies.current()))
                .orElse(true);
    }

    private boolean isClosed(CommentTarget target, CommentPolicy policy) {
        if (target.commentsClosed()) {
            return true;
        }
        var autoClose = policy.getAutoCloseDays();
        return autoClose != null && clock.instant().isAfter(target.publishedAt().plus(Duration.ofDays(autoClose)));
    }

    static boolean withinEditWindow(Comment comment, Instant now) {
        return !now.isAfter(comment.getCreatedAt().plus(EDIT_WINDOW));
    }

    static void checkLength(String text) {
        if (text.length() > CommentText.MAX_RAW_LENGTH) {
            throw new CommentRefused("Your comment is far too long; the limit is 5,000 characters.");
        }
        var length = CommentText.length(text);
        if (length == 0) {
            throw new CommentRefused("Write something before posting.");
        }
        if (length > CommentText.MAX_LENGTH) {
            throw new CommentRefused(String.format(
                    Locale.US,
                    "Your comment is %,d characters long; the limit is 5,000. Please shorten it by %,d.",
                    length,
                    length - CommentText.MAX_LENGTH));
        }
        TypedText.problem("Your comment", text, true).ifPresent(problem -> {
            throw new CommentRefused(problem);
        });
    }

    void checkPace(long author, CommentPolicy policy, Instant now) {
        var last = comments.findFirstByAuthorIdOrderByCreatedAtDesc(author);
        if (last.isPresent()) {
            var readyAt = last.get().getCreatedAt().plusSeconds(policy.getMinSecondsBetween());
            if (now.isBefore(readyAt)) {
                var wait = Math.max(1, Duration.between(now, readyAt).toSeconds() + 1);
                throw new CommentRefused(
                        "You are commenting very quickly. Please wait %d seconds and post again; your text is kept."
                                .formatted(wait));
            }
        }
        if (comments.countByAuthorIdAndCreatedAtAfter(author, now.minus(Duration.ofDays(1))) >= policy.getMaxPerDay()) {
            throw new CommentRefused(
                    "You have posted %d comments in the last 24 hours, the most allowed. Please come back later."
                            .formatted(policy.getMaxPerDay()));
        }
    }

    void checkNotRepeated(long author, long postId, String text, Instant now) {
        var trimmed = text.strip();
        if (comments.findRecentBodies(author, postId, now.minus(DUPLICATE_WINDOW)).stream()
                .anyMatch(body -> body.strip().equals(trimmed))) {
            throw new CommentRefused("You already posted this comment here. Each comment can be posted once.");
        }
    }

    Decision decide(long author, String text, CommentPolicy policy, Instant now) {
        // The words a reader will read, wherever markup split them ("ca**si**no"), and where the links go, which the
        // text of a link need not tell.
        var shown = CommentMarkup.render(text, CommentFormat.MARKDOWN);
        var read = shown.text() + " " + String.join(" ", shown.links());
        var banned = CommentText.firstWholeWord(read, policy.bannedWords());
        if (banned.isPresent()) {
            return new Decision(CommentStatus.REJECTED, "Banned word: " + banned.get());
        }
        var links = shown.links().size();
        if (links >= policy.getLinkHoldThreshold()) {
            return new Decision(CommentStatus.PENDING, "Held: " + links + " links");
        }
        var suspect = CommentText.firstWholeWord(read, policy.suspectWords());
        if (suspect.isPresent()) {
            return new Decision(CommentStatus.PENDING, "Held: suspect word \"" + suspect.get() + "\"");
        }
        // Whoever has not opened the link mailed at registration may not own the address they signed up with.
        if (!accounts.isEmailVerified(author)) {
            return new Decision(CommentStatus.PENDING, HELD_UNVERIFIED);
        }
        if (!policy.isPreModeration()) {
            return new Decision(CommentStatus.PUBLISHED, "Pre-moderation is off");
        }
        if (commenters.isTrusted(author)) {
            return new Decision(CommentStatus.PUBLISHED, "Trusted by a moderator");
        }
        // Only what the reader wrote here counts: an imported comment's author was never verified to be this reader.
        var approved = comments.countByAuthorIdAndStatusAndImportKeyIsNull(author, CommentStatus.PUBLISHED);
        var recentRejections = comments.countByAuthorIdAndRejectedAtAfter(
                author, now.minus(Duration.ofDays(policy.getTrustWindowDays())));
        if (approved >= policy.getTrustThreshold() && recentRejections == 0) {
            return new Decision(CommentStatus.PUBLISHED, "Trusted reader: " + approved + " approved comments");
        }
        return new Decision(CommentStatus.PENDING, "Pre-moderation");
    }
}
