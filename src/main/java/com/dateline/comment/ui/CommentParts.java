package com.dateline.comment.ui;

import com.dateline.base.BlogTime;
import com.dateline.base.ui.SafeHtml;
import com.dateline.base.ui.Time;
import com.dateline.comment.CommentMarkup;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.CommentView;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

/** One comment as an {@code <article>}; shared by the live section and the public pages. */
final class CommentParts {

    private CommentParts() {}

    static H2 heading(long publishedCount) {
        var heading = new H2("Comments (" + publishedCount + ")");
        heading.setId("comments-heading");
        return heading;
    }

    static Article article(CommentView comment, BlogTime time) {
        var article = new Article();
        article.addClassName("comment");
        article.addClassName("comment-depth-" + comment.depth());
        article.setId("comment-" + comment.id());
        article.getElement().setAttribute("data-comment-id", Long.toString(comment.id()));
        if (comment.withheld()) {
            article.addClassName("comment-deleted");
            article.add(new Paragraph(
                    comment.status() == CommentStatus.DELETED
                            ? "Comment deleted by its author"
                            : "This comment is not shown"));
            return article;
        }
        var author = new Span(comment.authorName());
        author.addClassName("comment-author");
        author.getElement().setAttribute("dir", "auto");
        var header = new Header(
                author, new Text(" "), new Time(time.iso(comment.createdAt()), time.dateline(comment.createdAt())));
        if (comment.editedAt() != null) {
            var edited = new Span(" (edited)");
            edited.addClassName("comment-edited");
            header.add(edited);
        }
        if (comment.status() == CommentStatus.PENDING) {
            header.add(new Text(" "), marker("Awaiting moderation", "comment-pending"));
            article.addClassName("comment-pending");
        } else if (comment.status() == CommentStatus.REJECTED) {
            header.add(new Text(" "), marker("Not published", "comment-rejected"));
            article.addClassName("comment-rejected");
        }
        article.add(header, text(comment.shown()));
        if (comment.noteToAuthor() != null) {
            // The reason gets its own direction: an Arabic or Hebrew note reads right to left after the English label.
            var reason = new Span(comment.noteToAuthor());
            reason.getElement().setAttribute("dir", "auto");
            var note = new Paragraph(new Span("Moderator's note: "), reason);
            note.addClassName("comment-note");
            article.add(note);
        }
        return article;
    }

    /**
     * What the comment shows ({@link CommentMarkup}): sanitised when it was made, so it goes to the browser as one
     * piece of HTML rather than a node per paragraph and link.
     */
    static Div text(CommentMarkup.Shown shown) {
        var text = SafeHtml.of(shown.html());
        text.addClassName("comment-text");
        text.getElement().setAttribute("dir", "auto");
        return text;
    }

    /**
     * Adds the comments (in reading order) to {@code target}, each reply inside its parent's
     * replies container; {@code articleFor} makes each comment's article.
     */
    static void nest(HasComponents target, List<CommentView> comments, Function<CommentView, Article> articleFor) {
        var containers = new HashMap<Long, HasComponents>();
        for (var comment : comments) {
            var article = articleFor.apply(comment);
            var replies = replies();
            article.add(replies);
            containers.put(comment.id(), replies);
            var parent = comment.parentId() == null ? null : containers.get(comment.parentId());
            (parent != null ? parent : target).add(article);
        }
    }

    static Div replies() {
        var replies = new Div();
        replies.addClassName("comment-replies");
        return replies;
    }

    private static Span marker(String label, String className) {
        var marker = new Span(label);
        marker.addClassNames("comment-status", className);
        return marker;
    }
}
