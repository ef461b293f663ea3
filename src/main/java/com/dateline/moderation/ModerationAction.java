package com.dateline.moderation;

import com.dateline.comment.CommentStatus;
import com.dateline.security.SignedInUser;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One row of the history. Never updated: an undo is a row of its own. */
@Entity
class ModerationAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long commentId;

    private long moderatorId;

    private String moderator;

    @Enumerated(EnumType.STRING)
    private ModerationVerb action;

    @Enumerated(EnumType.STRING)
    private CommentStatus statusBefore;

    @Enumerated(EnumType.STRING)
    private CommentStatus statusAfter;

    private @Nullable String reason;

    private @Nullable Long undoesId;

    /** Readers' reports that were open before this action closed them; an undo opens them again. */
    private int openReportsBefore;

    private Instant createdAt;

    protected ModerationAction() {
        this.moderator = "";
        this.action = ModerationVerb.APPROVE;
        this.statusBefore = CommentStatus.PENDING;
        this.statusAfter = CommentStatus.PENDING;
        this.createdAt = Instant.EPOCH;
    }

    ModerationAction(
            long commentId,
            SignedInUser moderator,
            ModerationVerb action,
            Verdict verdict,
            @Nullable String reason,
            @Nullable Long undoesId,
            Instant createdAt) {
        this.commentId = commentId;
        this.moderatorId = moderator.accountId();
        this.moderator = moderator.displayName();
        this.action = action;
        this.statusBefore = verdict.before();
        this.statusAfter = verdict.after();
        this.reason = reason;
        this.undoesId = undoesId;
        this.openReportsBefore = verdict.openReportsBefore();
        this.createdAt = createdAt;
    }

    int getOpenReportsBefore() {
        return openReportsBefore;
    }

    HistoryEntry toEntry(boolean undone) {
        return new HistoryEntry(
                Objects.requireNonNull(id),
                commentId,
                moderatorId,
                moderator,
                action,
                statusBefore,
                statusAfter,
                reason,
                undoesId,
                createdAt,
                undone);
    }

    @Nullable Long getId() {
        return id;
    }

    long getCommentId() {
        return commentId;
    }

    long getModeratorId() {
        return moderatorId;
    }

    ModerationVerb getAction() {
        return action;
    }

    CommentStatus getStatusAfter() {
        return statusAfter;
    }

    CommentStatus getStatusBefore() {
        return statusBefore;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
