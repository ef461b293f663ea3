package com.dateline.account.ui;

import com.dateline.account.AccountRejected;
import com.dateline.account.EmailChange;
import com.dateline.base.ui.Answer;
import com.dateline.base.ui.FieldErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * On the account page: moving the account to another address. The password proves it is the owner asking; the address
 * changes only when the link mailed to the new one is opened, and the answer is the same when that address is taken.
 */
class EmailChangeSection extends Section {

    final PasswordField password = new PasswordField("Your password");
    final EmailField newEmail = new EmailField("New e-mail address");
    final Button change = new Button("Change e-mail address");
    final Answer answer = new Answer();

    EmailChangeSection(EmailChange emailChange) {
        addClassName("form-section");
        password.setId("email-change-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        newEmail.setId("new-email");
        newEmail.setAutocomplete(Autocomplete.EMAIL);
        newEmail.setWidthFull();
        change.setId("change-email");
        var errors = new FieldErrors().field("currentPassword", password).field("email", newEmail);
        change.addClickListener(click -> {
            try {
                var address = emailChange.request(password.getValue(), newEmail.getValue());
                errors.clear();
                password.clear();
                answer.show(new Paragraph("Check your inbox at " + address + ": open the link we sent there within 24"
                        + " hours to move your account to it. Until then your account keeps its address."));
            } catch (AccountRejected rejected) {
                answer.show();
                errors.show(rejected.problems());
            }
        });
        add(new H2("E-mail address"), password, newEmail, change, answer);
    }
}
