package com.dateline.account.ui;

import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.base.BlogProperties;
import com.dateline.base.ui.Answer;
import com.dateline.base.ui.FieldErrors;
import com.dateline.base.ui.MainLayout;
import com.dateline.security.CurrentUser;
import com.dateline.security.SignInRedirects;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reader creates an account: display name, e-mail, password. A refused field keeps what was typed and says what to
 * fix. Then the page says "Check your inbox", naming the address, and offers "Sign in" (back to the page that sent
 * them): the same answer when the address already has an account, so nobody learns from this form who reads here.
 * That is why nobody is signed in automatically: a reader who was would know the address was new.
 */
@Route(value = "register", layout = MainLayout.class)
@AnonymousAllowed
class RegisterView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final TextField displayName = new TextField("Display name");
    final EmailField email = new EmailField("E-mail");
    final PasswordField password = new PasswordField("Password");
    final Button create = new Button("Create account");
    final Anchor signIn = new Anchor("/login", "Sign in");

    private final AccountService accounts;
    private final String blogTitle;
    private final FieldErrors errors = new FieldErrors();
    final Answer answer = new Answer();
    private final List<Component> form;
    private @Nullable String returnTo;

    RegisterView(AccountService accounts, BlogProperties blog) {
        this.accounts = accounts;
        this.blogTitle = blog.title();
        addClassName("form-page");

        displayName.setHelperText("Shown with your comments. 2 to 40 characters.");
        displayName.setAutocomplete(Autocomplete.NICKNAME);
        email.setHelperText("You sign in with it. Other readers never see it.");
        email.setAutocomplete(Autocomplete.EMAIL);
        password.setHelperText(
                "At least 12 characters; not your e-mail and not a common password. The eye button shows what you typed.");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (var field : List.of(displayName, email, password)) {
            field.setRequiredIndicatorVisible(true);
            field.setWidthFull();
        }
        displayName.setId("display-name");
        email.setId("email");
        password.setId("password");
        create.setId("create-account");
        errors.field("displayName", displayName).field("email", email).field("password", password);

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setDisableOnClick(true);
        create.addClickListener(click -> register());

        var intro = new Paragraph("Readers with an account can join the discussion under every post.");
        var already = new Paragraph(new Text("Already have an account? "), signIn);
        form = List.of(intro, displayName, email, password, create, already);
        add(new H1("Create an account"));
        form.forEach(this::add);
        add(answer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("account");
            return;
        }
        var values = event.getLocation().getQueryParameters().getParameters().get(SignInRedirects.RETURN_TO);
        returnTo = SignInRedirects.safeLocalPath(values == null || values.isEmpty() ? null : values.getFirst());
        var query = SignInRedirects.returnToQuery(returnTo);
        signIn.setHref(query.isEmpty() ? "/login" : "/login?" + query);
    }

    private void register() {
        try {
            var typed = new Registration(displayName.getValue(), email.getValue(), password.getValue());
            accounts.register(typed, ClientAddress.current());
            errors.clear();
            showCheckYourInbox(email.getValue().strip());
        } catch (AccountRejected rejected) {
            errors.show(rejected.problems());
            create.setEnabled(true);
        }
    }

    /** The one answer, whether or not the address already had an account: this page must not tell which. */
    private void showCheckYourInbox(String address) {
        form.forEach(component -> component.setVisible(false));
        var signInNow = new Anchor(signIn.getHref(), "Sign in");
        signInNow.setId("answer-sign-in");
        answer.show(
                new H2("Check your inbox"),
                new Paragraph("We sent a message to " + address + ". Open the link in it to confirm that the address"
                        + " is yours; the link works for 24 hours. You can sign in and read right away; until you"
                        + " confirm, your comments wait for a moderator."),
                new Paragraph(signInNow));
    }

    @Override
    public String getPageTitle() {
        return "Create an account — " + blogTitle;
    }
}
