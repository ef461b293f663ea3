package com.dateline.comment.ui;

import com.dateline.comment.CommentRefused;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;

/** The author confirms deleting their comment; the answer (done, or why not) goes to the section's feedback. */
class DeleteCommentDialog extends Dialog {

    DeleteCommentDialog(CommentService comments, CommentView comment, Consumer<String> answered) {
        setHeaderTitle("Delete your comment?");
        add(new Paragraph(
                "It disappears from the discussion. Replies to it stay, under \"Comment deleted by its author\"."));
        var delete = new Button("Delete comment", click -> {
            String answer;
            try {
                comments.delete(comment.id());
                answer = "Your comment was deleted.";
            } catch (CommentRefused refused) {
                answer = refused.getMessage();
            }
            close();
            answered.accept(answer);
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), delete);
    }
}
