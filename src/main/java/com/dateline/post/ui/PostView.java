package com.dateline.post.ui;

import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostDetails;
import com.dateline.post.PostPageSection;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** One post at its permalink, {@code /2008/04/iraq-us-and-irans-talk-about-talks-continues}, as signed-in readers have it. */
@Route(value = PostView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
class PostView extends NamedReaderPage<PostDetails> {

    static final String ROUTE = ":year([0-9]{4})/:month([0-9]{2})/:slug([a-z0-9-]{1,200})";

    PostView(ReaderPages pages) {
        super(
                pages,
                pages::post,
                post -> post.summary().title(),
                (post, query) -> pages.post(post, PostPageSection::liveSection));
    }
}
