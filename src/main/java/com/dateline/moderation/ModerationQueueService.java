package com.dateline.moderation;

import com.dateline.account.AccountService;
import com.dateline.comment.CommentCriteria;
import com.dateline.comment.CommentRecord;
import com.dateline.comment.CommentRecords;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ReportCount;
import com.dateline.post.PostService;
import com.dateline.security.Roles;
import com.dateline.security.SecurityLog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators see of the comments: the queues, read in bounded, indexed pages, their sizes, one comment, and an
 * author's record; and the moderators' standing decision on a reader, trust. Decisions on comments go through
 * {@link ModerationService}.
 */
@Service
@PreAuthorize(Roles.MODERATOR_OR_ADMIN)
public class ModerationQueueService {

    private final CommentRecords comments;
    private final PostService posts;
    private final AccountService accounts;

    ModerationQueueService(CommentRecords comments, PostService posts, AccountService accounts) {
        this.comments = comments;
        this.posts = posts;
        this.accounts = accounts;
    }

    /** One page of a queue, narrowed by the filter. No total is counted: the grid scrolls on. */
    @Transactional(readOnly = true)
    public Slice<ModerationItem> queue(ModerationFilter filter, Pageable page) {
        var found = comments.find(criteria(filter), page);
        return new SliceImpl<>(items(found.getContent()), found.getPageable(), found.hasNext());
    }

    @Transactional(readOnly = true)
    public QueueCounts counts() {
        var counts = comments.counts();
        var byQueue = new EnumMap<ModerationQueue, Long>(ModerationQueue.class);
        byQueue.put(ModerationQueue.PENDING, counts.pending());
        byQueue.put(ModerationQueue.REPORTED, counts.reported());
        byQueue.put(ModerationQueue.APPROVED, counts.published());
        byQueue.put(ModerationQueue.REJECTED, counts.rejected());
        return new QueueCounts(byQueue);
    }

    @Transactional(readOnly = true)
    public Optional<ModerationItem> item(long commentId) {
        return comments.find(commentId).map(comment -> items(List.of(comment)).getFirst());
    }

    /** A commenter's counts and latest comments. */
    @Transactional(readOnly = true)
    public AuthorRecord authorRecord(long authorId) {
        var counts = comments.authorCounts(authorId);
        return new AuthorRecord(
                authorId,
                counts.published(),
                counts.rejected(),
                counts.spam(),
                counts.reported(),
                counts.pending(),
                counts.trusted(),
                items(comments.latestOf(authorId)));
    }

    /**
     * Trusts a reader (their comments skip pre-moderation; hold rules still apply) or puts them back to normal. Only an
     * admin may do so for a staff account.
     */
    @Transactional
    public void setTrusted(long authorId, boolean trusted) {
        accounts.requireMayModerate(authorId);
        comments.setTrusted(authorId, trusted);
        SecurityLog.event(trusted ? "reader-trusted" : "reader-trust-withdrawn", "account", authorId);
    }

    private static CommentCriteria criteria(ModerationFilter filter) {
        var status = switch (filter.queue()) {
            case PENDING -> CommentStatus.PENDING;
            case REPORTED, APPROVED -> CommentStatus.PUBLISHED;
            case REJECTED -> CommentStatus.REJECTED;
        };
        return new CommentCriteria(
                status,
                filter.queue() == ModerationQueue.REPORTED,
                filter.text(),
                filter.postId(),
                filter.authorId(),
                filter.from(),
                filter.to(),
                filter.oldestFirst());
    }

    private List<ModerationItem> items(List<CommentRecord> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        var postIds = new HashSet<Long>();
        var authorIds = new HashSet<Long>();
        var reported = new ArrayList<Long>();
        for (var comment : page) {
            postIds.add(comment.postId());
            authorIds.add(comment.authorId());
            if (comment.openReports() > 0) {
                reported.add(comment.id());
            }
        }
        var links = posts.findLinks(postIds);
        var names = accounts.displayNames(authorIds);
        Map<Long, String> reportSummaries = reported.isEmpty()
                ? Map.of()
                : comments.reportCounts(reported).stream()
                        .collect(Collectors.groupingBy(
                                ReportCount::commentId,
                                Collectors.mapping(
                                        count -> count.reason().label()
                                                + (count.times() > 1 ? " ×" + count.times() : ""),
                                        Collectors.joining(", "))));
        return page.stream()
                .map(comment -> {
                    var link = links.get(comment.postId());
                    return new ModerationItem(
                            comment.id(),
                            comment.version(),
                            comment.postId(),
                            link == null ? "(post not found)" : link.headline(),
                            link == null ? "/" : link.path(),
                            comment.authorId(),
                            names.getOrDefault(comment.authorId(), "Deleted reader"),
                            comment.body(),
                            comment.bodyFormat(),
                            comment.createdAt(),
                            comment.status(),
                            comment.statusReason(),
                            comment.openReports(),
                            reportSummaries.getOrDefault(comment.id(), ""),
                            comment.spam(),
                            comment.parentId());
                })
                .toList();
    }
}
