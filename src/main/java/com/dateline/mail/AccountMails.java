package com.dateline.mail;

import com.dateline.account.EmailChangeNotice;
import com.dateline.account.EmailChangeRequested;
import com.dateline.account.EmailVerificationRequested;
import com.dateline.account.PasswordResetRequested;
import com.dateline.account.RegistrationAttemptedForKnownAddress;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mails about a reader's own account: the links to confirm an address or set a new password, and the warnings to
 * an address that someone else used. Each listens to the account module's event, which the event publication registry
 * keeps until the mail is queued, so a crash in between queues it at the next start; the event's id is the mail's key,
 * so a redelivered event mails once.
 */
@Component
class AccountMails {

    private final MailOutbox outbox;
    private final BlogTime time;
    private final String title;

    AccountMails(MailOutbox outbox, BlogTime time, BlogProperties blog) {
        this.outbox = outbox;
        this.time = time;
        this.title = blog.title();
    }

    @ApplicationModuleListener
    void on(EmailVerificationRequested event) {
        outbox.queue(new Letter(event.displayName())
                .paragraph("Please confirm that " + event.email() + " is your address on " + title
                        + ". Until you do, your comments wait for a moderator.")
                .link("Confirm my address", event.link())
                .paragraph("The link works once, until " + time.moment(event.expiresAt())
                        + ". If you did not sign up, ignore this mail: nothing happens without the link.")
                .to(
                        "verify-email:" + event.tokenId(),
                        event.email(),
                        "Confirm your address for " + title,
                        "— " + title));
    }

    @ApplicationModuleListener
    void on(RegistrationAttemptedForKnownAddress event) {
        outbox.queue(new Letter(event.displayName())
                .paragraph("Someone tried to sign up on " + title + " with " + event.email()
                        + ", which already has your account. No second account was made.")
                .paragraph("If it was you, sign in instead; if you forgot your password, set a new one.")
                .link("Sign in", event.signInLink())
                .link("Set a new password", event.forgotPasswordLink())
                .paragraph("If it was not you, you need not do anything.")
                .to(
                        "known-address:" + event.attemptId(),
                        event.email(),
                        "Someone tried to sign up with your address on " + title,
                        "— " + title));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        outbox.queue(new Letter(event.displayName())
                .paragraph("Someone asked to set a new password for your account on " + title + ".")
                .link("Set a new password", event.link())
                .paragraph("The link works once, until " + time.moment(event.expiresAt())
                        + ". Setting a new password signs out every other browser. If you did not ask, ignore this"
                        + " mail: your password stays as it is.")
                .to(
                        "reset-password:" + event.tokenId(),
                        event.email(),
                        "Set a new password on " + title,
                        "— " + title));
    }

    @ApplicationModuleListener
    void on(EmailChangeRequested event) {
        outbox.queue(new Letter(event.displayName())
                .paragraph("Please confirm that " + event.newEmail() + " is the new address of your account on " + title
                        + ". Your account moves to it when you open the link.")
                .link("Confirm my new address", event.link())
                .paragraph("The link works once, until " + time.moment(event.expiresAt())
                        + ". If you did not ask for this, ignore this mail.")
                .to(
                        "change-email:" + event.tokenId(),
                        event.newEmail(),
                        "Confirm your new address on " + title,
                        "— " + title));
    }

    @ApplicationModuleListener
    void on(EmailChangeNotice event) {
        outbox.queue(new Letter(event.displayName())
                .paragraph("On " + time.moment(event.requestedAt()) + " someone signed in to your account on " + title
                        + " asked to move it to " + event.newEmail() + ". It moves only if that address confirms.")
                .paragraph("If this was not you, sign in, change your password, and write to the newsroom.")
                .to(
                        "email-change-notice:" + event.changeId(),
                        event.oldEmail(),
                        "Your address on " + title + " is being changed",
                        "— " + title));
    }
}
