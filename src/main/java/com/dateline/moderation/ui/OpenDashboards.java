package com.dateline.moderation.ui;

import com.dateline.base.ui.OpenPages;
import com.dateline.comment.CommentChanged;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The moderators' open dashboards, told of every committed change to any discussion. */
@Component
class OpenDashboards implements AutoCloseable {

    // A dashboard's update reads only the queue counts, from the tally table.
    private static final int CONCURRENT_UPDATES = 8;

    private final OpenPages<Long, CommentChanged> pages = new OpenPages<>(CONCURRENT_UPDATES);

    @EventListener
    void on(CommentChanged change) {
        pages.announce(change.postId(), change);
    }

    Registration subscribe(UI ui, Consumer<List<CommentChanged>> update) {
        return pages.subscribeToEverything(ui, update);
    }

    @Override
    public void close() {
        pages.close();
    }
}
