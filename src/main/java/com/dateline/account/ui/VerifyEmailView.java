package com.dateline.account.ui;

import com.dateline.account.EmailVerification;
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
 * The link mailed at registration ({@code /verify-email?token=…}): opening it verifies the address, signed in or not. A
 * used, expired or unknown link says so and points to "Send the link again" on the account page.
 */
@Route(value = "verify-email", layout = MainLayout.class)
@AnonymousAllowed
class VerifyEmailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Answer answer = new Answer();

    private final EmailVerification verification;
    private final String blogTitle;

    VerifyEmailView(EmailVerification verification, BlogProperties blog) {
        this.verification = verification;
        this.blogTitle = blog.title();
        addClassName("form-page");
        add(new H1("Confirm your e-mail address"), answer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            var address = verification.verify(LinkPages.token(event));
            answer.show(
                    new H2("Your address is verified"),
                    new Paragraph("Thank you: " + address + " is confirmed, and your comments now follow the usual"
                            + " rules."),
                    new Paragraph(new Anchor("/", "Back to " + blogTitle)));
        } catch (LinkRefused refused) {
            answer.show(
                    LinkPages.refused(refused, "/account", "Get a new link: sign in and choose “Send the link again”"));
        }
    }

    @Override
    public String getPageTitle() {
        return "Confirm your e-mail address — " + blogTitle;
    }
}
