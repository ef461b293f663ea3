package com.dateline.comment;

import com.dateline.account.AccountService;
import com.dateline.post.PostService;
import com.dateline.security.CurrentUser;
import com.dateline.security.Roles;
import com.dateline.security.SecurityLog;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators see of the comments and how they decide on them. Queues are read in bounded,
 * indexed pages; a decision carries the version the moderator saw, so two moderators never
 * silently undo each other's work.
 */
@Service
@PreAuthorize(Roles.MODERATOR_OR_ADMIN)
public class CommentModeration {

    private final CommentRepository comments;
    private final CommentReportRepository reports;
    private final CommenterRepository commenters;
    private final PostService posts;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final CommentTally tally;
    private final Clock clock;

    CommentModeration(
            CommentRepository comments,
            CommentReportRepository reports,
            CommenterRepository commenters,
            PostService posts,
            AccountService accounts,
            ApplicationEventPublisher events,
            CommentTally tally,
            Clock clock) {
        this.comments = comments;
        this.reports = reports;
        this.commenters = commenters;
        this.posts = posts;
        this.accounts = accounts;
        this.events = events;
        this.tally = tally;
        this.clock = clock;
    }

    /** One page of a queue, narrowed by the filter. No total is counted: the grid scrolls on. */
    @Transactional(readOnly = true)
    public Slice<ModerationItem> queue(ModerationFilter filter, Pageable page) {
        if (filter.text() != null && filter.text().strip().length() > CommentText.MAX_RAW_LENGTH) {
            // Longer than any comment can be: nothing matches, and the database is spared a megabyte pattern.
            return new org.springframework.data.domain.SliceImpl<>(List.of(), page, false);
        }
        // Every queue fixes the status, so ordering by it first changes nothing for the moderator but
        // lets H2 walk the (status, created_at) index in order instead of sorting the whole queue.
        // With a post or author filter their own indexes are narrower, so H2 is left to use those.
        var byStatusIndex = filter.postId() == null && filter.authorId() == null;
        var order = filter.oldestFirst()
                ? Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))
                : Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        if (byStatusIndex) {
            order = Sort.by(filter.oldestFirst() ? Sort.Order.asc("status") : Sort.Order.desc("status"))
                    .and(order);
        }
        var pageable = org.springframework.data.domain.PageRequest.of(page.getPageNumber(), page.getPageSize(), order);
        var found = comments.findBy(specification(filter), query -> query.slice(pageable));
        var items = items(found.getContent());
        return new org.springframework.data.domain.SliceImpl<>(items, pageable, found.hasNext());
    }

    @Transactional(readOnly = true)
    public QueueCounts counts() {
        return tally.counts();
    }

    @Transactional(readOnly = true)
    public Optional<ModerationItem> item(long commentId) {
        return comments.findById(commentId)
                .map(comment -> items(List.of(comment)).getFirst());
    }

    /** A commenter's counts and latest comments. */
    @Transactional(readOnly = true)
    public AuthorRecord authorRecord(long authorId) {
        return new AuthorRecord(
                authorId,
                comments.countByAuthorIdAndStatus(authorId, CommentStatus.PUBLISHED),
                comments.countByAuthorIdAndStatus(authorId, CommentStatus.REJECTED),
                comments.countByAuthorIdAndSpamTrue(authorId),
                comments.countByAuthorIdAndOpenReportsGreaterThan(authorId, 0),
                comments.countByAuthorIdAndStatus(authorId, CommentStatus.PENDING),
                commenters.isTrusted(authorId),
                items(comments.findTop10ByAuthorIdOrderByCreatedAtDesc(authorId)));
    }

    /**
     * Trusts a reader (their comments skip pre-moderation; hold rules still apply) or puts them back to normal. Only an
     * admin may do so for a staff account.
     */
    @Transactional
    public void setTrusted(long authorId, boolean trusted) {
        accounts.requireMayModerate(authorId);
        var commenter = commenters.findById(authorId).orElseGet(() -> new Commenter(authorId, trusted));
        commenter.setTrusted(trusted);
        commenters.save(commenter);
        SecurityLog.event(trusted ? "reader-trusted" : "reader-trust-withdrawn", "account", authorId);
    }

    /**
     * Applies a decision if the comment is still as the moderator saw it.
     *
     * @param expectedVersion the {@link ModerationItem#version()} the moderator acted on
     * @throws ModerationConflict when another moderator (or the author) changed it meanwhile
     */
    // A conflict is an answer, not a failure: the moderator's other decisions in the same batch still count.
    @Transactional(noRollbackFor = ModerationConflict.class)
    public Verdict decide(
            long commentId, long expectedVersion, CommentStatus newStatus, boolean spam, @Nullable String reason) {
        var moderator = CurrentUser.require();
        var comment = asSeen(commentId, expectedVersion);
        var label = switch (newStatus) {
            case PUBLISHED -> "Approved";
            case REJECTED -> spam ? "Marked as spam" : "Rejected";
            case PENDING -> "Returned to pending";
            case DELETED -> throw new IllegalArgumentException("Moderators reject; only authors delete");
        };
        // Approving a published comment that readers reported is a real decision: it clears the reports.
        if (comment.getStatus() == newStatus
                && comment.isSpam() == (spam && newStatus == CommentStatus.REJECTED)
                && comment.getOpenReports() == 0) {
            throw new ModerationConflict(conflictMessage(comment));
        }
        var hasReason = reason != null && !com.dateline.base.TypedText.isBlank(reason);
        var decision = new Decision(
                newStatus,
                label + " by " + moderator.displayName() + (hasReason ? ": " + reason.strip() : ""),
                hasReason && newStatus == CommentStatus.REJECTED ? reason.strip() : null);
        return apply(comment, decision, spam && newStatus == CommentStatus.REJECTED, 0);
    }

    /**
     * Takes back a decision: the comment returns to its status before it, and the reports the decision closed are
     * open again, so a reported comment returns to the Reported queue. Reports readers filed after the decision
     * were never closed and stay open beside them.
     */
    @Transactional(noRollbackFor = ModerationConflict.class)
    public Verdict undo(long commentId, long expectedVersion, CommentStatus statusBefore, int openReportsBefore) {
        var moderator = CurrentUser.require();
        var comment = asSeen(commentId, expectedVersion);
        var decision = new Decision(statusBefore, "Restored by " + moderator.displayName() + " (undo)");
        return apply(comment, decision, false, comment.getOpenReports() + openReportsBefore);
    }

    private Comment asSeen(long commentId, long expectedVersion) {
        var comment = comments.findById(commentId)
                .orElseThrow(() -> new ModerationConflict("This comment no longer exists."));
        if (comment.getVersion() != expectedVersion || comment.getStatus() == CommentStatus.DELETED) {
            throw new ModerationConflict(conflictMessage(comment));
        }
        return comment;
    }

    private Verdict apply(Comment comment, Decision decision, boolean spam, int openReports) {
        var before = comment.getStatus();
        var openReportsBefore = comment.getOpenReports();
        comment.decide(decision, clock.instant());
        comment.setSpam(spam);
        comment.setOpenReports(openReports);
        events.publishEvent(new CommentChanged(
                comment.getPostId(),
                comment.id(),
                decision.status(),
                comment.getAuthorId(),
                before == CommentStatus.PUBLISHED || decision.status() == CommentStatus.PUBLISHED));
        return new Verdict(
                comment.id(), comment.getPostId(), comment.getAuthorId(), before, decision.status(), openReportsBefore);
    }

    /** The current version of each comment, for decisions on comments the moderator has not opened. */
    @Transactional(readOnly = true)
    public Map<Long, Long> versions(List<Long> commentIds) {
        var versions = new HashMap<Long, Long>();
        comments.findAllById(commentIds).forEach(comment -> versions.put(comment.id(), comment.getVersion()));
        return versions;
    }

    private static String conflictMessage(Comment comment) {
        var reason = comment.getStatusReason();
        return switch (comment.getStatus()) {
            case PUBLISHED ->
                reason.startsWith("Approved by")
                        ? "Already " + lowerFirst(reason) + "."
                        : "Already published (" + reason + ").";
            case REJECTED ->
                reason.startsWith("Rejected by") || reason.startsWith("Marked as spam by")
                        ? "Already " + lowerFirst(reason) + "."
                        : "Already rejected (" + reason + ").";
            case DELETED -> "Its author deleted it meanwhile.";
            case PENDING -> "It changed meanwhile (edited by its author, or returned to pending). Please look again.";
        };
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static Specification<Comment> specification(ModerationFilter filter) {
        return (root, query, cb) -> {
            var where = new ArrayList<Predicate>();
            switch (filter.queue()) {
                case PENDING -> where.add(cb.equal(root.get("status"), CommentStatus.PENDING));
                case REPORTED -> {
                    where.add(cb.greaterThan(root.get("openReports"), 0));
                    where.add(cb.equal(root.get("status"), CommentStatus.PUBLISHED));
                }
                case APPROVED -> where.add(cb.equal(root.get("status"), CommentStatus.PUBLISHED));
                case REJECTED -> where.add(cb.equal(root.get("status"), CommentStatus.REJECTED));
            }
            // What shows nothing (a no-break space, a zero-width joiner) narrows nothing either.
            if (filter.text() != null && !com.dateline.base.TypedText.isBlank(filter.text())) {
                var needle = "%"
                        + filter.text()
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
                where.add(cb.like(cb.lower(root.get("body")), needle, '\\'));
            }
            if (filter.postId() != null) {
                where.add(cb.equal(root.get("postId"), filter.postId()));
            }
            if (filter.authorId() != null) {
                where.add(cb.equal(root.get("authorId"), filter.authorId()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), filter.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private List<ModerationItem> items(List<Comment> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        var postIds = new HashSet<Long>();
        var authorIds = new HashSet<Long>();
        var reported = new ArrayList<Long>();
        for (var comment : page) {
            postIds.add(comment.getPostId());
            authorIds.add(comment.getAuthorId());
            if (comment.getOpenReports() > 0) {
                reported.add(comment.id());
            }
        }
        var links = posts.findLinks(postIds);
        var names = accounts.displayNames(authorIds);
        Map<Long, String> reportSummaries = reported.isEmpty()
                ? Map.of()
                : reports.countReasons(reported).stream()
                        .collect(Collectors.groupingBy(
                                CommentReportRepository.ReasonCount::getCommentId,
                                Collectors.mapping(
                                        count -> count.getReason().label()
                                                + (count.getTimes() > 1 ? " ×" + count.getTimes() : ""),
                                        Collectors.joining(", "))));
        return page.stream()
                .map(comment -> {
                    var link = links.get(comment.getPostId());
                    return new ModerationItem(
                            comment.id(),
                            comment.getVersion(),
                            comment.getPostId(),
                            link == null ? "(post not found)" : link.headline(),
                            link == null ? "/" : link.path(),
                            comment.getAuthorId(),
                            names.getOrDefault(comment.getAuthorId(), "Deleted reader"),
                            comment.getBody(),
                            comment.getCreatedAt(),
                            comment.getStatus(),
                            comment.getStatusReason(),
                            comment.getOpenReports(),
                            reportSummaries.getOrDefault(comment.id(), ""),
                            comment.isSpam(),
                            comment.getParentId());
                })
                .toList();
    }
}
