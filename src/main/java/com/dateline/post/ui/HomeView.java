package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.springframework.data.domain.PageRequest;

/** The blog home: newest posts first, ten to a page ({@code /?page=2} for older ones). */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
class HomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PostService posts;
    private final BlogProperties blog;
    private final BlogTime time;

    HomeView(PostService posts, BlogProperties blog, BlogTime time) {
        this.posts = posts;
        this.blog = blog;
        this.time = time;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var pageIndex = PostListParts.pageIndex(
                event.getLocation().getQueryParameters().getParameters().getOrDefault("page", List.of()));
        removeAll();
        add(page(pageIndex));
    }

    private Component page(int pageIndex) {
        return PostListParts.page(
                heading(pageIndex), posts.findPublished(PageRequest.of(pageIndex, PostListParts.PAGE_SIZE)), "/", time);
    }

    static H1 heading(int pageIndex) {
        var heading = new H1(pageIndex == 0 ? "Latest posts" : "Older posts, page " + (pageIndex + 1));
        heading.addClassName("list-heading");
        return heading;
    }

    @Override
    public String getPageTitle() {
        return blog.title();
    }
}
