package com.dateline.account.ui;

import com.dateline.account.EmailChange;
import com.dateline.base.BlogProperties;
import com.dateline.base.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The link mailed to a new address ({@code /confirm-email?token=…}): opening it moves the account there, signed in or
 * not. A used, expired or unknown link says so and points to the account page, where the change can be asked again.
 */
@Route(value = "confirm-email", layout = MainLayout.class)
@AnonymousAllowed
class ConfirmEmailView extends LinkPage {

    private final EmailChange emailChange;

    ConfirmEmailView(EmailChange emailChange, BlogProperties blog) {
        super("Your new e-mail address", "/account", "Ask again from your account page", blog);
        this.emailChange = emailChange;
    }

    @Override
    Component[] open(String token) {
        var address = emailChange.confirm(token);
        return new Component[] {
            new H2("Your address is changed"),
            new Paragraph("Your account now uses " + address + ". Sign in with it from now on."),
            new Paragraph(new Anchor("/account", "Your account"))
        };
    }
}
