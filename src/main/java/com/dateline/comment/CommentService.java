package com.dateline.comment;

import com.dateline.account.AccountService;
import com.dateline.base.TypedText;
import com.dateline.post.CommentTarget;
import com.dateline.post.PostService;
import com.dateline.security.CurrentUser;
import com.dateline.security.Roles;
import com.dateline.security.SecurityLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reader comments under the moderation policy. Nothing a reader writes is public until a rule
 * or a moderator says so, and every decision is stored with the reason that made it.
 */
@Service
public class CommentService {

    public static final int PAGE_SIZE = 50;
    static final Duration EDIT_WINDOW = Duration.ofMinutes(10);
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);
    private static final long NOBODY = -1;

    private final CommentRepository comments;
    private final CommentReportRepository reports;
    private final CommentPolicyRepository policies;
    private final CommenterRepository commenters;
    private final PostService posts;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final com.dateline.base.ReaderContent readerContent;
    private final Object[] authorLocks =
            java.util.stream.Stream.generate(Object::new).limit(64).toArray();

    CommentService(
            CommentRepository comments,
            CommentReportRepository reports,
            CommentPolicyRepository policies,
            CommenterRepository commenters,
            PostService posts,
            AccountService accounts,
            ApplicationEventPublisher events,
            Clock clock,
            org.springframework.transaction.support.TransactionTemplate transaction,
            com.dateline.base.ReaderContent readerContent) {
        this.comments = comments;
        this.reports = reports;
        this.policies = policies;
        this.commenters = commenters;
        this.posts = posts;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.transaction = transaction;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(
                java.util.Objects.requireNonNull(transaction.getTransactionManager()));
        this.readOnly.setReadOnly(true);
        this.readerContent = readerContent;
    }

    /**
     * The first {@code limit} top-level comments of a post with all their replies, as the
     * current reader may see them. Six statements (page, replies, count, names, post, policy),
     * whatever the size of the discussion.
     */
    public CommentThread thread(long postId, boolean newestFirst, int limit) {
        var viewer = CurrentUser.get().map(user -> user.accountId()).orElse(NOBODY);
        return loadThread(postId, newestFirst, PageRequest.of(0, Math.max(1, Math.min(limit, 10_000))), viewer);
    }

    /**
     * Page {@code page} (from 1) of {@link #PAGE_SIZE} top-level comments with their replies, as anonymous readers see
     * it whoever asks: only what is published, for the public pages. A page far down a long discussion reads only its
     * own rows, so every page of it can be linked.
     */
    public CommentThread publicThread(long postId, boolean newestFirst, int page) {
        return loadThread(postId, newestFirst, PageRequest.of(Math.max(0, page - 1), PAGE_SIZE), NOBODY);
    }

    /** How many comments on the post are published: what an anonymous reader's open page compares with its own. */
    @Transactional(readOnly = true)
    public long publishedCount(long postId) {
        return comments.countByPostIdAndStatus(postId, CommentStatus.PUBLISHED);
    }

    private CommentThread loadThread(long postId, boolean newestFirst, PageRequest page, long viewer) {
        return java.util.Objects.requireNonNull(readOnly.execute(status -> {
            var topLevel = newestFirst
                    ? comments.findTopLevelNewestFirst(postId, viewer, page)
                    : comments.findTopLevelOldestFirst(postId, viewer, page);
            var rootIds = topLevel.getContent().stream().map(Comment::id).toList();
            var replies = rootIds.isEmpty() ? List.<Comment>of() : comments.findReplies(rootIds);
            var published = comments.countByPostIdAndStatus(postId, CommentStatus.PUBLISHED);
            var closed = posts.findCommentTarget(postId)
                    .map(target -> isClosed(target, policies.current()))
                    .orElse(true);
            return new CommentThread(
                    readingOrder(topLevel.getContent(), replies, viewer), published, topLevel.hasNext(), closed);
        }));
    }

    /** The reader's own top-level comment as they see it under the post, to show it at once after they post it. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<CommentView> ownTopLevelComment(long commentId) {
        var author = CurrentUser.require().accountId();
        return comments.findById(commentId)
                .filter(comment -> comment.getAuthorId() == author && comment.getParentId() == null)
                .flatMap(comment -> readingOrder(List.of(comment), List.of(), author).stream()
                        .findFirst());
    }

    /** Whether new comments are refused on this post: closed by its editor, or auto-closed by age. */
    @Transactional(readOnly = true)
    public boolean isClosed(long postId) {
        return posts.findCommentTarget(postId)
                .map(target -> isClosed(target, policies.current()))
                .orElse(true);
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
            return java.util.Objects.requireNonNull(
                    transaction.execute(status -> submitChecked(author, postId, parentId, text)));
        }
    }

    private SubmitOutcome submitChecked(long author, long postId, @Nullable Long parentId, String text) {
        var now = clock.instant();
        var policy = policies.current();
        var target = posts.findCommentTarget(postId).orElseThrow(() -> new CommentRefused("This post does not exist."));
        if (isClosed(target, policy)) {
            throw new CommentRefused("Comments are closed on this post.");
        }
        if (!accounts.isActive(author)) {
            throw new CommentRefused("Your account can no longer post comments.");
        }
        checkLength(text);
        Comment parent = null;
        if (parentId != null) {
            parent = comments.findById(parentId)
                    .filter(found -> found.getPostId() == postId && found.getStatus() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> new CommentRefused("The comment you are replying to is no longer available."));
        }
        checkPace(author, policy, now);
        var trimmed = text.strip();
        if (comments.findRecentBodies(author, postId, now.minus(DUPLICATE_WINDOW)).stream()
                .anyMatch(body -> body.strip().equals(trimmed))) {
            throw new CommentRefused("You already posted this comment here. Each comment can be posted once.");
        }
        var decision = decide(author, text, policy, now);
        var comment = comments.save(new Comment(postId, author, parent, text, decision, now));
        log.info(
                "Comment {} on post {} by account {}: {} ({})",
                comment.id(),
                postId,
                author,
                decision.status(),
                decision.reason());
        events.publishEvent(new CommentChanged(
                postId, comment.id(), decision.status(), author, decision.status() == CommentStatus.PUBLISHED));
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
        if (now.isAfter(comment.getCreatedAt().plus(EDIT_WINDOW))) {
            throw new CommentRefused("Comments can be edited for 10 minutes after posting; that time has passed.");
        }
        if (isClosed(comment.getPostId())) {
            throw new CommentRefused("Comments are closed on this post; it can no longer be edited.");
        }
        checkLength(text);
        var decision = decide(author, text, policies.current(), now);
        var wasPublished = comment.getStatus() == CommentStatus.PUBLISHED;
        comment.edit(text, decision, now);
        events.publishEvent(new CommentChanged(
                comment.getPostId(),
                commentId,
                comment.getStatus(),
                author,
                wasPublished || comment.getStatus() == CommentStatus.PUBLISHED));
        return new SubmitOutcome(commentId, comment.getStatus(), outcomeMessage(comment.getStatus()));
    }

    /** The author deletes their comment. Replies stay, under "Comment deleted by its author". */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void delete(long commentId) {
        var comment = ownComment(commentId, CurrentUser.require().accountId());
        var wasPublished = comment.getStatus() == CommentStatus.PUBLISHED;
        comment.decide(new Decision(CommentStatus.DELETED, "Deleted by its author"), clock.instant());
        events.publishEvent(new CommentChanged(
                comment.getPostId(), commentId, CommentStatus.DELETED, comment.getAuthorId(), wasPublished));
    }

    /** A reader reports a published comment to the moderators, once per comment. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void report(long commentId, ReportReason reason, @Nullable String note) {
        var reporter = CurrentUser.require().accountId();
        var comment = comments.findById(commentId)
                .filter(found -> found.getStatus() == CommentStatus.PUBLISHED)
                .orElseThrow(() -> new CommentRefused("This comment is no longer available."));
        if (comment.getAuthorId() == reporter) {
            throw new CommentRefused("You cannot report your own comment; you can edit or delete it instead.");
        }
        var trimmedNote = note == null || TypedText.isBlank(note) ? null : note.strip();
        if (reason == ReportReason.OTHER && trimmedNote == null) {
            throw new CommentRefused("Please say briefly what is wrong with this comment.");
        }
        if (trimmedNote != null && trimmedNote.length() > 1000) {
            throw new CommentRefused("Please keep the note under 1,000 characters.");
        }
        if (trimmedNote != null) {
            TypedText.problem("Your note", trimmedNote, true).ifPresent(problem -> {
                throw new CommentRefused(problem);
            });
        }
        if (reports.existsByCommentIdAndReporterId(commentId, reporter)) {
            throw new CommentRefused(
                    "You have already reported this comment. Thank you; the moderators will look at it.");
        }
        try {
            reports.saveAndFlush(new CommentReport(commentId, reporter, reason, trimmedNote, clock.instant()));
        } catch (DataIntegrityViolationException alreadyReported) {
            throw new CommentRefused(
                    "You have already reported this comment. Thank you; the moderators will look at it.");
        }
        comment.reported();
        events.publishEvent(
                new CommentChanged(comment.getPostId(), commentId, comment.getStatus(), comment.getAuthorId(), false));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public PolicySettings policy() {
        var policy = policies.current();
        return new PolicySettings(
                policy.isPreModeration(),
                policy.getTrustThreshold(),
                policy.getLinkHoldThreshold(),
                policy.getMinSecondsBetween(),
                policy.getMaxPerDay(),
                policy.getAutoCloseDays(),
                policy.bannedWords(),
                policy.suspectWords());
    }

    /**
     * Changes the policy; it applies to the next comment written.
     *
     * @throws PolicyRejected with a message per field that is out of range
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public PolicySettings updatePolicy(PolicySettings settings) {
        var problems = new java.util.LinkedHashMap<String, String>();
        range(problems, "trustThreshold", settings.trustThreshold(), 1, 1000);
        range(problems, "linkHoldThreshold", settings.linkHoldThreshold(), 1, 100);
        range(problems, "minSecondsBetween", settings.minSecondsBetween(), 0, 3600);
        range(problems, "maxPerDay", settings.maxPerDay(), 1, 10_000);
        if (settings.autoCloseDays() != null) {
            range(problems, "autoCloseDays", settings.autoCloseDays(), 1, 36_500);
        }
        words(problems, "bannedWords", settings.bannedWords());
        words(problems, "suspectWords", settings.suspectWords());
        if (!problems.isEmpty()) {
            throw new PolicyRejected(problems);
        }
        var policy = policies.current();
        policy.setPreModeration(settings.preModeration());
        policy.setLimits(
                settings.trustThreshold(),
                settings.linkHoldThreshold(),
                settings.minSecondsBetween(),
                settings.maxPerDay());
        policy.setAutoCloseDays(settings.autoCloseDays());
        policy.setWords(joined(settings.bannedWords()), joined(settings.suspectWords()));
        // Closing by age can change for every discussion.
        readerContent.changed();
        SecurityLog.event("comment-policy-changed");
        return policy();
    }

    private static void range(Map<String, String> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.put(field, "Enter a whole number from %,d to %,d.".formatted(min, max));
        }
    }

    private static void words(Map<String, String> problems, String field, List<String> words) {
        var total = words.stream().mapToInt(word -> word.strip().length() + 1).sum();
        if (total > 10_000) {
            problems.put(field, "The list is too long; keep it under 10,000 characters.");
        } else if (words.stream().anyMatch(word -> word.strip().length() > 100)) {
            problems.put(field, "Each entry can be at most 100 characters.");
        }
    }

    private static String joined(List<String> words) {
        return String.join(
                "\n",
                words.stream()
                        .map(String::strip)
                        .filter(word -> !word.isEmpty())
                        .distinct()
                        .toList());
    }

    private Decision decide(long author, String text, CommentPolicy policy, Instant now) {
        var banned = CommentText.firstWholeWord(text, policy.bannedWords());
        if (banned.isPresent()) {
            return new Decision(CommentStatus.REJECTED, "Banned word: " + banned.get());
        }
        var links = CommentText.countLinks(text);
        if (links >= policy.getLinkHoldThreshold()) {
            return new Decision(CommentStatus.PENDING, "Held: " + links + " links");
        }
        var suspect = CommentText.firstWholeWord(text, policy.suspectWords());
        if (suspect.isPresent()) {
            return new Decision(CommentStatus.PENDING, "Held: suspect word \"" + suspect.get() + "\"");
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

    private static void checkLength(String text) {
        if (text.length() > CommentText.MAX_RAW_LENGTH) {
            throw new CommentRefused("Your comment is far too long; the limit is 5,000 characters.");
        }
        var length = CommentText.length(text);
        if (length == 0) {
            throw new CommentRefused("Write something before posting.");
        }
        if (length > CommentText.MAX_LENGTH) {
            throw new CommentRefused(String.format(
                    java.util.Locale.US,
                    "Your comment is %,d characters long; the limit is 5,000. Please shorten it by %,d.",
                    length,
                    length - CommentText.MAX_LENGTH));
        }
        TypedText.problem("Your comment", text, true).ifPresent(problem -> {
            throw new CommentRefused(problem);
        });
    }

    private void checkPace(long author, CommentPolicy policy, Instant now) {
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

    private boolean isClosed(CommentTarget target, CommentPolicy policy) {
        if (target.commentsClosed()) {
            return true;
        }
        var autoClose = policy.getAutoCloseDays();
        return autoClose != null && clock.instant().isAfter(target.publishedAt().plus(Duration.ofDays(autoClose)));
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

    /** Each top-level comment followed by its replies, depth first; deleted comments only where replies hang on them. */
    private List<CommentView> readingOrder(List<Comment> topLevel, List<Comment> replies, long viewer) {
        var children = new HashMap<Long, List<Comment>>();
        for (var reply : replies) {
            if (reply.getParentId() != null) {
                children.computeIfAbsent(reply.getParentId(), k -> new ArrayList<>())
                        .add(reply);
            }
        }
        var authorIds = new HashSet<Long>();
        topLevel.forEach(c -> authorIds.add(c.getAuthorId()));
        replies.forEach(c -> authorIds.add(c.getAuthorId()));
        var names = accounts.displayNames(authorIds);
        var now = clock.instant();
        var ordered = new ArrayList<CommentView>();
        for (var comment : topLevel) {
            append(comment, children, names, viewer, now, ordered);
        }
        return ordered;
    }

    /** Adds the comment and its replies in reading order; returns whether anything was shown. */
    private boolean append(
            Comment comment,
            Map<Long, List<Comment>> children,
            Map<Long, String> names,
            long viewer,
            Instant now,
            List<CommentView> ordered) {
        var mine = comment.getAuthorId() == viewer;
        var shown = comment.getStatus() == CommentStatus.PUBLISHED
                || (mine && comment.getStatus() != CommentStatus.DELETED);
        var position = ordered.size();
        var anyReplyShown = false;
        for (var reply : children.getOrDefault(comment.id(), List.of())) {
            anyReplyShown |= append(reply, children, names, viewer, now, ordered);
        }
        if (!shown && !anyReplyShown) {
            return false;
        }
        ordered.add(
                position,
                new CommentView(
                        comment.id(),
                        comment.getParentId(),
                        comment.getDepth(),
                        comment.getAuthorId(),
                        shown ? names.getOrDefault(comment.getAuthorId(), "Deleted reader") : "",
                        comment.getCreatedAt(),
                        comment.getEditedAt(),
                        shown ? comment.getBody() : "",
                        comment.getStatus(),
                        mine && shown,
                        mine
                                && shown
                                && comment.getStatus() != CommentStatus.REJECTED
                                && !now.isAfter(comment.getCreatedAt().plus(EDIT_WINDOW)),
                        !shown,
                        mine && shown && comment.getStatus() == CommentStatus.REJECTED
                                ? comment.getAuthorNote()
                                : null));
        return true;
    }
}
