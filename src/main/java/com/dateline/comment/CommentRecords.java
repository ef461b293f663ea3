package com.dateline.comment;

import com.dateline.base.TypedText;
import com.dateline.security.Roles;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored comments whatever their status, for those who decide on them: read by criteria in bounded, indexed pages,
 * counted, and given a new status at the version the decider saw. What a decision is called and who may take it is
 * the deciders' business; this class only keeps the comments consistent and tells the application what changed.
 */
@Service
@PreAuthorize(Roles.MODERATOR_OR_ADMIN)
public class CommentRecords {

    private final CommentRepository comments;
    private final CommentReportRepository reports;
    private final CommenterRepository commenters;
    private final CommentAnnouncements announcements;
    private final CommentTally tally;
    private final Clock clock;

    CommentRecords(
            CommentRepository comments,
            CommentReportRepository reports,
            CommenterRepository commenters,
            CommentAnnouncements announcements,
            CommentTally tally,
            Clock clock) {
        this.comments = comments;
        this.reports = reports;
        this.commenters = commenters;
        this.announcements = announcements;
        this.tally = tally;
        this.clock = clock;
    }

    /** One page of the comments that meet the criteria. No total is counted: the caller scrolls on. */
    @Transactional(readOnly = true)
    public Slice<CommentRecord> find(CommentCriteria criteria, Pageable page) {
        if (criteria.text() != null && criteria.text().strip().length() > CommentText.MAX_RAW_LENGTH) {
            // Longer than any comment can be: nothing matches, and the database is spared a megabyte pattern.
            return new SliceImpl<>(List.of(), page, false);
        }
        // With the status fixed, ordering by it first changes nothing for the reader of the page but lets H2 walk the
        // (status, created_at) index in order instead of sorting every comment of that status. With a post or author
        // filter their own indexes are narrower, so H2 is left to use those.
        var byStatusIndex = criteria.status() != null && criteria.postId() == null && criteria.authorId() == null;
        var order = criteria.oldestFirst()
                ? Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))
                : Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        if (byStatusIndex) {
            order = Sort.by(criteria.oldestFirst() ? Sort.Order.asc("status") : Sort.Order.desc("status"))
                    .and(order);
        }
        var pageable = PageRequest.of(page.getPageNumber(), page.getPageSize(), order);
        var found = comments.findBy(specification(criteria), query -> query.slice(pageable));
        return new SliceImpl<>(
                found.getContent().stream().map(CommentRecords::record).toList(), pageable, found.hasNext());
    }

    @Transactional(readOnly = true)
    public Optional<CommentRecord> find(long commentId) {
        return comments.findById(commentId).map(CommentRecords::record);
    }

    /** The author's ten latest comments, newest first. */
    @Transactional(readOnly = true)
    public List<CommentRecord> latestOf(long authorId) {
        return comments.findTop10ByAuthorIdOrderByCreatedAtDesc(authorId).stream()
                .map(CommentRecords::record)
                .toList();
    }

    @Transactional(readOnly = true)
    public CommentCounts counts() {
        return tally.counts();
    }

    @Transactional(readOnly = true)
    public AuthorCounts authorCounts(long authorId) {
        return new AuthorCounts(
                comments.countByAuthorIdAndStatus(authorId, CommentStatus.PUBLISHED),
                comments.countByAuthorIdAndStatus(authorId, CommentStatus.REJECTED),
                comments.countByAuthorIdAndSpamTrue(authorId),
                comments.countByAuthorIdAndOpenReportsGreaterThan(authorId, 0),
                comments.countByAuthorIdAndStatus(authorId, CommentStatus.PENDING),
                commenters.isTrusted(authorId));
    }

    /** Readers' reports on the given comments, counted by reason. */
    @Transactional(readOnly = true)
    public List<ReportCount> reportCounts(Collection<Long> commentIds) {
        return reports.countReasons(commentIds).stream()
                .map(count -> new ReportCount(count.getCommentId(), count.getReason(), count.getTimes()))
                .toList();
    }

    /** The current version of each comment that exists. */
    @Transactional(readOnly = true)
    public Map<Long, Long> versions(Collection<Long> commentIds) {
        var versions = new HashMap<Long, Long>();
        comments.findAllById(commentIds).forEach(comment -> versions.put(comment.id(), comment.getVersion()));
        return versions;
    }

    /**
     * Gives the comment a decision if it is still at the expected version, marks it as spam or not, sets how many
     * reports are open, and publishes {@link CommentChanged} and {@link CommentModerated}.
     *
     * @return the comment as it was before; empty, with nothing changed, if it no longer exists or changed since
     */
    @Transactional
    public Optional<CommentRecord> apply(
            long commentId, long expectedVersion, Decision decision, boolean spam, int openReports) {
        var found = comments.findById(commentId).filter(comment -> comment.getVersion() == expectedVersion);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var comment = found.get();
        var before = record(comment);
        comment.decide(decision, clock.instant());
        comment.setSpam(spam);
        comment.setOpenReports(openReports);
        announcements.moderated(comment, before.status(), decision.toAuthor());
        return Optional.of(before);
    }

    /** Trusted readers' comments skip pre-moderation; the hold rules still apply to them. */
    @Transactional
    public void setTrusted(long authorId, boolean trusted) {
        var commenter = commenters.findById(authorId).orElseGet(() -> new Commenter(authorId, trusted));
        commenter.setTrusted(trusted);
        commenters.save(commenter);
    }

    private static CommentRecord record(Comment comment) {
        return new CommentRecord(
                comment.id(),
                comment.getVersion(),
                comment.getPostId(),
                comment.getAuthorId(),
                comment.getBody(),
                comment.getBodyFormat(),
                comment.getCreatedAt(),
                comment.getStatus(),
                comment.getStatusReason(),
                comment.getOpenReports(),
                comment.isSpam(),
                comment.getParentId());
    }

    private static Specification<Comment> specification(CommentCriteria criteria) {
        return (root, query, cb) -> {
            var where = new ArrayList<Predicate>();
            if (criteria.status() != null) {
                where.add(cb.equal(root.get("status"), criteria.status()));
            }
            if (criteria.reportedOnly()) {
                where.add(cb.greaterThan(root.get("openReports"), 0));
            }
            // What shows nothing (a no-break space, a zero-width joiner) narrows nothing either.
            if (criteria.text() != null && !TypedText.isBlank(criteria.text())) {
                var needle = TypedText.containsPattern(criteria.text());
                where.add(cb.like(cb.lower(root.get("body")), needle, '\\'));
            }
            if (criteria.postId() != null) {
                where.add(cb.equal(root.get("postId"), criteria.postId()));
            }
            if (criteria.authorId() != null) {
                where.add(cb.equal(root.get("authorId"), criteria.authorId()));
            }
            if (criteria.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), criteria.from()));
            }
            if (criteria.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), criteria.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
