package com.dateline.comment;

import com.dateline.base.TypedText;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Readers' reports of published comments to the moderators, one per reader and comment. */
@Component
class CommentReporting {

    private static final String ALREADY_REPORTED =
            "You have already reported this comment. Thank you; the moderators will look at it.";

    private final CommentRepository comments;
    private final CommentReportRepository reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentReporting(
            CommentRepository comments,
            CommentReportRepository reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.comments = comments;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** Runs inside the caller's transaction. */
    void report(long reporter, long commentId, ReportReason reason, @Nullable String note) {
        var comment = comments.findById(commentId)
                .filter(found -> found.getStatus() == CommentStatus.PUBLISHED)
                .orElseThrow(() -> new CommentRefused("This comment is no longer available."));
        if (comment.getAuthorId() == reporter) {
            throw new CommentRefused("You cannot report your own comment; you can edit or delete it instead.");
        }
        var trimmedNote = note == null || TypedText.isBlank(note) ? null : note.strip();
        if (reason == ReportReason.OTHER && trimmedNote == null) {
            throw new CommentRefused("Please say briefly what is wrong with this comment.");
        }
        if (trimmedNote != null && trimmedNote.length() > 1000) {
            throw new CommentRefused("Please keep the note under 1,000 characters.");
        }
        if (trimmedNote != null) {
            TypedText.problem("Your note", trimmedNote, true).ifPresent(problem -> {
                throw new CommentRefused(problem);
            });
        }
        if (reports.existsByCommentIdAndReporterId(commentId, reporter)) {
            throw new CommentRefused(ALREADY_REPORTED);
        }
        try {
            reports.saveAndFlush(new CommentReport(commentId, reporter, reason, trimmedNote, clock.instant()));
        } catch (DataIntegrityViolationException alreadyReported) {
            throw new CommentRefused(ALREADY_REPORTED);
        }
        comment.reported();
        events.publishEvent(
                new CommentChanged(comment.getPostId(), commentId, comment.getStatus(), comment.getAuthorId(), false));
    }
}
