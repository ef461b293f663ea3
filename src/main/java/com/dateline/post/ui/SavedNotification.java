package com.dateline.post.ui;

import com.dateline.post.PostStatus;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.jspecify.annotations.Nullable;

/** After a save: what became of the post, and for a published post a link to its page. */
final class SavedNotification extends Notification {

    /**
     * @param scheduledFor the publication time as the dateline shows it, for a scheduled post
     * @param path a published post's address, or null to show no link
     */
    SavedNotification(PostStatus saved, String scheduledFor, @Nullable String path) {
        setDuration(8000);
        setPosition(Position.BOTTOM_START);
        addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        var message = switch (saved) {
            case DRAFT -> "Saved as draft.";
            case SCHEDULED -> "Scheduled for " + scheduledFor + ".";
            case PUBLISHED -> "Published.";
        };
        var content = new Div(new Span(message));
        content.addClassName("notification-with-action");
        content.addClassName("save-notification");
        if (path != null) {
            var view = new Anchor(path, "View it");
            view.setTarget(AnchorTarget.BLANK);
            view.addClassName("notification-action");
            content.add(view);
        }
        add(content);
    }
}
