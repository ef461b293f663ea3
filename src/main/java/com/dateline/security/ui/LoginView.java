package com.dateline.security.ui;

import com.dateline.security.CurrentUser;
import com.dateline.security.SignInRedirects;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * Sign in with e-mail and password. The form posts to Spring Security; a reader who came from
 * a post ({@code ?redirect=/2008/04/…}) goes back to it afterwards.
 */
@Route(LoginView.ROUTE)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "login";

    final LoginForm form = new LoginForm();
    final Anchor register = new Anchor("/register", "Create an account");
    final Anchor forgotPassword = new Anchor("/forgot-password", "Forgot your password?");
    final Anchor back;
    private final String blogTitle;

    LoginView(@Value("${dateline.blog.title}") String blogTitle) {
        this.blogTitle = blogTitle;
        addClassName("auth-page");
        back = new Anchor("/", "Back to " + blogTitle);
        var home = new Anchor("/", blogTitle);
        home.addClassName("auth-masthead");
        // A link rather than the form's own button: it works before the client script has started, and it is a link.
        form.setForgotPasswordButtonVisible(false);
        forgotPassword.setId("forgot-password");
        form.setI18n(i18n(null, 0));
        add(home, form, new Paragraph(forgotPassword), new Paragraph(new Text("New here? "), register), back);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters().getParameters();
        var returnTo = SignInRedirects.safeLocalPath(first(query.get(SignInRedirects.RETURN_TO)));
        if (CurrentUser.get().isPresent()) {
            event.forwardTo(returnTo == null ? "" : returnTo.substring(1));
            return;
        }
        var returnQuery = SignInRedirects.returnToQuery(returnTo);
        form.setAction(returnQuery.isEmpty() ? "login" : "login?" + returnQuery);
        register.setHref(returnQuery.isEmpty() ? "/register" : "/register?" + returnQuery);
        back.setHref(returnTo == null ? "/" : returnTo);
        var error = first(query.get("error"));
        form.setI18n(i18n(error, minutes(first(query.get("wait")))));
        form.setError(error != null);
    }

    private static @Nullable String first(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The wait the server named, read defensively: anyone can type any query. */
    private static long minutes(@Nullable String wait) {
        if (wait == null || !wait.matches("[0-9]{1,3}")) {
            return 0;
        }
        return Math.min(Long.parseLong(wait), 15);
    }

    private static LoginI18n i18n(@Nullable String error, long minutes) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("E-mail");
        i18n.getForm().setPassword("Password");
        i18n.getForm().setSubmit("Sign in");
        var message = i18n.getErrorMessage();
        switch (error == null ? "" : error) {
            case "throttled" -> {
                message.setTitle("Too many failed sign-ins");
                message.setMessage("After repeated wrong passwords from here, sign-in is paused for a while. "
                        + (minutes > 0
                                ? "Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")
                                : "Try again in a few minutes."));
            }
            case "disabled" -> {
                message.setTitle("Account disabled");
                message.setMessage("This account has been disabled and cannot sign in. If you think this is a"
                        + " mistake, contact the newsroom.");
            }
            case "password-changed" -> {
                message.setTitle("Signed out: the password was changed");
                message.setMessage("The password of this account was changed in another session. Sign in with the new"
                        + " password; if you did not change it, contact the newsroom.");
            }
            default -> {
                message.setTitle("Incorrect e-mail or password");
                message.setMessage("Check that you typed them correctly and try again.");
            }
        }
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return "Sign in — " + blogTitle;
    }
}
