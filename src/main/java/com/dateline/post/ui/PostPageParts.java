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
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HtmlContainer;
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
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Builds the parts of a post page; shared by {@link PostView}, {@link PublicPages} and the editor's preview
 * ({@link EditorPreview}), so that a post is drawn one way wherever it appears.
 */
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
        var article = new Article(
                header(new H1(), summary.category().kicker(), summary.title(), summary.publishedAt(), time));
        article.addClassName("post");
        if (summary.photo() != null) {
            article.add(figure(summary.photo()));
        }
        article.add(body(post.bodyHtml()));
        var byline = post.byline();
        if (hasText(byline)) {
            article.add(byline(byline));
        }
        var filed = new Paragraph(
                new Text("Filed under "),
                new Anchor(summary.category().path(), summary.category().name()));
        filed.addClassName("filed-under");
        article.add(filed);
        return article;
    }

    /**
     * The headline (the kicker in capitals, then the title) over the dateline. The post page passes its one {@code h1};
     * the editor's preview passes an {@code h2}, under the editor's own heading, and an empty kicker while no category
     * is chosen.
     */
    static Header header(HtmlContainer headline, String kicker, String title, Instant publishedAt, BlogTime time) {
        kickerAndTitle(headline, kicker, title);
        headline.addClassName("post-title");
        return new Header(headline, dateline(publishedAt, time));
    }

    /** "IRAQ: Talk about talks", the kicker marked for its own style; the post lists put it inside their links. */
    static <T extends HasComponents> T kickerAndTitle(T target, String kicker, String title) {
        if (kicker.isEmpty()) {
            target.add(new Text(title));
            return target;
        }
        var span = new Span(kicker + ":");
        span.addClassName("kicker");
        target.add(span, new Text(" " + title));
        return target;
    }

    static Paragraph dateline(PostSummary summary, BlogTime time) {
        return dateline(summary.publishedAt(), time);
    }

    private static Paragraph dateline(Instant publishedAt, BlogTime time) {
        var dateline = new Paragraph(new Time(time.iso(publishedAt), time.dateline(publishedAt)));
        dateline.addClassName("dateline");
        return dateline;
    }

    static Div body(String sanitisedHtml) {
        var body = SafeHtml.of(sanitisedHtml);
        body.addClassName("post-body");
        return body;
    }

    /** "— Times staff writers in Beirut", after the body. */
    static Paragraph byline(String byline) {
        var paragraph = new Paragraph("— " + byline);
        paragraph.addClassName("byline");
        return paragraph;
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
