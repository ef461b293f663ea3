package com.dateline.comment;

import com.dateline.base.ReaderContent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the public pages that a discussion readers see changed: a comment was or now is published. */
@Component
class ReaderVisibleChanges {

    private final ReaderContent readerContent;

    ReaderVisibleChanges(ReaderContent readerContent) {
        this.readerContent = readerContent;
    }

    // Synchronous, inside the change's transaction: ReaderContent then moves its version again once it commits.
    @EventListener
    void on(CommentChanged change) {
        if (change.readersSeeIt()) {
            readerContent.changed();
        }
    }
}
