package com.dateline.post.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A reader page of the one thing its address names (a category, a post): "Page not found" where readers have no such
 * thing, and its name before the blog's in the title.
 */
abstract class NamedReaderPage<T> extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ReaderPages pages;
    private final Function<RouteParameters, Optional<T>> find;
    private final Function<T, String> name;
    private final BiFunction<T, QueryParameters, List<Component>> content;
    private @Nullable T shown;

    /**
     * @param find what the address names, if readers may see it
     * @param name its name, for the title
     * @param content the page's content for it; the query is the address's
     */
    NamedReaderPage(
            ReaderPages pages,
            Function<RouteParameters, Optional<T>> find,
            Function<T, String> name,
            BiFunction<T, QueryParameters, List<Component>> content) {
        this.pages = pages;
        this.find = find;
        this.name = name;
        this.content = content;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var found = find.apply(event.getRouteParameters());
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var thing = found.get();
        shown = thing;
        removeAll();
        content.apply(thing, event.getLocation().getQueryParameters()).forEach(this::add);
    }

    @Override
    public String getPageTitle() {
        var thing = shown;
        return pages.title(thing == null ? null : name.apply(thing));
    }
}
