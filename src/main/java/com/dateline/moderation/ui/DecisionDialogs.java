package com.dateline.moderation.ui;

import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import java.util.function.Consumer;

/** What the dashboard asks before a decision: the reason for a rejection, or a yes for a large selection. */
final class DecisionDialogs {

    private DecisionDialogs() {}

    /** Asks for the reason shown to the author, then rejects with it. */
    static void askReason(int comments, Consumer<String> reject) {
        var dialog = Dialogs.keepingKeys();
        dialog.setHeaderTitle(comments == 1 ? "Reject this comment" : "Reject " + comments + " comments");
        dialog.setWidth("min(32rem, 95vw)");
        var reason = new TextArea("Reason shown to the author (optional)");
        reason.setMaxLength(300);
        reason.setWidthFull();
        var go = new Button("Reject", click -> {
            // A reason that cannot be stored is said at once, with the dialog and what was typed still there.
            var problem = ModerationService.reasonProblem(reason.getValue());
            if (problem.isPresent()) {
                reason.setErrorMessage(problem.get());
                reason.setInvalid(true);
                reason.focus();
                return;
            }
            dialog.close();
            reject.accept(reason.getValue());
        });
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(dialog);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
        reason.focus();
    }

    static void confirm(ModerationVerb verb, int comments, Runnable apply) {
        var dialog = Dialogs.keepingKeys();
        dialog.setHeaderTitle(verb.name().charAt(0) + verb.name().substring(1).toLowerCase(Locale.ROOT) + " " + comments
                + " comments?");
        dialog.add(new Paragraph("This applies to all " + comments + " selected comments."));
        var go = new Button("Yes, " + verb.name().toLowerCase(Locale.ROOT) + " " + comments, click -> {
            dialog.close();
            apply.run();
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }
}
