package com.dateline.comment.ui;

import com.dateline.comment.CommentRefused;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentView;
import com.dateline.comment.ReportReason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

/** A reader reports a comment to the moderators, with a reason and, for "Other", a note. */
class ReportDialog extends Dialog {

    ReportDialog(CommentService comments, CommentView comment, Runnable reported) {
        setHeaderTitle("Report this comment");
        var reason = new RadioButtonGroup<ReportReason>("What is wrong with it?");
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(ReportReason::label);
        reason.setValue(ReportReason.SPAM);
        var note = new TextArea("Note for the moderators");
        note.setHelperText("Required for \"Other\". At most 1,000 characters.");
        note.setMaxLength(1000);
        note.setWidthFull();
        var send = new Button("Send report", click -> {
            try {
                comments.report(comment.id(), reason.getValue(), note.getValue());
                close();
                reported.run();
            } catch (CommentRefused refused) {
                note.setErrorMessage(refused.getMessage());
                note.setInvalid(true);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(reason, note);
        getFooter().add(new Button("Cancel", click -> close()), send);
    }
}
