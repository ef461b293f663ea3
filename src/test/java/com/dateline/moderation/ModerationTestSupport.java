package com.dateline.moderation;

import com.dateline.account.AccountInfo;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentTestSupport;
import com.dateline.support.SignIn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the moderation tests add to the comment tests' support: fresh readers who each post one
 * comment (the flood rule allows one comment per 20 seconds per author), and the removal of every
 * comment a test wrote, with its reports and history rows.
 */
public final class ModerationTestSupport {

    private final CommentTestSupport comments;
    private final CommentService commentService;
    private final JdbcTemplate jdbc;
    private final SignIn signIn;
    private final List<Long> written = new ArrayList<>();

    public ModerationTestSupport(ApplicationContext context) {
        this.comments = new CommentTestSupport(context);
        this.commentService = context.getBean(CommentService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.signIn = SignIn.of(context);
    }

    /** A new READER account nobody else uses, shown as {@code name}. */
    public AccountInfo newReader(String name) {
        return comments.newReader(name, "mod");
    }

    public long postId(String slug) {
        return comments.postId(slug);
    }

    /** A new reader posts {@code text} on the post; returns the comment id (pending under pre-moderation). */
    public long submitAsNewReader(long postId, String authorName, String text) {
        return submitAs(newReader(authorName), postId, text);
    }

    public long submitAs(AccountInfo author, long postId, String text) {
        var outcome = signIn.call(author.email(), () -> commentService.submit(postId, null, text));
        written.add(outcome.commentId());
        return outcome.commentId();
    }

    /** Removes the comments this support wrote, with their reports and moderation history. */
    public void deleteWritten() {
        delete(written);
        written.clear();
    }

    public void delete(Collection<Long> commentIds) {
        for (var id : commentIds) {
            jdbc.update("delete from moderation_action where comment_id = ? and undoes_id is not null", id);
            jdbc.update("delete from moderation_action where comment_id = ?", id);
            jdbc.update("delete from comment_report where comment_id = ?", id);
            jdbc.update("update comment set parent_id = null, root_id = null where id = ?", id);
            jdbc.update("delete from comment where id = ?", id);
        }
    }
}
