package com.dateline.comment;

import com.dateline.base.ReaderContent;
import com.dateline.base.TypedText;
import com.dateline.security.Roles;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores comments from another blog's archive, once each (a comment is known by its import key). They keep the status
 * they had there and are not run through the moderation policy: flood limits, duplicate checks and word lists are for
 * readers writing now, not for history. Nothing is announced to open pages either.
 */
@Service
@PreAuthorize(Roles.ADMIN_ONLY)
public class CommentImport {

    /** The length of the comment.import_key column. */
    public static final int MAX_IMPORT_KEY = 600;

    private static final Logger log = LoggerFactory.getLogger(CommentImport.class);

    private final CommentRepository comments;
    private final ReaderContent readerContent;

    CommentImport(CommentRepository comments, ReaderContent readerContent) {
        this.comments = comments;
        this.readerContent = readerContent;
    }

    /**
     * Adds the comment unless one with its import key is already stored. A refusal writes nothing and leaves the
     * caller's transaction usable, so one bad comment does not cost the rest of its post.
     *
     * @throws CommentRefused if the comment cannot be stored (empty, too long, its parent missing), saying why
     */
    @Transactional(noRollbackFor = CommentRefused.class)
    public CommentImportResult importComment(ImportedComment imported) {
        var key = imported.importKey();
        if (key.isBlank() || key.length() > MAX_IMPORT_KEY) {
            throw new CommentRefused("Its identifier is missing or longer than " + MAX_IMPORT_KEY + " characters.");
        }
        var existing = comments.findByImportKey(key);
        if (existing.isPresent()) {
            return new CommentImportResult(existing.get().id(), false);
        }
        if (imported.status() == CommentStatus.DELETED) {
            throw new CommentRefused("Deleted comments are not imported.");
        }
        if (CommentText.length(imported.body()) == 0) {
            throw new CommentRefused("It is empty.");
        }
        if (imported.body().length() > CommentText.MAX_RAW_LENGTH) {
            throw new CommentRefused(
                    String.format(Locale.ROOT, "It is longer than %,d characters.", CommentText.MAX_RAW_LENGTH));
        }
        TypedText.problem("It", imported.body(), true).ifPresent(problem -> {
            throw new CommentRefused(problem);
        });
        Comment parent = null;
        if (imported.parentImportKey() != null) {
            parent = comments.findByImportKey(imported.parentImportKey())
                    .filter(found -> found.getPostId() == imported.postId())
                    .orElseThrow(() -> new CommentRefused("The comment it replies to is not there."));
        }
        var comment = comments.save(Comment.imported(
                key,
                imported.postId(),
                imported.authorId(),
                parent,
                imported.body(),
                imported.bodyFormat(),
                new Decision(imported.status(), reason(imported)),
                imported.spam(),
                imported.createdAt()));
        readerContent.changed();
        log.debug("Comment {} imported on post {} ({})", comment.id(), imported.postId(), imported.status());
        return new CommentImportResult(comment.id(), true);
    }

    private static String reason(ImportedComment imported) {
        if (imported.spam()) {
            return "Imported: marked as spam in WordPress";
        }
        return switch (imported.status()) {
            case PUBLISHED -> "Imported: approved in WordPress";
            case PENDING -> "Imported: awaiting moderation in WordPress";
            case REJECTED -> "Imported: not approved in WordPress";
            case DELETED -> "Imported: deleted";
        };
    }
}
