package com.dateline.account.ui;

import com.dateline.account.AccountRejected;
import com.dateline.account.PasswordReset;
import com.dateline.base.BlogProperties;
import com.dateline.base.ui.Answer;
import com.dateline.base.ui.FieldErrors;
import com.dateline.base.ui.MainLayout;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * "Forgot your password?" from the sign-in page: the reader types their address and is told the same whether or not an
 * account uses it; only a real account's owner gets the mail with the link.
 */
@Route(value = "forgot-password", layout = MainLayout.class)
@AnonymousAllowed
class ForgotPasswordView extends Div implements HasDynamicTitle {

    static final String SENT = "If an account uses that address, we sent a link to it. The link sets a new password"
            + " once and works for an hour; check your spam folder if it does not arrive.";

    final EmailField email = new EmailField("E-mail");
    final Button send = new Button("Send the link");
    final Answer answer = new Answer();

    private final PasswordReset passwordReset;
    private final String blogTitle;
    private final FieldErrors errors = new FieldErrors();

    ForgotPasswordView(PasswordReset passwordReset, BlogProperties blog) {
        this.passwordReset = passwordReset;
        this.blogTitle = blog.title();
        addClassName("form-page");

        email.setId("email");
        email.setHelperText("The address you sign in with.");
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        errors.field("email", email);
        send.setId("send-link");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(click -> send());

        add(
                new H1("Forgot your password?"),
                new Paragraph(
                        "Type the e-mail address of your account; we will send you a link to set a new password."),
                email,
                send,
                answer,
                new Paragraph(new Anchor("/login", "Back to sign in")));
    }

    private void send() {
        try {
            passwordReset.request(email.getValue(), ClientAddress.current());
            errors.clear();
            answer.show(new Paragraph(SENT));
        } catch (AccountRejected rejected) {
            answer.show();
            errors.show(rejected.problems());
        }
    }

    @Override
    public String getPageTitle() {
        return "Forgot your password? — " + blogTitle;
    }
}
