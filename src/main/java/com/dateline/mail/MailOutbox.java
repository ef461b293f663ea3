package com.dateline.mail;

import com.dateline.security.Roles;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail module's public face. Other modules {@link #queue} a mail in the transaction of the change that causes it
 * (a reader registered, a password reset was asked for); the outbox sends it after that transaction commits and tries
 * again while the mail server is down. Admins list the outbox and retry a mail ({@code admin/mail}).
 */
@Service
public class MailOutbox {

    private final OutboxRepository outbox;
    private final MailDelivery delivery;
    private final MailComposer composer;
    private final Clock clock;

    MailOutbox(OutboxRepository outbox, MailDelivery delivery, MailComposer composer, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.composer = composer;
        this.clock = clock;
    }

    /**
     * Stores the mail with the caller's change and sends it once that commits; a rollback leaves neither. A mail whose
     * {@link OutgoingMail#dedupeKey} the outbox already holds is not stored again, so an event handled twice mails
     * once. Anyone may queue: method security belongs on the caller's own service, which knows who may cause a mail.
     *
     * @return true if the mail was stored; false if one with its dedupe key was already there
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    // MANDATORY, not REQUIRED: a caller without a transaction would commit the mail on its own, apart from the change
    // it announces, and a mail could then go out for a change that was never saved. Refusing the call finds that
    // mistake at its first test. An @ApplicationModuleListener runs in a transaction of its own, so it may queue.
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(OutgoingMail mail) {
        var stored = outbox.insertIfNew(mail, composer.newMessageId(), clock.instant());
        stored.ifPresent(
                id -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        delivery.sendSoon(id);
                    }
                }));
        return stored.isPresent();
    }

    /** The outbox, newest first; all of it when {@code status} is null. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    @Transactional(readOnly = true)
    public Slice<OutboxEntry> list(@Nullable MailStatus status, Pageable page) {
        return outbox.list(status, page);
    }

    /**
     * Makes one attempt at a queued or failed mail now, on the caller's thread, and returns the mail as it then stands
     * (SENT, or still QUEUED or FAILED with the server's answer); empty if there is no such mail. A mail that is sent
     * or being sent is left alone and returned as it is.
     */
    // Not @Transactional: the claim must be committed, where other senders see it, before the server is called, and no
    // transaction should stay open for as long as a mail server takes to answer.
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Optional<OutboxEntry> retry(long id) {
        if (outbox.dueNow(id, clock.instant())) {
            delivery.attempt(id);
        }
        return outbox.find(id);
    }

    /** Where mail goes now: the mail server and sender, or the folder of .eml files. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public String destination() {
        return delivery.destination();
    }
}
