package com.dateline.comment;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the application what a change did to a comment, in the one way every change does. */
@Component
class CommentAnnouncements {

    /** As much of a comment as a mail or a notice quotes. */
    static final int EXCERPT = 280;

    /**
     * The longest formatted excerpt an event carries. Events are kept in a column of 4,000 characters until handled,
     * and 280 characters that are all markup-escaped would not fit; such an excerpt goes as its words alone.
     */
    static final int MAX_EXCERPT_HTML = 1_500;

    private final ApplicationEventPublisher events;
    private final CommentRepository comments;

    CommentAnnouncements(ApplicationEventPublisher events, CommentRepository comments) {
        this.events = events;
        this.comments = comments;
    }

    /**
     * The comment got its present status; before it, it had {@code before} (null when it is new). Publishes
     * {@link CommentChanged} and, when readers see the comment now and did not before, {@link CommentPublished}.
     */
    void changed(Comment comment, @Nullable CommentStatus before) {
        var now = comment.getStatus();
        var published = now == CommentStatus.PUBLISHED;
        events.publishEvent(new CommentChanged(
                comment.getPostId(),
                comment.id(),
                now,
                comment.getAuthorId(),
                published || before == CommentStatus.PUBLISHED));
        if (published && before != CommentStatus.PUBLISHED) {
            var parentId = comment.getParentId();
            var parentAuthor = parentId == null
                    ? null
                    : comments.findById(parentId).map(Comment::getAuthorId).orElse(null);
            events.publishEvent(new CommentPublished(
                    comment.getPostId(),
                    comment.id(),
                    comment.getAuthorId(),
                    parentId,
                    parentAuthor,
                    excerpt(comment.shown().text()),
                    excerptHtml(comment)));
        }
    }

    /** A moderator's decision: {@link #changed} and {@link CommentModerated}. */
    void moderated(Comment comment, CommentStatus before, @Nullable String toAuthor) {
        changed(comment, before);
        events.publishEvent(new CommentModerated(
                comment.getPostId(),
                comment.id(),
                comment.getAuthorId(),
                before,
                comment.getStatus(),
                comment.isSpam(),
                excerpt(comment.shown().text()),
                excerptHtml(comment),
                toAuthor));
    }

    private static @Nullable String excerptHtml(Comment comment) {
        var html = CommentMarkup.excerpt(comment.shown(), EXCERPT).html();
        return html.length() <= MAX_EXCERPT_HTML ? html : null;
    }

    static String excerpt(String shownText) {
        var text = shownText.strip();
        if (text.length() <= EXCERPT) {
            return text;
        }
        var end = EXCERPT;
        // Not between the two halves of a surrogate pair: half a character breaks the mail's encoding.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
