package com.dateline.comment.ui;

import com.dateline.base.BlogTime;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.CommentView;
import com.dateline.post.PostPageSection;
import com.dateline.post.PostSummary;
import com.dateline.security.SignInRedirects;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;

/** Puts the discussion under every post: live for signed-in readers, as markup on the public pages. */
@org.springframework.stereotype.Component
record CommentsPostSection(CommentService comments, OpenDiscussions openDiscussions, BlogTime time)
        implements PostPageSection {

    @Override
    public Component liveSection(PostSummary post) {
        return new CommentsSection(post, comments, openDiscussions, time);
    }

    /**
     * The discussion as anonymous readers' pages show it: published comments only (a withheld one with replies as a
     * placeholder), their order and further pages as links, and sign-in links where the live view has its buttons,
     * each coming back to the same place. {@code data-published} is what the page's script compares with the count it
     * asks for, to offer the comments published since.
     */
    @Override
    public Component publicSection(PostSummary post, PostPageSection.Part part) {
        var thread = comments.publicThread(post.id(), part.newestFirst(), part.number());
        var section = new Section(CommentParts.heading(thread.publishedCount()));
        section.addClassName("comments");
        section.setId("comments");
        section.getElement().setAttribute("aria-labelledby", "comments-heading");
        section.getElement().setAttribute("data-post-id", Long.toString(post.id()));
        section.getElement().setAttribute("data-published", Long.toString(thread.publishedCount()));
        var signIn = "/login?" + SignInRedirects.returnToQuery(post.path() + "#comments");
        if (thread.closed()) {
            section.add(new Paragraph("Comments are closed."));
        } else {
            var link = new Anchor(signIn, "Sign in to comment");
            link.setId("sign-in-to-comment");
            section.add(new Div(link));
        }
        var news = new Paragraph();
        news.setId("new-comments");
        news.addClassName("new-comments");
        news.getElement().setAttribute("role", "status");
        section.add(news);
        var shown = thread.comments();
        if (thread.publishedCount() > 1) {
            section.add(orderLinks(post, part));
        }
        var list = new Div();
        list.addClassName("comment-list");
        section.add(list);
        CommentParts.nest(list, shown, comment -> {
            var article = CommentParts.article(comment, time);
            if (!comment.withheld()) {
                article.add(publicActions(post, comment, thread.closed()));
            }
            return article;
        });
        if (shown.isEmpty()) {
            list.add(new Paragraph(
                    part.number() > 1
                            ? "There are no comments on this page."
                            : thread.closed() ? "No comments." : "No comments yet."));
        }
        if (part.number() > 1 || thread.hasMore()) {
            section.add(pager(post, part, thread.hasMore()));
        }
        return section;
    }

    private static Div publicActions(PostSummary post, CommentView comment, boolean closed) {
        var actions = new Div();
        actions.addClassName("comment-actions");
        if (comment.status() != CommentStatus.PUBLISHED) {
            return actions;
        }
        var back = "/login?" + SignInRedirects.returnToQuery(post.path() + "#comment-" + comment.id());
        if (!closed) {
            actions.add(signInAction(back, "Reply", "Sign in to reply to " + comment.authorName()));
        }
        actions.add(signInAction(back, "Report", "Sign in to report this comment"));
        return actions;
    }

    private static Anchor signInAction(String href, String text, String label) {
        var link = new Anchor(href, text);
        link.addClassName("comment-action");
        link.getElement().setAttribute("aria-label", label);
        return link;
    }

    private static Nav orderLinks(PostSummary post, PostPageSection.Part part) {
        var nav = new Nav();
        nav.addClassName("comment-order");
        nav.getElement().setAttribute("aria-label", "Order of comments");
        nav.add(new Span("Order: "));
        nav.add(
                choice(post.path() + "#comments", CommentsSection.OLDEST_FIRST, !part.newestFirst()),
                new Span(" · "),
                choice(post.path() + "?order=newest#comments", CommentsSection.NEWEST_FIRST, part.newestFirst()));
        return nav;
    }

    private static Component choice(String href, String text, boolean current) {
        if (current) {
            var span = new Span(text);
            span.addClassName("current");
            span.getElement().setAttribute("aria-current", "true");
            return span;
        }
        return new Anchor(href, text);
    }

    private static Nav pager(PostSummary post, PostPageSection.Part part, boolean hasMore) {
        var pager = new Nav();
        pager.addClassName("pager");
        pager.getElement().setAttribute("aria-label", "More comments");
        if (part.number() > 1) {
            var earlier = new Anchor(commentsHref(post, part, part.number() - 1), "« Previous comments");
            earlier.getElement().setAttribute("rel", "prev");
            pager.add(earlier);
        }
        var position = new Span("Comments page " + part.number());
        position.addClassName("pager-position");
        pager.add(position);
        if (hasMore) {
            var later = new Anchor(commentsHref(post, part, part.number() + 1), "More comments »");
            later.getElement().setAttribute("rel", "next");
            pager.add(later);
        }
        return pager;
    }

    private static String commentsHref(PostSummary post, PostPageSection.Part part, int number) {
        var query = new ArrayList<String>();
        if (number > 1) {
            query.add("comments=" + number);
        }
        if (part.newestFirst()) {
            query.add("order=newest");
        }
        return post.path() + (query.isEmpty() ? "" : "?" + String.join("&", query)) + "#comments";
    }
}
