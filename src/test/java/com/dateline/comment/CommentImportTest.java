package com.dateline.comment;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.EDITOR;
import static com.dateline.support.Demo.LEBANON;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.support.SignIn;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storing imported comments: once per import key, threaded by the parent's key, with the archive's status and date,
 * and never through the live policy. The comments are committed (one test checks that a refusal leaves the caller's
 * transaction usable) and removed afterwards.
 */
@SpringBootTest
class CommentImportTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    static final Instant MARCH_2009 = Instant.parse("2009-03-02T18:05:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    CommentImport imports;

    @Autowired
    CommentRepository comments;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    CommentTestSupport support;
    String run;
    long postId;
    long authorId;

    @BeforeEach
    void setUp() {
        support = new CommentTestSupport(context);
        run = "test-import-" + UUID.randomUUID() + "#";
        postId = support.postId(LEBANON);
        authorId = support.newReader("imported").id();
        signIn.as(ADMIN);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("update comment set parent_id = null, root_id = null where import_key like ?", run + "%");
        jdbc.update("delete from comment where import_key like ?", run + "%");
    }

    private ImportedComment comment(
            String id, @Nullable String parentId, String body, CommentStatus status, boolean spam) {
        return new ImportedComment(
                run + id,
                postId,
                parentId == null ? null : run + parentId,
                authorId,
                body,
                CommentFormat.WORDPRESS_HTML,
                status,
                spam,
                MARCH_2009);
    }

    private Comment stored(CommentImportResult result) {
        return comments.findById(result.commentId()).orElseThrow();
    }

    @Test
    void an_imported_comment_keeps_its_status_date_and_exact_text_and_skips_the_policy() {
        // two links hold a reader's comment for a moderator, and "viagra" is a banned word: history is imported as it
        // was
        var text = "Tea &amp; <b>sympathy</b> http://a.example.org http://b.example.org viagra";

        var published = imports.importComment(comment("1", null, text, CommentStatus.PUBLISHED, false));
        // one second later by the same author: the flood rule would refuse this from a reader today
        var pending = imports.importComment(comment("2", null, "Still waiting.", CommentStatus.PENDING, false));
        var spam = imports.importComment(comment("3", null, "Cheap watches.", CommentStatus.REJECTED, true));

        assertThat(stored(published).getBody()).isEqualTo(text);
        assertThat(stored(published).getStatus()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(stored(published).getCreatedAt()).isEqualTo(MARCH_2009);
        assertThat(stored(published).getImportKey()).isEqualTo(run + "1");
        assertThat(stored(pending).getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(stored(spam).getStatus()).isEqualTo(CommentStatus.REJECTED);
        assertThat(stored(spam).isSpam()).isTrue();
        assertThat(stored(spam).getStatusReason()).isEqualTo("Imported: marked as spam in WordPress");
    }

    @Test
    void replies_hang_on_their_parent_by_import_key_and_stop_deepening_at_three() {
        var one = imports.importComment(comment("1", null, "Level one.", CommentStatus.PUBLISHED, false));
        var two = imports.importComment(comment("2", "1", "Level two.", CommentStatus.PUBLISHED, false));
        var three = imports.importComment(comment("3", "2", "Level three.", CommentStatus.PUBLISHED, false));
        var four = imports.importComment(comment("4", "3", "Level four.", CommentStatus.PUBLISHED, false));

        assertThat(stored(two).getParentId()).isEqualTo(one.commentId());
        assertThat(stored(four).getParentId()).isEqualTo(three.commentId());
        assertThat(stored(four).getRootId()).isEqualTo(one.commentId());
        assertThat(java.util.List.of(one, two, three, four))
                .extracting(result -> stored(result).getDepth())
                .containsExactly(1, 2, 3, 3);
    }

    @Test
    void importing_the_same_key_again_adds_nothing() {
        var first = imports.importComment(comment("1", null, "Once.", CommentStatus.PUBLISHED, false));
        var count = comments.count();

        var again = imports.importComment(comment("1", null, "Twice?", CommentStatus.PENDING, false));

        assertThat(again).isEqualTo(new CommentImportResult(first.commentId(), false));
        assertThat(comments.count()).isEqualTo(count);
        assertThat(stored(first).getBody()).isEqualTo("Once.");
    }

    @Test
    void a_refused_comment_leaves_the_callers_transaction_able_to_commit_the_rest() {
        transaction.executeWithoutResult(status -> {
            assertThatThrownBy(() -> imports.importComment(
                            comment("2", "missing", "An orphan.", CommentStatus.PUBLISHED, false)))
                    .isInstanceOf(CommentRefused.class)
                    .hasMessage("The comment it replies to is not there.");
            assertThatThrownBy(
                            () -> imports.importComment(comment("3", null, " \u200b ", CommentStatus.PUBLISHED, false)))
                    .isInstanceOf(CommentRefused.class)
                    .hasMessage("It is empty.");
            imports.importComment(comment("1", null, "Kept.", CommentStatus.PUBLISHED, false));
        });

        assertThat(comments.findByImportKey(run + "1")).isPresent();
        assertThat(comments.findByImportKey(run + "2")).isEmpty();
    }

    @Test
    void editors_and_moderators_may_not_import_comments() {
        for (var email : new String[] {EDITOR, MODERATOR}) {
            signIn.as(email);

            assertThatThrownBy(() ->
                            imports.importComment(comment("1", null, "Not yours.", CommentStatus.PUBLISHED, false)))
                    .as(email)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(comments.findByImportKey(run + "1")).isEmpty();
    }
}
