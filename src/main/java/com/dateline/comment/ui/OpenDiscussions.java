package com.dateline.comment.ui;

import com.dateline.base.ui.OpenPages;
import com.dateline.comment.CommentChanged;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The signed-in readers' open post pages, told of the changes to their discussion. */
@Component
class OpenDiscussions implements AutoCloseable {

    // Redraws that changes start, at most this many at once across all open pages: after a burst of approvals on a
    // busy post, a hundred readers' pages reading their discussions at the same moment would take every database
    // connection, and readers posting comments would wait for one.
    private static final int CONCURRENT_REDRAWS = 2;

    private final OpenPages<Long, CommentChanged> pages = new OpenPages<>(CONCURRENT_REDRAWS);

    @EventListener
    void on(CommentChanged change) {
        pages.announce(change.postId(), change);
    }

    Registration subscribe(UI ui, long postId, Consumer<List<CommentChanged>> update) {
        return pages.subscribe(ui, postId, update);
    }

    @Override
    public void close() {
        pages.close();
    }
}
