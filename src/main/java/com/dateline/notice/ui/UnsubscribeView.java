package com.dateline.notice.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.ui.Answer;
import com.dateline.base.ui.MainLayout;
import com.dateline.notice.NoticeService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where a notice's "Stop these mails" link leads, signed in or not. It asks before it acts: mail scanners open every
 * link in a mail, and one must not stop a reader's notices by looking. Mail programs that offer their own unsubscribe
 * button post to the same address instead ({@link OneClickUnsubscribe}).
 */
@Route(value = "unsubscribe", layout = MainLayout.class)
@AnonymousAllowed
class UnsubscribeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Answer answer = new Answer();
    final Button stop = new Button("Stop these mails");

    private final NoticeService notices;
    private final String blogTitle;
    // The router keeps this view when only the query changes: the click stops the link the page was last opened with.
    private String token = "";

    UnsubscribeView(NoticeService notices, BlogProperties blog) {
        this.notices = notices;
        this.blogTitle = blog.title();
        addClassName("form-page");
        stop.setId("unsubscribe");
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stop.addClickListener(click -> stopped());
        add(new H1("Stop these mails"), answer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var values = event.getLocation().getQueryParameters().getParameters().get("token");
        token = values == null || values.isEmpty() ? "" : values.getFirst();
        notices.unsubscribeTarget(token)
                .ifPresentOrElse(
                        what -> answer.show(new Paragraph("You will no longer get “" + what + "” by e-mail."), stop),
                        () -> answer.show(
                                new Paragraph("This link is not one of ours, or it was cut short by your mail program."
                                        + " You can choose your notices on your account page."),
                                accountLink()));
    }

    private void stopped() {
        notices.unsubscribe(token)
                .ifPresentOrElse(
                        what -> answer.show(
                                new Paragraph("Done: you will no longer get “" + what
                                        + "” by e-mail. You can turn it on again on your account page."),
                                accountLink()),
                        () -> answer.show(new Paragraph("This link no longer works."), accountLink()));
    }

    private static Paragraph accountLink() {
        var link = new Anchor("/account", "Your account page");
        link.setId("account-link");
        return new Paragraph(link);
    }

    @Override
    public String getPageTitle() {
        return "Stop these mails — " + blogTitle;
    }
}
