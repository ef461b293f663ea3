package com.dateline.account.ui;

import com.dateline.account.EmailChange;
import com.dateline.account.LinkRefused;
import com.dateline.base.BlogProperties;
import com.dateline.base.ui.MainLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The link mailed to a new address ({@code /confirm-email?token=…}): opening it moves the account there, signed in or
 * not. A used, expired or unknown link says so and points to the account page, where the change can be asked again.
 */
@Route(value = "confirm-email", layout = MainLayout.class)
@AnonymousAllowed
class ConfirmEmailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Answer answer = new Answer();

    private final EmailChange emailChange;
    private final String blogTitle;

    ConfirmEmailView(EmailChange emailChange, BlogProperties blog) {
        this.emailChange = emailChange;
        this.blogTitle = blog.title();
        addClassName("form-page");
        add(new H1("Your new e-mail address"), answer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            var address = emailChange.confirm(LinkPages.token(event));
            answer.show(
                    new H2("Your address is changed"),
                    new Paragraph("Your account now uses " + address + ". Sign in with it from now on."),
                    new Paragraph(new Anchor("/account", "Your account")));
        } catch (LinkRefused refused) {
            answer.show(LinkPages.refused(refused, "/account", "Ask again from your account page"));
        }
    }

    @Override
    public String getPageTitle() {
        return "Your new e-mail address — " + blogTitle;
    }
}
