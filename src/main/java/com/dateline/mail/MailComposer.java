package com.dateline.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message of an outbox row: from {@code dateline.mail.from}, to one address, multipart/alternative
 * with a UTF-8 text and HTML part, the RFC 8058 unsubscribe headers when the mail has a link, and the Message-ID fixed
 * when it was queued. Header values pass through {@link HeaderText#clean}; Jakarta Mail encodes what is not ASCII.
 */
@Component
class MailComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final Pattern NAMED = Pattern.compile("(?s)(.*)<([^<>]+)>");

    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());
    private final Clock clock;

    MailComposer(MailSettings settings, Clock clock) {
        this.from = sender(settings.from());
        this.clock = clock;
    }

    /** A new Message-ID in the sender's domain, for a mail being queued. */
    String newMessageId() {
        var address = from.getAddress();
        return "<" + UUID.randomUUID() + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
    }

    MimeMessage compose(OutboxRow row) throws MessagingException {
        var message = new FixedIdMessage(session, HeaderText.clean(row.messageId()));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(row.to(), true));
        message.setSubject(HeaderText.clean(row.subject()), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        if (row.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + HeaderText.clean(row.unsubscribeUrl()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var text = new MimeBodyPart();
        text.setText(row.text(), UTF_8, "plain");
        var html = new MimeBodyPart();
        html.setText(row.html(), UTF_8, "html");
        // The last part is the richest, the one a program that can show HTML picks (RFC 2046, 5.1.4).
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    String from() {
        return from.toUnicodeString();
    }

    /**
     * The configured sender: {@code Name <address>} or a bare address. The name is taken as it is written (a blog's
     * title may hold a comma or quotes, which an address list would misread) and cleaned like any header value;
     * Jakarta Mail quotes and encodes it. A value that is no address stops the start.
     */
    static InternetAddress sender(String configured) {
        var named = NAMED.matcher(configured.strip());
        try {
            if (!named.matches()) {
                return new InternetAddress(configured.strip(), true);
            }
            var name = HeaderText.clean(named.group(1)).replaceAll("^\"(.*)\"$", "$1");
            var address = new InternetAddress(named.group(2).strip(), true);
            return new InternetAddress(address.getAddress(), name.isEmpty() ? null : name, UTF_8);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException(
                    "dateline.mail.from is not a sender address (e.g. Blog <no-reply@example.org>): " + configured, e);
        }
    }

    /** Keeps the Message-ID given when it was queued: Jakarta Mail would make a new one each time it is saved. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
