package com.dateline.post.ui;

import com.dateline.base.BlogTime;
import com.dateline.post.PostSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.springframework.data.domain.Slice;

/** Builds a page of post summaries (home, category); shared by the views and the public pages. */
final class PostListParts {

    static final int PAGE_SIZE = 10;

    private PostListParts() {}

    /**
     * @param heading the page's one {@code h1}
     * @param basePath where this list lives ("/" or "/category/iraq"), for the pager's links
     */
    static Component page(H1 heading, Slice<PostSummary> posts, String basePath, BlogTime time) {
        var page = new Div(heading);
        page.addClassName("post-list-page");
        if (posts.isEmpty()) {
            page.add(new Paragraph(
                    posts.getNumber() == 0
                            ? "No posts have been published here yet."
                            : "There are no posts on this page."));
        }
        posts.forEach(post -> page.add(card(post, time)));
        if (posts.hasPrevious() || posts.hasNext()) {
            page.add(pager(posts, basePath));
        }
        return page;
    }

    static Article card(PostSummary post, BlogTime time) {
        var card = new Article();
        card.addClassName("post-card");
        if (post.photo() != null) {
            // The headline beside it names the post, so the thumbnail is decorative for screen readers.
            var thumbnail = new Image(post.photo().thumbnailUrl(), "");
            thumbnail.getElement().setAttribute("loading", "lazy");
            var link = new Anchor(post.path(), thumbnail);
            link.getElement().setAttribute("tabindex", "-1");
            link.getElement().setAttribute("aria-hidden", "true");
            link.addClassName("post-card-thumbnail");
            card.add(link);
        }
        var title = PostPageParts.kickerAndTitle(
                new Anchor(post.path()), post.category().kicker(), post.title());
        var excerpt = new Paragraph(post.excerpt());
        excerpt.addClassName("excerpt");
        var text = new Div(new H2(title), PostPageParts.dateline(post, time), excerpt);
        text.addClassName("post-card-text");
        card.add(text);
        return card;
    }

    private static Nav pager(Slice<PostSummary> posts, String basePath) {
        var pager = new Nav();
        pager.addClassName("pager");
        pager.getElement().setAttribute("aria-label", "More posts");
        var number = posts.getNumber() + 1;
        if (posts.hasPrevious()) {
            var newer = new Anchor(pageHref(basePath, number - 1), "« Newer posts");
            newer.getElement().setAttribute("rel", "prev");
            pager.add(newer);
        }
        var position = new Span("Page " + number);
        position.addClassName("pager-position");
        pager.add(position);
        if (posts.hasNext()) {
            var older = new Anchor(pageHref(basePath, number + 1), "Older posts »");
            older.getElement().setAttribute("rel", "next");
            pager.add(older);
        }
        return pager;
    }

    static String pageHref(String basePath, int pageNumber) {
        return pageNumber <= 1 ? basePath : basePath + "?page=" + pageNumber;
    }

    /** Reads "?page=N" leniently: anything that is not a page number means the first page. */
    static int pageIndex(List<String> values) {
        if (values.isEmpty()) {
            return 0;
        }
        try {
            var number = Integer.parseInt(values.getFirst().strip());
            return number >= 1 && number <= 100_000 ? number - 1 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
