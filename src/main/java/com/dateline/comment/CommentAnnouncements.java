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
            var quoted = Quoted.of(comment);
            events.publishEvent(new CommentPublished(
                    comment.getPostId(),
                    comment.id(),
                    comment.getAuthorId(),
                    parentId,
                    parentAuthor,
                    quoted.text(),
                    quoted.html()));
        }
    }

    /** A moderator's decision: {@link #changed} and {@link CommentModerated}. */
    void moderated(Comment comment, CommentStatus before, @Nullable String toAuthor) {
        changed(comment, before);
        var quoted = Quoted.of(comment);
        events.publishEvent(new CommentModerated(
                comment.getPostId(),
                comment.id(),
                comment.getAuthorId(),
                before,
                comment.getStatus(),
                comment.isSpam(),
                quoted.text(),
                quoted.html(),
                toAuthor));
    }

    /** The start of a comment as a mail quotes it: its words, and its formatting where that fits in an event. */
    private record Quoted(String text, @Nullable String html) {

        static Quoted of(Comment comment) {
            var cut = CommentMarkup.excerpt(comment.shown(), EXCERPT);
            return new Quoted(cut.text(), cut.html().length() <= MAX_EXCERPT_HTML ? cut.html() : null);
        }
    }
}
