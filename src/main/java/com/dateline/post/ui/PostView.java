package com.dateline.post.ui;

import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostDetails;
import com.dateline.post.PostPageSection;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;

/** One post at its permalink, {@code /2008/04/iraq-us-and-irans-talk-about-talks-continues}, as signed-in readers have it. */
@Route(value = PostView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
class PostView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = ":year([0-9]{4})/:month([0-9]{2})/:slug([a-z0-9-]{1,200})";

    private final ReaderPages pages;
    private @Nullable PostDetails post;

    PostView(ReaderPages pages) {
        this.pages = pages;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var found = pages.post(event.getRouteParameters());
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        post = found.get();
        removeAll();
        pages.post(post, PostPageSection::liveSection).forEach(this::add);
    }

    @Override
    public String getPageTitle() {
        return pages.title(post == null ? null : post.summary().title());
    }
}
