package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.post.CategoryInfo;
import com.dateline.post.PostDetails;
import com.dateline.post.PostPageSection;
import com.dateline.post.PostService;
import com.dateline.post.PostSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * The reader pages (home, a category, a post): what their addresses name, their bodies and their titles, built one way
 * for the live views and for {@link PublicPages}.
 */
@org.springframework.stereotype.Component
record ReaderPages(PostService posts, BlogProperties blog, BlogTime time, List<PostPageSection> sections) {

    Component home(int pageIndex) {
        return PostListParts.page(
                HomeView.heading(pageIndex),
                posts.findPublished(PageRequest.of(pageIndex, PostListParts.PAGE_SIZE)),
                "/",
                time);
    }

    /** The category {@link CategoryView#ROUTE} names. */
    Optional<CategoryInfo> category(RouteParameters parameters) {
        return posts.findCategory(parameters.get("slug").orElse(""));
    }

    Component category(CategoryInfo category, int pageIndex) {
        return PostListParts.page(
                CategoryView.heading(category),
                posts.findPublishedInCategory(category.slug(), PageRequest.of(pageIndex, PostListParts.PAGE_SIZE)),
                category.path(),
                time);
    }

    /** The post {@link PostView#ROUTE} names, if readers may see it. */
    Optional<PostDetails> post(RouteParameters parameters) {
        return posts.findByPermalink(
                parameters.getInteger("year").orElse(0),
                parameters.getInteger("month").orElse(0),
                parameters.get("slug").orElse(""));
    }

    /** The post's page and, under it, what other features add to it (the discussion), each as {@code section} makes it. */
    List<Component> post(PostDetails post, BiFunction<PostPageSection, PostSummary, Component> section) {
        var parts = new ArrayList<Component>();
        parts.add(PostPageParts.page(post, blog.title(), time));
        sections.forEach(each -> parts.add(section.apply(each, post.summary())));
        return parts;
    }

    /** "Iraq — Babylon &amp; Beyond", or the blog's title alone for a page without a name of its own. */
    String title(@Nullable String page) {
        return page == null ? blog.title() : page + " — " + blog.title();
    }
}
