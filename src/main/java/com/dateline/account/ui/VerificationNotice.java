package com.dateline.account.ui;

import com.dateline.account.AccountRejected;
import com.dateline.account.EmailVerification;
import com.dateline.base.ui.Answer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

/**
 * On the account page while the reader's address is unverified: says so, and sends the link again (a few times an
 * hour).
 */
class VerificationNotice extends Section {

    final Button sendAgain = new Button("Send the link again");
    final Answer answer = new Answer();

    VerificationNotice(EmailVerification verification, String email) {
        addClassName("form-notice");
        getElement().setAttribute("aria-label", "Your address is not verified yet");
        sendAgain.setId("send-verification-again");
        sendAgain.addClickListener(click -> {
            try {
                verification.sendMineAgain();
                answer.show(new Span("We sent a new link to " + email + ". It works for 24 hours."));
            } catch (AccountRejected rejected) {
                answer.show(new Span(String.join(" ", rejected.problems().values())));
            }
        });
        add(
                new Paragraph(
                        new Span("Your address is not verified yet. "),
                        new Span("Open the link we mailed to " + email + "; until then your comments wait for a"
                                + " moderator.")),
                sendAgain,
                answer);
    }
}
