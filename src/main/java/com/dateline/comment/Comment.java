package com.dateline.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
class Comment {

    static final int MAX_DEPTH = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long postId;

    private long authorId;

    private @Nullable Long parentId;

    private @Nullable Long rootId;

    private int depth;

    private String body;

    @Enumerated(EnumType.STRING)
    private CommentFormat bodyFormat;

    @Enumerated(EnumType.STRING)
    private CommentStatus status;

    private String statusReason;

    private @Nullable String authorNote;

    private Instant statusChangedAt;

    private Instant createdAt;

    private @Nullable Instant editedAt;

    private int openReports;

    private @Nullable Instant rejectedAt;

    private boolean spam;

    /** What identifies an imported comment in its archive ("<post GUID>#<WordPress comment id>"); null otherwise. */
    private @Nullable String importKey;

    @Version
    private long version;

    protected Comment() {
        this.body = "";
        this.bodyFormat = CommentFormat.MARKDOWN;
        this.status = CommentStatus.PENDING;
        this.statusReason = "";
        this.statusChangedAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    Comment(long postId, long authorId, @Nullable Comment parent, String body, Decision decision, Instant now) {
        this.postId = postId;
        this.authorId = authorId;
        if (parent != null) {
            this.parentId = parent.id();
            this.rootId = parent.rootId != null ? parent.rootId : parent.id();
            this.depth = Math.min(parent.depth + 1, MAX_DEPTH);
        } else {
            this.depth = 1;
        }
        this.body = body;
        this.bodyFormat = CommentFormat.MARKDOWN;
        this.status = decision.status();
        this.statusReason = decision.reason();
        this.statusChangedAt = now;
        this.createdAt = now;
        if (decision.status() == CommentStatus.REJECTED) {
            this.rejectedAt = now;
        }
    }

    /**
     * A comment from an imported archive: written at {@code createdAt}, with the status it had there, and the key that
     * keeps a second import from adding it again. Replies deeper than {@link #MAX_DEPTH} stay at that depth.
     */
    static Comment imported(
            String importKey,
            long postId,
            long authorId,
            @Nullable Comment parent,
            String body,
            CommentFormat bodyFormat,
            Decision decision,
            boolean spam,
            Instant createdAt) {
        var comment = new Comment(postId, authorId, parent, body, decision, createdAt);
        comment.bodyFormat = bodyFormat;
        comment.importKey = importKey;
        comment.spam = spam;
        return comment;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("Comment has not been saved");
        }
        return id;
    }

    long getPostId() {
        return postId;
    }

    long getAuthorId() {
        return authorId;
    }

    @Nullable Long getParentId() {
        return parentId;
    }

    @Nullable Long getRootId() {
        return rootId;
    }

    int getDepth() {
        return depth;
    }

    String getBody() {
        return body;
    }

    CommentFormat getBodyFormat() {
        return bodyFormat;
    }

    /** What the body shows on a page. */
    CommentMarkup.Shown shown() {
        return CommentMarkup.render(body, bodyFormat);
    }

    CommentStatus getStatus() {
        return status;
    }

    String getStatusReason() {
        return statusReason;
    }

    Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable Instant getEditedAt() {
        return editedAt;
    }

    int getOpenReports() {
        return openReports;
    }

    /** What the author is told about the last decision, such as a moderator's reason for not publishing. */
    @Nullable String getAuthorNote() {
        return authorNote;
    }

    long getVersion() {
        return version;
    }

    void decide(Decision decision, Instant now) {
        this.status = decision.status();
        this.statusReason = decision.reason();
        this.authorNote = decision.toAuthor();
        this.statusChangedAt = now;
        if (decision.status() == CommentStatus.REJECTED) {
            this.rejectedAt = now;
        }
    }

    void edit(String newBody, Decision decision, Instant now) {
        this.body = newBody;
        this.editedAt = now;
        decide(decision, now);
    }

    @Nullable String getImportKey() {
        return importKey;
    }

    boolean isSpam() {
        return spam;
    }

    void setSpam(boolean spam) {
        this.spam = spam;
    }

    void reported() {
        this.openReports++;
    }

    void setOpenReports(int openReports) {
        this.openReports = openReports;
    }

    void reportsCleared() {
        this.openReports = 0;
    }
}
