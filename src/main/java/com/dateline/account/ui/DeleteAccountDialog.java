package com.dateline.account.ui;

import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.base.ui.FieldErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Asks for the reader's password, deletes their account and signs them out. */
final class DeleteAccountDialog {

    private DeleteAccountDialog() {}

    static void open(AccountService accounts, AuthenticationContext authentication) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Delete your account?");
        var password = new PasswordField("Your password");
        password.setWidthFull();
        var errors = new FieldErrors().field("currentPassword", password);
        var confirm = new Button("Delete account", click -> {
            try {
                accounts.deleteMyAccount(password.getValue());
                dialog.close();
                authentication.logout();
            } catch (AccountRejected rejected) {
                errors.show(rejected.problems());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("This cannot be undone. Type your password to confirm."), password);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
        password.focus();
    }
}
