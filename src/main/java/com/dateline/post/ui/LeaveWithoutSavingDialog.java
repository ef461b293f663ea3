package com.dateline.post.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asked before the editor leaves a post with unsaved changes; Stay is the default, Leave drops the changes. */
final class LeaveWithoutSavingDialog extends Dialog {

    private final Button stay = new Button("Stay", click -> close());

    LeaveWithoutSavingDialog(Runnable leave) {
        setHeaderTitle("Leave without saving?");
        add(new Paragraph("Your changes to this post will be lost."));
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var leaveButton = new Button("Leave", click -> {
            close();
            leave.run();
        });
        leaveButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(leaveButton, stay);
    }

    void ask() {
        open();
        stay.focus();
    }
}
