package com.dateline.comment;

import com.dateline.account.AccountService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a discussion as one reader sees it: a page of top-level comments with all their replies, in reading order,
 * with the authors' names. The statements it runs do not grow with the size of the discussion.
 */
@Component
class CommentThreadReader {

    private final CommentRepository comments;
    private final CommentRules rules;
    private final AccountService accounts;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    CommentThreadReader(
            CommentRepository comments,
            CommentRules rules,
            AccountService accounts,
            Clock clock,
            TransactionTemplate transaction) {
        this.comments = comments;
        this.rules = rules;
        this.accounts = accounts;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
        this.readOnly.setReadOnly(true);
    }

    /** Six statements (page, replies, count, names, post, policy), whatever the size of the discussion. */
    CommentThread load(long postId, boolean newestFirst, PageRequest page, long viewer) {
        return Objects.requireNonNull(readOnly.execute(status -> {
            var order = CommentRepository.topLevelOrder(newestFirst ? Sort.Direction.DESC : Sort.Direction.ASC);
            var topLevel = comments.findTopLevel(postId, viewer, page.withSort(order));
            var rootIds = topLevel.getContent().stream().map(Comment::id).toList();
            var replies = rootIds.isEmpty() ? List.<Comment>of() : comments.findReplies(rootIds);
            var published = comments.countByPostIdAndStatus(postId, CommentStatus.PUBLISHED);
            var closed = rules.isClosed(postId);
            return new CommentThread(
                    readingOrder(topLevel.getContent(), replies, viewer), published, topLevel.hasNext(), closed);
        }));
    }

    /** Each top-level comment followed by its replies, depth first; deleted comments only where replies hang on them. */
    List<CommentView> readingOrder(List<Comment> topLevel, List<Comment> replies, long viewer) {
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
                        comment.getBodyFormat(),
                        comment.getStatus(),
                        mine && shown,
                        mine
                                && shown
                                && comment.getStatus() != CommentStatus.REJECTED
                                && CommentRules.withinEditWindow(comment, now),
                        !shown,
                        mine && shown && comment.getStatus() == CommentStatus.REJECTED
                                ? comment.getAuthorNote()
                                : null));
        return true;
    }
}
