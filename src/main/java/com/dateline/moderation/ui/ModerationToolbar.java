package com.dateline.moderation.ui;

import com.dateline.moderation.ModerationVerb;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.function.Consumer;

/** The decisions a moderator takes on the open comment or the selection, and the sign that others changed the list. */
class ModerationToolbar extends Div {

    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    final Button spam = new Button("Spam");
    final Button newActivity = new Button("New activity: refresh the list");

    ModerationToolbar(Consumer<ModerationVerb> act, Runnable refresh, Runnable showShortcuts) {
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approve.addClickListener(click -> act.accept(ModerationVerb.APPROVE));
        reject.addClickListener(click -> act.accept(ModerationVerb.REJECT));
        spam.addClickListener(click -> act.accept(ModerationVerb.SPAM));
        newActivity.addThemeVariants(ButtonVariant.LUMO_SMALL);
        newActivity.setVisible(false);
        newActivity.addClickListener(click -> refresh.run());
        var keysHelp = new Button("Keyboard shortcuts (?)", click -> showShortcuts.run());
        keysHelp.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(approve, reject, spam, newActivity, keysHelp);
        addClassName("moderation-actions");
    }
}
