package com.dateline.moderation.ui;

import com.dateline.moderation.BulkResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.function.Consumer;

/** What the dashboard tells the moderator at the bottom of the page once something was done or refused. */
final class Notices {

    private Notices() {}

    static void show(String message, NotificationVariant variant) {
        var notification = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    /** How a decision went, with "Undo" for the history rows it wrote. */
    static void withUndo(String message, BulkResult result, Consumer<List<Long>> undo) {
        var notification = new Notification();
        notification.setDuration(8000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addThemeVariants(
                result.problems().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        var text = new Span(message);
        var layout = new Div(text);
        layout.addClassName("notification-with-action");
        if (!result.actionIds().isEmpty()) {
            var undoButton = new Button("Undo", click -> {
                notification.close();
                undo.accept(result.actionIds());
            });
            undoButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            undoButton.addClassName("notification-action");
            layout.add(new Span(" "), undoButton);
        }
        notification.add(layout);
        notification.open();
    }
}
