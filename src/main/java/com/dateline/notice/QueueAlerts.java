package com.dateline.notice;

import com.dateline.account.AccountContacts;
import com.dateline.account.AccountContacts.Contact;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.PublicLinks;
import com.dateline.comment.PendingComments;
import com.dateline.mail.Letter;
import com.dateline.mail.MailOutbox;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks at the Pending queue every {@code dateline.notice.queue-check} and alerts the moderators who asked to be, once
 * each time the queue grows past their limits: a moderator who was alerted hears again only after the queue was back
 * within them.
 *
 * <p>Every node of several looks on its own schedule; the lock keeps two from looking at the same moment, and the
 * conditional update below would still let only one of them alert a moderator.
 */
@Component
class QueueAlerts {

    private final NoticePreferenceRepository preferences;
    private final PendingComments pending;
    private final AccountContacts contacts;
    private final MailOutbox outbox;
    private final PublicLinks links;
    private final BlogTime time;
    private final Clock clock;
    private final String title;

    QueueAlerts(
            NoticePreferenceRepository preferences,
            PendingComments pending,
            AccountContacts contacts,
            MailOutbox outbox,
            PublicLinks links,
            BlogTime time,
            Clock clock,
            BlogProperties blog) {
        this.preferences = preferences;
        this.pending = pending;
        this.contacts = contacts;
        this.outbox = outbox;
        this.links = links;
        this.time = time;
        this.clock = clock;
        this.title = blog.title();
    }

    /** @return how many alerts were queued; null if another node is looking right now */
    @Scheduled(
            fixedDelayString = "${dateline.notice.queue-check:1m}",
            initialDelayString = "${dateline.notice.queue-check:1m}")
    @SchedulerLock(name = "QueueAlerts", lockAtMostFor = "PT5M")
    @Transactional
    public @Nullable Integer check() {
        var queue = pending.now();
        var now = clock.instant();
        var sent = 0;
        for (var preference : preferences.findByQueueAlertTrue()) {
            var choices = preference.choices();
            var oldest = queue.oldest();
            var crowded = queue.length() > choices.queueLongerThan()
                    || (oldest != null && Duration.between(oldest, now).toMinutes() >= choices.queueOlderThanMinutes());
            if (!crowded) {
                if (preference.getQueueAlertedAt() != null) {
                    preferences.clearAlerted(preference.getAccountId());
                }
                continue;
            }
            var contact = contacts.of(preference.getAccountId()).filter(Contact::moderates);
            // The conditional update lets one node of several send an alert, however many look at the same moment.
            if (contact.isPresent() && preferences.markAlerted(preference.getAccountId(), now) == 1) {
                var unsubscribe = Notices.unsubscribeLink(links, preference, NoticeKind.QUEUE.token());
                var letter = new Letter(contact.get().displayName())
                        .paragraph(queue.length() + (queue.length() == 1 ? " comment waits" : " comments wait")
                                + " in the Pending queue on " + title
                                + (oldest == null ? "." : "; the oldest since " + time.moment(oldest) + "."))
                        .link("Open the moderation dashboard", links.page("admin/moderation"))
                        .paragraph("You asked for this alert when more than " + choices.queueLongerThan()
                                + " comments wait or one waits more than " + choices.queueOlderThanMinutes()
                                + " minutes. You hear again once the queue was back within both. One click stops it:")
                        .link("Stop these alerts", unsubscribe);
                outbox.queue(letter.to(
                        "queue:" + preference.getAccountId() + ":" + now.toEpochMilli(),
                        contact.get().email(),
                        "The Pending queue on " + title + " needs moderators",
                        "— " + title,
                        unsubscribe));
                sent++;
            }
        }
        return sent;
    }
}
