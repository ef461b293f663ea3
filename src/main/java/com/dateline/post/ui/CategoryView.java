package com.dateline.post.ui;

import com.dateline.base.ui.MainLayout;
import com.dateline.post.CategoryInfo;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** The posts of one category, newest first: {@code /category/iraq}. */
@Route(value = CategoryView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
class CategoryView extends NamedReaderPage<CategoryInfo> {

    static final String ROUTE = "category/:slug([a-z0-9-]{1,80})";

    CategoryView(ReaderPages pages) {
        super(pages, pages::category, CategoryInfo::name, (category, query) -> {
            var pageIndex = PostListParts.pageIndex(query.getParameters().getOrDefault("page", List.of()));
            return List.of(pages.category(category, pageIndex));
        });
    }

    static H1 heading(CategoryInfo category) {
        var heading = new H1(category.name());
        heading.addClassName("list-heading");
        return heading;
    }
}
