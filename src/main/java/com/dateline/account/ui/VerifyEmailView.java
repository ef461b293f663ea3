package com.dateline.account.ui;

import com.dateline.account.EmailVerification;
import com.dateline.base.BlogProperties;
import com.dateline.base.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The link mailed at registration ({@code /verify-email?token=…}): opening it verifies the address, signed in or not. A
 * used, expired or unknown link says so and points to "Send the link again" on the account page.
 */
@Route(value = "verify-email", layout = MainLayout.class)
@AnonymousAllowed
class VerifyEmailView extends LinkPage {

    private final EmailVerification verification;

    VerifyEmailView(EmailVerification verification, BlogProperties blog) {
        super(
                "Confirm your e-mail address",
                "/account",
                "Get a new link: sign in and choose “Send the link again”",
                blog);
        this.verification = verification;
    }

    @Override
    Component[] open(String token) {
        var address = verification.verify(token);
        return new Component[] {
            new H2("Your address is verified"),
            new Paragraph("Thank you: " + address + " is confirmed, and your comments now follow the usual rules."),
            new Paragraph(new Anchor("/", "Back to " + blogTitle()))
        };
    }
}
