package com.dateline.mail.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.BackgroundWork;
import com.dateline.base.ui.MainLayout;
import com.dateline.mail.MailOutbox;
import com.dateline.mail.MailStatus;
import com.dateline.mail.OutboxEntry;
import com.dateline.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;

/**
 * Admins see every mail the site sent or is about to send, newest first, narrowed to one status if they like, with
 * the mail server's last answer; a queued or failed mail can be tried again at once. The attempt runs in the
 * background and its outcome arrives as a notification, which screen readers announce.
 */
@Route(value = MailOutboxView.ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class MailOutboxView extends Div implements HasDynamicTitle {

    static final String ROUTE = "admin/mail";
    static final String TITLE = "Outgoing mail";

    private static final Logger log = LoggerFactory.getLogger(MailOutboxView.class);

    final Select<MailStatus> status = new Select<>();
    final Button refresh = new Button("Refresh");
    final Grid<OutboxEntry> grid = new Grid<>();

    private final MailOutbox outbox;
    private final BlogTime time;
    private final BackgroundWork background;
    private final String blogTitle;

    MailOutboxView(MailOutbox outbox, BlogTime time, BackgroundWork background, BlogProperties blog) {
        this.outbox = outbox;
        this.time = time;
        this.background = background;
        this.blogTitle = blog.title();
        addClassName("mail-outbox");

        status.setLabel("Status");
        status.setItems(MailStatus.values());
        // The empty choice, "All", is drawn with the label generator too, which then gets null.
        status.setItemLabelGenerator(choice -> choice == null ? "All" : choice.label());
        status.setEmptySelectionCaption("All");
        status.setEmptySelectionAllowed(true);
        status.setId("mail-status-filter");
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        refresh.setId("mail-refresh");
        refresh.addClickListener(click -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(mail -> time.dateline(mail.createdAt()))
                .setKey("created")
                .setHeader("Created")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OutboxEntry::to).setKey("to").setHeader("To").setWidth("14rem");
        grid.addColumn(OutboxEntry::subject)
                .setKey("subject")
                .setHeader("Subject")
                .setWidth("16rem");
        grid.addComponentColumn(MailOutboxView::statusLabel)
                .setKey("status")
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OutboxEntry::attempts)
                .setKey("attempts")
                .setHeader("Attempts")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(mail -> when(mail.nextAttemptAt()))
                .setKey("next-attempt")
                .setHeader("Next attempt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(mail -> Optional.ofNullable(mail.lastAnswer()).orElse(""))
                .setKey("answer")
                .setHeader("Last answer from the mail server")
                .setWidth("18rem");
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader("Actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // Slices, not pages: the list never counts the outbox, it asks for the next page while the admin scrolls.
        grid.setItems(
                query -> outbox.list(status.getValue(), PageRequest.of(query.getPage(), query.getPageSize())).stream());
        grid.setEmptyStateText("No mail here.");
        grid.setId("mail-grid");
        grid.setHeight("34rem");
        grid.getElement().setAttribute("aria-label", "Outgoing mail, newest first");

        var toolbar = new Div(status, refresh);
        toolbar.addClassName("mail-toolbar");
        var destination = new Paragraph(outbox.destination());
        destination.setId("mail-destination");
        add(
                new H1(TITLE),
                new Paragraph("Every e-mail the site sends waits here until the mail server has taken it. A mail the"
                        + " server refused, or could not be reached for, is tried again after a growing delay, from 30"
                        + " seconds to an hour; after 8 attempts it is marked failed."),
                destination,
                toolbar,
                grid);
    }

    private String when(@Nullable Instant instant) {
        return instant == null ? "" : time.dateline(instant);
    }

    static Span statusLabel(OutboxEntry mail) {
        var label = new Span(mail.status().label());
        label.addClassNames("mail-status", "mail-status-" + mail.status().name().toLowerCase(Locale.ROOT));
        return label;
    }

    private Component actions(OutboxEntry mail) {
        var actions = new Div();
        if (mail.retryable()) {
            var retry = new Button("Retry now");
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retry.getElement().setAttribute("aria-label", "Retry the mail to " + mail.to() + " now");
            retry.addClickListener(click -> retry(mail, retry));
            actions.add(retry);
        }
        return actions;
    }

    /** Tries the mail on a virtual thread, as the admin who asked; the outcome reaches the page by server push. */
    void retry(OutboxEntry mail, Button retry) {
        retry.setEnabled(false);
        Notification.show("Sending the mail to " + mail.to() + "…", 4000, Notification.Position.BOTTOM_START);
        background.start("mail-retry", page -> {
            try {
                var after = outbox.retry(mail.id());
                page.access(() -> retried(mail, after.orElse(null)));
            } catch (RuntimeException unexpected) {
                log.warn("Retrying mail {} from the Outgoing mail page failed", mail.id(), unexpected);
                page.access(() -> retried(mail, null));
            }
        });
    }

    private void retried(OutboxEntry before, @Nullable OutboxEntry after) {
        Notification notification;
        if (after != null && after.status() == MailStatus.SENT) {
            notification = Notification.show(
                    "Sent the mail to " + before.to() + ".", 6000, Notification.Position.BOTTOM_START);
            notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            var state = after == null ? "" : "; " + standing(after.status());
            var answer = after == null || after.lastAnswer() == null
                    ? ""
                    : " The mail server answered: " + after.lastAnswer();
            notification = Notification.show(
                    "The mail to " + before.to() + " was not sent" + state + "." + answer,
                    10000,
                    Notification.Position.BOTTOM_START);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.getDataProvider().refreshAll();
    }

    private static String standing(MailStatus status) {
        return switch (status) {
            case QUEUED -> "it waits for its next attempt";
            case FAILED -> "it stays failed";
            case SENDING -> "another sender is sending it now";
            case SENT -> "it was sent";
        };
    }

    @Override
    public String getPageTitle() {
        return TITLE + " — " + blogTitle;
    }
}
