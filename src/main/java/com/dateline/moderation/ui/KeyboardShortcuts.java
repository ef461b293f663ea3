package com.dateline.moderation.ui;

import com.dateline.moderation.ModerationVerb;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;

/** The dashboard's one-letter keys, listened for on the whole view, and the list of them that "?" shows. */
final class KeyboardShortcuts {

    private KeyboardShortcuts() {}

    /**
     * @param move opens the next (1) or previous (-1) comment
     * @param act decides on the selection or the open comment
     * @param toggleSelection selects or unselects the open comment
     */
    static void listenOn(
            Component view, Consumer<Integer> move, Consumer<ModerationVerb> act, Runnable toggleSelection) {
        shortcut(view, "j", () -> move.accept(1));
        shortcut(view, "k", () -> move.accept(-1));
        shortcut(view, "a", () -> act.accept(ModerationVerb.APPROVE));
        shortcut(view, "r", () -> act.accept(ModerationVerb.REJECT));
        shortcut(view, "s", () -> act.accept(ModerationVerb.SPAM));
        shortcut(view, "x", toggleSelection);
        Shortcuts.addShortcutListener(view, KeyboardShortcuts::show, Key.of("?"), KeyModifier.SHIFT);
    }

    static void show() {
        var dialog = Dialogs.keepingKeys();
        dialog.setHeaderTitle("Keyboard shortcuts");
        dialog.add(
                new Paragraph("j / k — next / previous comment (opens it)"),
                new Paragraph("a — approve · r — reject (asks for a reason) · s — spam"),
                new Paragraph("x — select or unselect the open comment; a, r and s then act on the selection"),
                new Paragraph("? — this list"));
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private static void shortcut(Component view, String key, Runnable action) {
        Shortcuts.addShortcutListener(view, action::run, Key.of(key));
    }
}
