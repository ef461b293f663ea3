package com.dateline.comment.ui;

import com.dateline.base.BlogTime;
import com.dateline.comment.CommentBroadcaster;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentView;
import com.dateline.post.PostPageSection;
import com.dateline.post.PostSummary;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Section;
import java.util.HashMap;

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
        var containers = new HashMap<Long, com.vaadin.flow.component.HasComponents>();
        for (CommentView comment : thread.comments()) {
            Article article = CommentParts.article(comment, time);
            var replies = CommentParts.replies();
            article.add(replies);
            containers.put(comment.id(), replies);
            var parent = comment.parentId() == null ? null : containers.get(comment.parentId());
            (parent != null ? parent : section).add(article);
        }
        return section;
    }
}
