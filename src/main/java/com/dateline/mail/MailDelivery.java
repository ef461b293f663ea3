package com.dateline.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on a thread of its own: a mail right after the transaction that queued it commits, and
 * in a sweep every {@code dateline.mail.sweep-interval} (the first right at start) whatever is due, such as what a
 * crash or a restart left queued and what failed before. Each attempt first claims the mail with a conditional update
 * ({@link OutboxRepository#claim}), so of several nodes, or of the after-commit send and a sweep, one sends it.
 *
 * <p>A claim lasts {@link #LEASE}, far longer than the mail server's time-outs (application.properties); a sender that
 * died while it held one leaves the mail to be claimed again once it lapses. The one case that sends a mail twice is a
 * process that dies after the server took the mail and before the row says so; the receiver then sees the same
 * Message-ID twice.
 */
@Component
class MailDelivery implements SmartLifecycle {

    /** After this many failed attempts the mail is FAILED; an admin can still retry it. */
    static final int MAX_ATTEMPTS = 8;

    /** The wait after the first, second, … failed attempt; the last one repeats. */
    static final List<Duration> DELAYS =
            List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));

    static final Duration LEASE = Duration.ofMinutes(5);

    /** Mails claimed per round of a sweep; a sweep goes on while rounds come back full. */
    static final int BATCH = 50;

    private static final int MAX_ANSWER = 1000;
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxRepository outbox;
    private final MailComposer composer;
    private final EmlFolder emlFolder;
    private final ObjectProvider<JavaMailSender> mailServer;
    private final Clock clock;
    private final Duration sweepInterval;
    private volatile @Nullable ScheduledExecutorService worker;

    MailDelivery(
            OutboxRepository outbox,
            MailComposer composer,
            EmlFolder emlFolder,
            ObjectProvider<JavaMailSender> mailServer,
            Clock clock,
            MailSettings settings) {
        this.outbox = outbox;
        this.composer = composer;
        this.emlFolder = emlFolder;
        this.mailServer = mailServer;
        this.clock = clock;
        this.sweepInterval = settings.sweepInterval();
    }

    /**
     * Sends the mail soon on the outbox's thread, so the request that queued it does not wait for the mail server.
     * Before start and after stop it does nothing: the mail is in the outbox, and the next start's sweep sends it.
     */
    void sendSoon(long id) {
        var worker = this.worker;
        if (worker == null) {
            return;
        }
        try {
            worker.execute(() -> attemptLogged(id));
        } catch (RejectedExecutionException stopping) {
            log.debug("Stopping: mail {} is left for the next start", id);
        }
    }

    /** Sends every mail that is due now, one after another; returns how many it attempted. */
    int sweep() {
        var attempted = 0;
        List<Long> due;
        do {
            due = outbox.due(clock.instant(), BATCH);
            for (var id : due) {
                if (attempt(id)) {
                    attempted++;
                }
            }
        } while (due.size() == BATCH);
        return attempted;
    }

    /**
     * One attempt at the mail if it is due and no one else has it; returns whether this call made the attempt. The
     * outcome is in the outbox: SENT, or QUEUED for a later attempt with the server's answer, or FAILED.
     */
    boolean attempt(long id) {
        var now = clock.instant();
        var claimed = outbox.claim(id, now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        var mail = claimed.get();
        @Nullable String answer;
        try {
            answer = deliver(mail);
        } catch (Exception e) {
            var next = mail.attempts() >= MAX_ATTEMPTS ? null : clock.instant().plus(delayAfter(mail.attempts()));
            var refusal = answer(e);
            outbox.failed(mail, next, refusal);
            log.warn(
                    "Mail {} ({}) not sent, attempt {}: {}; {}",
                    mail.id(),
                    mail.dedupeKey(),
                    mail.attempts(),
                    refusal,
                    next == null ? "no further attempt" : "next attempt at " + next);
            return true;
        }
        if (outbox.sent(mail, clock.instant(), answer)) {
            log.info("Mail {} ({}) sent, attempt {}", mail.id(), mail.dedupeKey(), mail.attempts());
        } else {
            log.warn("Mail {} was sent, but its claim had lapsed meanwhile; it may be sent again", mail.id());
        }
        return true;
    }

    /** Hands the message to the mail server, or writes it to a file without one; what the outbox keeps of it. */
    private @Nullable String deliver(OutboxRow mail) throws Exception {
        var message = composer.compose(mail);
        var server = mailServer.getIfAvailable();
        if (server == null) {
            return "Written to " + emlFolder.write(mail, message, clock.instant());
        }
        server.send(message);
        return null;
    }

    /** Where mail goes, as the admins' page says it. */
    String destination() {
        var server = mailServer.getIfAvailable();
        if (server == null) {
            return "No mail server is configured (spring.mail.host): each mail is written as an .eml file to "
                    + emlFolder.folder() + ".";
        }
        if (server instanceof JavaMailSenderImpl smtp) {
            return "Mail is sent through " + smtp.getHost() + ":" + (smtp.getPort() > 0 ? smtp.getPort() : 25)
                    + " from " + composer.from() + ".";
        }
        return "Mail is sent from " + composer.from() + ".";
    }

    static Duration delayAfter(int attempts) {
        return DELAYS.get(Math.min(Math.max(attempts, 1), DELAYS.size()) - 1);
    }

    /**
     * What went wrong, as one line: for a mail the server refused its reply (e.g. "550 5.1.1 No such user"), for a
     * server that could not be reached the reason ("Connection refused").
     */
    static String answer(Exception e) {
        Throwable cause = e;
        if (e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            cause = send.getMessageExceptions()[0];
        }
        var parts = new LinkedHashSet<String>();
        for (var depth = 0; cause != null && depth < 5; cause = cause.getCause(), depth++) {
            var message = cause.getMessage();
            parts.add(HeaderText.clean(
                    message == null || message.isBlank() ? cause.getClass().getSimpleName() : message));
        }
        var line = String.join(": ", parts);
        return line.length() > MAX_ANSWER ? line.substring(0, MAX_ANSWER - 1) + "…" : line;
    }

    private void attemptLogged(long id) {
        try {
            attempt(id);
        } catch (RuntimeException e) {
            log.warn("Sending mail {} failed; the sweep tries again", id, e);
        }
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("The mail sweep failed; it runs again in {}", sweepInterval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        var started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mail-outbox").daemon().factory());
        if (!sweepInterval.isZero()) {
            started.scheduleWithFixedDelay(this::sweepLogged, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        worker = started;
    }

    @Override
    public synchronized void stop() {
        var stopping = worker;
        if (stopping == null) {
            return;
        }
        worker = null;
        // A mail being handed over is let finish (the server's time-outs bound it); the rest waits in the outbox.
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(15, TimeUnit.SECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
