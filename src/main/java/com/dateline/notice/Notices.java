package com.dateline.notice;

import com.dateline.account.AccountContacts;
import com.dateline.account.AccountContacts.Contact;
import com.dateline.base.BlogProperties;
import com.dateline.base.PublicLinks;
import com.dateline.mail.Letter;
import com.dateline.mail.MailOutbox;
import com.dateline.mail.OutgoingMail;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Hands a notice to the reader as they chose: queued in the outbox now, kept for the daily digest, or dropped. A reader
 * who has not verified their address gets none, whatever a stored choice says: an address typed by someone else must
 * not be mailed about a stranger's comments.
 */
@Component
class Notices {

    static final String UNSUBSCRIBE = "unsubscribe";
    static final String DIGEST_TOKEN = "digest";

    private final NoticePreferenceRepository preferences;
    private final DigestItemRepository digest;
    private final AccountContacts contacts;
    private final MailOutbox outbox;
    private final PublicLinks links;
    private final Clock clock;
    private final String title;

    Notices(
            NoticePreferenceRepository preferences,
            DigestItemRepository digest,
            AccountContacts contacts,
            MailOutbox outbox,
            PublicLinks links,
            Clock clock,
            BlogProperties blog) {
        this.preferences = preferences;
        this.digest = digest;
        this.contacts = contacts;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.title = blog.title();
    }

    /** Runs in the caller's transaction, which a mail or a digest item joins. */
    void tell(long accountId, Notice notice) {
        var contact = contacts.of(accountId).filter(Contact::verified);
        var preference = preferences.findById(accountId);
        if (contact.isEmpty() || preference.isEmpty()) {
            return;
        }
        switch (preference.get().choices().of(notice.kind())) {
            case OFF -> {}
            case IMMEDIATELY -> mail(contact.get(), preference.get(), notice);
            case DAILY -> {
                if (!digest.existsByDedupeKey(notice.dedupeKey())) {
                    digest.save(new DigestItem(accountId, notice, clock.instant()));
                }
            }
        }
    }

    private void mail(Contact contact, NoticePreference preference, Notice notice) {
        var unsubscribe = unsubscribeLink(links, preference, notice.kind().token());
        var letter = new Letter(contact.displayName()).paragraph(notice.summary());
        if (notice.quote() != null) {
            letter.quote(notice.quote(), notice.quoteHtml());
        }
        letter.link(notice.linkLabel(), notice.link())
                .paragraph("You get this mail because you chose “"
                        + notice.kind().label() + "” on your account page. One click stops these mails:")
                .link("Stop these mails", unsubscribe);
        outbox.queue(letter.to(notice.dedupeKey(), contact.email(), notice.subject(), "— " + title, unsubscribe));
    }

    /** One mail with every notice waiting for the reader, which it takes away; none if they can no longer get it. */
    void sendDigest(long accountId) {
        var items = digest.findByAccountIdOrderById(accountId);
        var contact = contacts.of(accountId).filter(Contact::verified);
        var preference = preferences.findById(accountId);
        if (!items.isEmpty() && contact.isPresent() && preference.isPresent()) {
            outbox.queue(digestMail(contact.get(), preference.get(), items));
        }
        digest.deleteAllInBatch(items);
    }

    private OutgoingMail digestMail(Contact contact, NoticePreference preference, List<DigestItem> items) {
        var unsubscribe = unsubscribeLink(links, preference, DIGEST_TOKEN);
        var letter = new Letter(contact.displayName())
                .paragraph(
                        items.size() == 1
                                ? "One thing happened to your comments on " + title + " since your last digest."
                                : items.size() + " things happened to your comments on " + title
                                        + " since your last digest.");
        for (var item : items) {
            letter.paragraph(item.getSummary());
            if (item.getQuote() != null) {
                letter.paragraph("“" + item.getQuote() + "”");
            }
            letter.link("See it", item.getLink());
        }
        letter.paragraph("You get this digest because you chose notices “in a daily digest” on your account page."
                        + " One click stops the digest:")
                .link("Stop the daily digest", unsubscribe);
        return letter.to(
                "digest:" + contact.accountId() + ":" + items.getFirst().id(),
                contact.email(),
                "Your daily digest from " + title,
                "— " + title,
                unsubscribe);
    }

    /** The link that stops {@code what} (a kind's token, or the digest) for this reader. */
    static String unsubscribeLink(PublicLinks links, NoticePreference preference, String what) {
        return links.withToken(UNSUBSCRIBE, what + "." + preference.getUnsubscribeSecret());
    }
}
