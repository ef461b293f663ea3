package com.dateline.comment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.comment.CommentService;
import com.dateline.comment.CommentTestSupport;
import com.dateline.support.Demo;
import com.dateline.support.HostileInput;
import com.dateline.support.HostileInput.Sample;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The comment form and the report dialog with hostile input: a refusal shows its message on the field and keeps
 * every character typed, so the reader can fix it; nothing reaches the database.
 */
@SpringBootTest
class HostileCommentFormTest extends SpringBrowserlessTest {

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommentService comments;

    private long signInAsNewReader() {
        var account = support.newReader("Form Reader", "form");
        support.signIn().as(account.email());
        return account.id();
    }

    private CommentsSection openPost() {
        UI.getCurrent().navigate(Demo.page(Demo.JERUSALEM));
        return find(CommentsSection.class).single();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refused() {
        return java.util.stream.Stream.of(HostileInput.unshowable(), HostileInput.huge(), HostileInput.blank())
                .flatMap(stream -> stream);
    }

    @ParameterizedTest
    @MethodSource("refused")
    void a_refused_comment_shows_its_message_on_the_field_and_keeps_what_was_typed(Sample sample) {
        var author = signInAsNewReader();
        var section = openPost();

        test(section.text).setValue(sample.text());
        test(section.post).click();

        assertThat(section.text.isInvalid()).isTrue();
        assertThat(section.text.getErrorMessage())
                .startsWith(
                        switch (sample.kind()) {
                            case UNSHOWABLE -> "Your comment contains a character that cannot be shown: ";
                            case HUGE -> "Your comment is far too long";
                            default -> "Write something before posting.";
                        });
        assertThat(section.text.getValue()).isEqualTo(sample.text());
        assertThat(section.post.isEnabled()).isTrue();
        assertThat(support.storedComments(author)).isZero();
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#ordinaryOrMultiLine")
    void an_ordinary_hostile_comment_is_taken_and_the_form_emptied(Sample sample) {
        var author = signInAsNewReader();
        var section = openPost();

        test(section.text).setValue(sample.text());
        test(section.post).click();

        assertThat(section.text.isInvalid()).isFalse();
        assertThat(section.text.getValue()).isEmpty();
        assertThat(section.feedback.getText()).startsWith("Thank you. Your comment is awaiting moderation");
        assertThat(jdbc.queryForObject("select body from comment where author_id = ?", String.class, author))
                .isEqualTo(sample.text());
    }

    @Test
    void a_report_note_with_a_nul_character_is_refused_in_the_dialog_with_the_note_kept() {
        var post = jdbc.queryForObject(
                "select id from post where slug = 'israel-spring-in-jerusalems-old-city'", Long.class);
        signInAsNewReader();
        var reported = comments.submit(post, null, "A comment to report " + UUID.randomUUID())
                .commentId();
        support.approve(reported);
        var reporter = signInAsNewReader();
        try {
            var section = openPost();
            var article = find(com.vaadin.flow.component.html.Article.class)
                    .withAttribute("data-comment-id", Long.toString(reported))
                    .single();
            test(article.getChildren()
                            .flatMap(child -> child.getChildren())
                            .filter(child -> child instanceof Button button && "Report".equals(button.getText()))
                            .map(Button.class::cast)
                            .findFirst()
                            .orElseThrow())
                    .click();
            var note = find(TextArea.class).withLabel("Note for the moderators").single();

            test(note).setValue("Spam\u0000link");
            test(find(Button.class).withText("Send report").single()).click();

            assertThat(note.isInvalid()).isTrue();
            assertThat(note.getErrorMessage())
                    .isEqualTo(
                            "Your note contains a character that cannot be shown: U+0000 (a NUL character) at character 5. Please remove it.");
            assertThat(note.getValue()).isEqualTo("Spam\u0000link");
            assertThat(find(Dialog.class).single().isOpened()).isTrue();
            assertThat(section.feedback.getText()).isEmpty();
            assertThat(jdbc.queryForObject(
                            "select count(*) from comment_report where reporter_id = ?", Long.class, reporter))
                    .isZero();
        } finally {
            jdbc.update("delete from moderation_action where comment_id = ?", reported);
            jdbc.update("delete from comment where id = ?", reported);
        }
    }
}
