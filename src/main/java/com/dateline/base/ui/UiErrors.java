package com.dateline.base.ui;

import com.dateline.base.UnexpectedErrors;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failures in click and change listeners, and in anything else a live page runs: the log gets the stack trace under a
 * reference, the person on the page a notification with the same reference, instead of Vaadin's default (a log line
 * and, in development, the stack trace on screen). A browser that went away mid-answer is not a failure of ours and
 * only gets a debug line.
 */
@Component
class UiErrors implements VaadinServiceInitListener, ErrorHandler {

    /** How long the notification stays, in milliseconds: long enough to copy the reference. */
    static final int NOTIFICATION_DURATION = 20_000;

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    // The names Vaadin's own error handler ignores too: the client closed the connection.
    private static final Set<String> CLIENT_WENT_AWAY = Set.of(
            "org.apache.catalina.connector.ClientAbortException",
            "org.eclipse.jetty.io.EofException",
            "org.atmosphere.util.ClientAbortException");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        var failure = event.getThrowable();
        if (clientWentAway(failure)) {
            log.debug("The browser closed the connection", failure);
            return;
        }
        var reference = UnexpectedErrors.report("an action on a page", failure);
        var ui = UI.getCurrent();
        if (ui != null && ui.isAttached() && !ui.isClosing()) {
            var notification = new Notification(
                    UnexpectedErrors.message(reference), NOTIFICATION_DURATION, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.getElement().setAttribute("role", "alert");
            notification.open();
        }
    }

    private static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (CLIENT_WENT_AWAY.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof IOException io
                    && io.getMessage() != null
                    && (io.getMessage().contains("Broken pipe")
                            || io.getMessage().contains("Connection reset"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
