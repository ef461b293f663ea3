package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostDetails;
import com.dateline.post.PostPageSection;
import com.dateline.post.PostService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One post at its permalink, {@code /2008/04/iraq-us-and-irans-talk-about-talks-continues}, as signed-in readers have it. */
@Route(value = PostView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
class PostView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = ":year([0-9]{4})/:month([0-9]{2})/:slug([a-z0-9-]{1,200})";

    private final PostService posts;
    private final BlogProperties blog;
    private final BlogTime time;
    private final List<PostPageSection> sections;
    private @Nullable PostDetails post;

    PostView(PostService posts, BlogProperties blog, BlogTime time, List<PostPageSection> sections) {
        this.posts = posts;
        this.blog = blog;
        this.time = time;
        this.sections = sections;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getRouteParameters();
        var found = posts.findByPermalink(
                parameters.getInteger("year").orElse(0),
                parameters.getInteger("month").orElse(0),
                parameters.get("slug").orElse(""));
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        post = found.get();
        removeAll();
        add(PostPageParts.page(post, blog.title(), time));
        sections.forEach(section -> add(section.liveSection(post.summary())));
    }

    @Override
    public String getPageTitle() {
        return post == null ? blog.title() : post.summary().title() + " — " + blog.title();
    }
}
