package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.post.CategoryInfo;
import com.dateline.post.PostService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/** The posts of one category, newest first: {@code /category/iraq}. */
@Route(value = CategoryView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
class CategoryView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "category/:slug([a-z0-9-]{1,80})";

    private final PostService posts;
    private final BlogProperties blog;
    private final BlogTime time;
    private @Nullable CategoryInfo category;

    CategoryView(PostService posts, BlogProperties blog, BlogTime time) {
        this.posts = posts;
        this.blog = blog;
        this.time = time;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var found = posts.findCategory(event.getRouteParameters().get("slug").orElse(""));
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        category = found.get();
        var pageIndex = PostListParts.pageIndex(
                event.getLocation().getQueryParameters().getParameters().getOrDefault("page", List.of()));
        removeAll();
        add(PostListParts.page(
                heading(category),
                posts.findPublishedInCategory(category.slug(), PageRequest.of(pageIndex, PostListParts.PAGE_SIZE)),
                category.path(),
                time));
    }

    static H1 heading(CategoryInfo category) {
        var heading = new H1(category.name());
        heading.addClassName("list-heading");
        return heading;
    }

    @Override
    public String getPageTitle() {
        return category == null ? blog.title() : category.name() + " — " + blog.title();
    }
}
