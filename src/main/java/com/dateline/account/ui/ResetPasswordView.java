package com.dateline.account.ui;

import com.dateline.account.AccountRejected;
import com.dateline.account.LinkRefused;
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
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * The link of a password-reset mail ({@code /reset-password?token=…}): the new password twice, under the same rules as
 * everywhere. Setting it uses the link and signs the account out everywhere else. The token stays on the server, in
 * this view, once the page has opened.
 */
@Route(value = "reset-password", layout = MainLayout.class)
@AnonymousAllowed
class ResetPasswordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final PasswordField password = new PasswordField("New password");
    final PasswordField repeatPassword = new PasswordField("New password, again");
    final Button save = new Button("Set password");
    final Answer answer = new Answer();

    private final PasswordReset passwordReset;
    private final String blogTitle;
    private final FieldErrors errors = new FieldErrors();
    private String token = "";

    ResetPasswordView(PasswordReset passwordReset, BlogProperties blog) {
        this.passwordReset = passwordReset;
        this.blogTitle = blog.title();
        addClassName("form-page");

        password.setId("password");
        password.setHelperText("At least 12 characters; not your e-mail and not a common password.");
        repeatPassword.setId("repeat-password");
        for (var field : List.of(password, repeatPassword)) {
            field.setAutocomplete(Autocomplete.NEW_PASSWORD);
            field.setRequiredIndicatorVisible(true);
            field.setWidthFull();
        }
        errors.field("password", password).field("repeatPassword", repeatPassword);
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(click -> save());

        add(new H1("Set a new password"), password, repeatPassword, save, answer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = LinkPages.token(event);
        try {
            passwordReset.check(token);
        } catch (LinkRefused refused) {
            refuse(refused);
        }
    }

    private void save() {
        try {
            passwordReset.reset(token, password.getValue(), repeatPassword.getValue());
            errors.clear();
            showForm(false);
            var signIn = new Anchor("/login", "Sign in");
            signIn.setId("answer-sign-in");
            answer.show(
                    new H2("Your password is set; sign in"),
                    new Paragraph("Use your new password from now on. Anywhere else this account was signed in, it"
                            + " has been signed out."),
                    new Paragraph(signIn));
        } catch (AccountRejected rejected) {
            errors.show(rejected.problems());
        } catch (LinkRefused refused) {
            refuse(refused);
        }
    }

    private void refuse(LinkRefused refused) {
        showForm(false);
        answer.show(LinkPages.refused(refused, "/forgot-password", "Ask for a new link"));
    }

    private void showForm(boolean visible) {
        password.setVisible(visible);
        repeatPassword.setVisible(visible);
        save.setVisible(visible);
    }

    @Override
    public String getPageTitle() {
        return "Set a new password — " + blogTitle;
    }
}
