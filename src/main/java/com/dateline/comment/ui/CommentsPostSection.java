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

    CommentsPostSection(CommentService comments, CommentBroadcaster broadcaster, BlogTime time) {
        this.comments = comments;
        this.broadcaster = broadcaster;
        this.time = time;
    }

    @Override
    public com.vaadin.flow.component.Component liveSection(PostSummary post) {
        return new CommentsSection(post, comments, broadcaster, time);
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
