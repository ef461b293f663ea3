package com.dateline.moderation.ui;

import com.vaadin.flow.component.dialog.Dialog;

/** The dashboard's dialogs start here, so that none of them lets a key press through to the view behind it. */
final class Dialogs {

    private Dialogs() {}

    /**
     * A dialog whose key presses stay in it: the view's one-letter shortcuts listen on the whole page, and a moderator
     * typing "a" into a reason must not approve the comment behind the dialog.
     */
    static Dialog keepingKeys() {
        var dialog = new Dialog();
        dialog.getElement().addEventListener("keydown", event -> {}).addEventData("event.stopPropagation()");
        return dialog;
    }
}
