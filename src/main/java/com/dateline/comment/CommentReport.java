package com.dateline.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
class CommentReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long commentId;

    private long reporterId;

    @Enumerated(EnumType.STRING)
    private ReportReason reason;

    private @Nullable String note;

    private Instant createdAt;

    protected CommentReport() {
        this.reason = ReportReason.OTHER;
        this.createdAt = Instant.EPOCH;
    }

    CommentReport(long commentId, long reporterId, ReportReason reason, @Nullable String note, Instant createdAt) {
        this.commentId = commentId;
        this.reporterId = reporterId;
        this.reason = reason;
        this.note = note;
        this.createdAt = createdAt;
    }

    long getCommentId() {
        return commentId;
    }

    ReportReason getReason() {
        return reason;
    }

    @Nullable String getNote() {
        return note;
    }
}
