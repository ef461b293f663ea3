package com.dateline.post.ui;

import com.dateline.base.ui.MainLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** The blog home: newest posts first, ten to a page ({@code /?page=2} for older ones). */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
class HomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ReaderPages pages;

    HomeView(ReaderPages pages) {
        this.pages = pages;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var pageIndex = PostListParts.pageIndex(
                event.getLocation().getQueryParameters().getParameters().getOrDefault("page", List.of()));
        removeAll();
        add(pages.home(pageIndex));
    }

    static H1 heading(int pageIndex) {
        var heading = new H1(pageIndex == 0 ? "Latest posts" : "Older posts, page " + (pageIndex + 1));
        heading.addClassName("list-heading");
        return heading;
    }

    @Override
    public String getPageTitle() {
        return pages.title(null);
    }
}
