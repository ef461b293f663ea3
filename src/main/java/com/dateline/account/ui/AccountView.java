package com.dateline.account.ui;

import com.dateline.account.AccountPageSection;
import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.account.EmailChange;
import com.dateline.account.EmailVerification;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.FieldErrors;
import com.dateline.base.ui.MainLayout;
import com.dateline.security.SignedInUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in reader's own page: display name, password, e-mail address (and whether it is verified), the sections
 * other features add ({@link AccountPageSection}), their data, and deleting the account.
 */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
class AccountView extends Div implements HasDynamicTitle {

    final TextField displayName = new TextField("Display name");
    final Button saveName = new Button("Save name");
    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final Button changePassword = new Button("Change password");
    final Anchor download;
    final Button delete = new Button("Delete my account…");

    private final String blogTitle;

    AccountView(
            AccountService accounts,
            EmailVerification verification,
            EmailChange emailChanges,
            AuthenticationContext authentication,
            BlogProperties blog,
            BlogTime time,
            ObjectProvider<AccountPageSection> otherSections) {
        this.blogTitle = blog.title();
        addClassName("form-page");
        var account = accounts.myAccount();

        displayName.setValue(account.displayName());
        displayName.setHelperText("Shown with your comments. 2 to 40 characters.");
        displayName.setWidthFull();
        var nameErrors = new FieldErrors().field("displayName", displayName);
        saveName.addClickListener(click -> {
            try {
                var saved = accounts.changeDisplayName(displayName.getValue());
                nameErrors.clear();
                displayName.setValue(saved.displayName());
                refreshSignedInName(saved.displayName());
                success("Your display name is now “" + saved.displayName() + "”.");
            } catch (AccountRejected rejected) {
                nameErrors.show(rejected.problems());
            }
        });

        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText("At least 12 characters; not your e-mail and not a common password.");
        currentPassword.setWidthFull();
        newPassword.setWidthFull();
        var passwordErrors =
                new FieldErrors().field("currentPassword", currentPassword).field("password", newPassword);
        changePassword.addClickListener(click -> {
            try {
                accounts.changePassword(currentPassword.getValue(), newPassword.getValue());
                passwordErrors.clear();
                currentPassword.clear();
                newPassword.clear();
                success("Your password has been changed.");
            } catch (AccountRejected rejected) {
                passwordErrors.show(rejected.problems());
            }
        });

        download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = accounts.exportMyData().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "my-dateline-data.json", "application/json", bytes.length);
                }),
                "Download my data (JSON)");

        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> DeleteAccountDialog.open(accounts, authentication));

        add(
                new H1("Your account"),
                new Paragraph(
                        "Signed in as " + account.email() + ". Member since " + time.date(account.createdAt()) + "."));
        if (!verification.isMineVerified()) {
            add(new VerificationNotice(verification, account.email()));
        }
        add(
                section("Display name", displayName, saveName),
                section("Password", currentPassword, newPassword, changePassword),
                new EmailChangeSection(emailChanges));
        otherSections.orderedStream().forEach(other -> other.section().ifPresent(this::add));
        add(
                section("Your data", new Paragraph("Everything we store about you, as a file you can keep."), download),
                section(
                        "Delete your account",
                        new Paragraph("Your name, e-mail address and password are erased and you are signed out."
                                + " Comments you wrote stay on the site under the name “Deleted reader”."),
                        delete));
    }

    /** The masthead shows the name from the signed-in identity, so that identity takes the new name too. */
    private void refreshSignedInName(String newName) {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            var renamed = user.withDisplayName(newName);
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(renamed, null, renamed.getAuthorities()));
            var layout = findAncestor(MainLayout.class);
            if (layout != null) {
                layout.showAccountLinks();
            }
        }
    }

    private static Section section(String title, Component... content) {
        var section = new Section(new H2(title));
        section.add(content);
        section.addClassName("form-section");
        return section;
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return "Your account — " + blogTitle;
    }
}
