package com.dateline.post.ui;

import com.dateline.base.BlogTime;
import com.dateline.base.ui.FigCaption;
import com.dateline.base.ui.Figure;
import com.dateline.base.ui.SafeHtml;
import com.dateline.base.ui.Time;
import com.dateline.post.PhotoInfo;
import com.dateline.post.PostDetails;
import com.dateline.post.PostLink;
import com.dateline.post.PostSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/** Builds the parts of a post page; shared by {@link PostView} and {@link PublicPages}. */
final class PostPageParts {

    private PostPageParts() {}

    static Component page(PostDetails post, String blogTitle, BlogTime time) {
        var page = new Div(navigation(post, blogTitle), article(post, time));
        page.addClassName("post-page");
        page.getElement().setAttribute("data-post", Long.toString(post.summary().id()));
        return page;
    }

    /** « Previous Post | Babylon &amp; Beyond Home | Next Post »; a missing neighbour leaves its link out. */
    static Nav navigation(PostDetails post, String blogTitle) {
        var nav = new Nav();
        nav.addClassName("post-nav");
        nav.getElement().setAttribute("aria-label", "Post navigation");
        if (post.previous() != null) {
            nav.add(neighbour(post.previous(), "« Previous Post", "prev"), separator());
        }
        nav.add(new Anchor("/", blogTitle + " Home"));
        if (post.next() != null) {
            nav.add(separator(), neighbour(post.next(), "Next Post »", "next"));
        }
        return nav;
    }

    static Article article(PostDetails post, BlogTime time) {
        var summary = post.summary();
        var article = new Article(new Header(headline(summary), dateline(summary, time)));
        article.addClassName("post");
        if (summary.photo() != null) {
            article.add(figure(summary.photo()));
        }
        var body = SafeHtml.of(post.bodyHtml());
        body.addClassName("post-body");
        article.add(body);
        if (post.byline() != null && !post.byline().isBlank()) {
            var byline = new Paragraph("— " + post.byline());
            byline.addClassName("byline");
            article.add(byline);
        }
        var filed = new Paragraph(
                new Text("Filed under "),
                new Anchor(summary.category().path(), summary.category().name()));
        filed.addClassName("filed-under");
        article.add(filed);
        return article;
    }

    /** One {@code h1}: the kicker in capitals, then the title. */
    static H1 headline(PostSummary summary) {
        var kicker = new Span(summary.category().kicker() + ":");
        kicker.addClassName("kicker");
        var h1 = new H1(kicker, new Text(" " + summary.title()));
        h1.addClassName("post-title");
        return h1;
    }

    static Paragraph dateline(PostSummary summary, BlogTime time) {
        var dateline = new Paragraph(new Time(time.iso(summary.publishedAt()), time.dateline(summary.publishedAt())));
        dateline.addClassName("dateline");
        return dateline;
    }

    static Figure figure(PhotoInfo photo) {
        var image = new Image(photo.url(), photo.altText());
        image.getElement().setAttribute("width", Integer.toString(photo.width()));
        image.getElement().setAttribute("height", Integer.toString(photo.height()));
        return figure(image, photo.caption(), photo.credit());
    }

    /** The photo with its caption and "Credit: …"; the editor's preview passes an image that is not stored yet. */
    static Figure figure(Image image, @Nullable String captionText, @Nullable String creditText) {
        var figure = new Figure(image);
        var caption = new FigCaption();
        if (hasText(captionText)) {
            caption.add(new Span(captionText));
        }
        if (hasText(creditText)) {
            var credit = new Span("Credit: " + creditText);
            credit.addClassName("credit");
            if (hasText(captionText)) {
                caption.add(new Text(" "));
            }
            caption.add(credit);
        }
        if (caption.getChildren().findAny().isPresent()) {
            figure.add(caption);
        }
        figure.addClassName("post-photo");
        return figure;
    }

    private static Anchor neighbour(PostLink link, String text, String rel) {
        var anchor = new Anchor(link.path(), text);
        anchor.getElement().setAttribute("rel", rel);
        anchor.getElement().setAttribute("title", link.headline());
        return anchor;
    }

    private static Span separator() {
        var separator = new Span(" | ");
        separator.getElement().setAttribute("aria-hidden", "true");
        separator.addClassName("separator");
        return separator;
    }

    private static boolean hasText(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
