package com.dateline.comment;

import com.dateline.account.ReaderNameChanged;
import com.dateline.base.ReaderContent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the public pages that a discussion readers see changed. */
@Component
class ReaderVisibleChanges {

    private final ReaderContent readerContent;
    private final CommentRepository comments;

    ReaderVisibleChanges(ReaderContent readerContent, CommentRepository comments) {
        this.readerContent = readerContent;
        this.comments = comments;
    }

    // Synchronous, inside the change's transaction: ReaderContent then moves its version again once it commits.
    @EventListener
    void on(CommentChanged change) {
        if (change.readersSeeIt()) {
            readerContent.changed();
        }
    }

    /** A reader's published comments show the name they had; the pages that show them are drawn again. */
    @ApplicationModuleListener
    void on(ReaderNameChanged renamed) {
        if (comments.countByAuthorIdAndStatus(renamed.accountId(), CommentStatus.PUBLISHED) > 0) {
            readerContent.changed();
        }
    }
}
