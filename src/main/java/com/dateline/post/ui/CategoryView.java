package com.dateline.post.ui;

import com.dateline.base.ui.MainLayout;
import com.dateline.post.CategoryInfo;
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

/** The posts of one category, newest first: {@code /category/iraq}. */
@Route(value = CategoryView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
class CategoryView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "category/:slug([a-z0-9-]{1,80})";

    private final ReaderPages pages;
    private @Nullable CategoryInfo category;

    CategoryView(ReaderPages pages) {
        this.pages = pages;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var found = pages.category(event.getRouteParameters());
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        category = found.get();
        var pageIndex = PostListParts.pageIndex(
                event.getLocation().getQueryParameters().getParameters().getOrDefault("page", List.of()));
        removeAll();
        add(pages.category(category, pageIndex));
    }

    static H1 heading(CategoryInfo category) {
        var heading = new H1(category.name());
        heading.addClassName("list-heading");
        return heading;
    }

    @Override
    public String getPageTitle() {
        return pages.title(category == null ? null : category.name());
    }
}
