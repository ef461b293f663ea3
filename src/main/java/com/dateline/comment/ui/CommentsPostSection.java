package com.dateline.comment.ui;

import com.dateline.base.BlogTime;
import com.dateline.comment.CommentBroadcaster;
import com.dateline.comment.CommentService;
import com.dateline.post.PostPageSection;
import com.dateline.post.PostSummary;
import com.vaadin.flow.component.html.Section;

/** Puts the discussion under every post: live for readers, and in the HTML the server sends. */
@org.springframework.stereotype.Component
class CommentsPostSection implements PostPageSection {

    private final CommentService comments;
    private final CommentBroadcaster broadcaster;
    private final BlogTime time;
    // Redraws that announcements start, at most this many at once across all open pages: after a burst of approvals
    // on a busy post, a hundred signed-in readers' pages reading their discussions at once took every database
    // connection, and readers posting comments waited tens of seconds for one (bench/RESULTS.md).
    private final java.util.concurrent.Semaphore announcedRedraws = new java.util.concurrent.Semaphore(2);

    CommentsPostSection(CommentService comments, CommentBroadcaster broadcaster, BlogTime time) {
        this.comments = comments;
        this.broadcaster = broadcaster;
        this.time = time;
    }

    @Override
    public com.vaadin.flow.component.Component liveSection(PostSummary post) {
        return new CommentsSection(post, comments, broadcaster, time, announcedRedraws);
    }

    @Override
    public com.vaadin.flow.component.Component staticSection(PostSummary post) {
        var thread = comments.thread(post.id(), false, CommentService.PAGE_SIZE);
        var section = new Section(CommentParts.heading(thread.publishedCount()));
        section.addClassName("comments");
        section.getElement().setAttribute("aria-labelledby", "comments-heading");
        CommentParts.nest(section, thread.comments(), comment -> CommentParts.article(comment, time));
        return section;
    }
}
