package com.dateline.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One mail to one reader, as another module hands it to {@link MailOutbox#queue}. Every mail carries both a plain-text
 * and an HTML body (a multipart/alternative message: the reader's program shows the one it prefers).
 *
 * <p>A value that could not be sent as given is refused here, with {@link IllegalArgumentException}, before anything is
 * stored: an address that is not one plain address, a key or link with a control character in it, an empty body, or
 * more than the outbox keeps. The subject is cleaned rather than refused: line breaks and other control characters in
 * it become spaces, so no subject can add a header.
 *
 * @param dedupeKey names the change that caused the mail, e.g. {@code verify:account:42:<token id>}; the outbox keeps
 *     one mail per key, so an event delivered twice mails once. At most {@value #MAX_KEY} characters. It is logged
 *     and kept, so it names a token by its id, never by the secret itself.
 * @param to the recipient's address, e.g. {@code reader@example.org} (no display name)
 * @param subject the subject line, at most {@value #MAX_SUBJECT} characters
 * @param text the plain-text body; links in it should be absolute ({@code BlogProperties#baseUrl})
 * @param html the HTML body, the same content as {@code text}; the caller escapes any user text in it
 * @param unsubscribeUrl for a mail the reader may stop getting: an absolute http(s) address that unsubscribes with one
 *     POST (RFC 8058); the mail then carries {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}. Null for mail
 *     the reader asked for, such as a verification link or a password reset.
 */
public record OutgoingMail(
        String dedupeKey,
        String to,
        String subject,
        String text,
        String html,
        @Nullable String unsubscribeUrl) {

    public static final int MAX_KEY = 200;
    public static final int MAX_ADDRESS = 320;
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_URL = 2000;

    public OutgoingMail {
        if (dedupeKey.isBlank() || dedupeKey.length() > MAX_KEY || HeaderText.hasControlCharacters(dedupeKey)) {
            throw new IllegalArgumentException("A mail's dedupe key must be 1 to " + MAX_KEY
                    + " characters without control characters: " + dedupeKey.strip());
        }
        requireAddress(to);
        subject = HeaderText.clean(subject);
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A mail's subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        requireBody("text", text);
        requireBody("HTML", html);
        if (unsubscribeUrl != null) {
            requireUnsubscribeUrl(unsubscribeUrl);
        }
    }

    /** A mail without an unsubscribe link: one the reader asked for. */
    public OutgoingMail(String dedupeKey, String to, String subject, String text, String html) {
        this(dedupeKey, to, subject, text, html, null);
    }

    private static void requireAddress(String to) {
        try {
            var address = new InternetAddress(to, true);
            address.validate();
            if (to.length() > MAX_ADDRESS
                    || HeaderText.hasControlCharacters(to)
                    || address.getPersonal() != null
                    || address.isGroup()
                    || !address.getAddress().equals(to)) {
                throw new AddressException("not one plain address", to);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address a mail can be sent to: " + to.strip(), e);
        }
    }

    private static void requireBody(String which, String body) {
        if (body.isBlank() || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("A mail's " + which + " body must be 1 to " + MAX_BODY + " characters");
        }
    }

    private static void requireUnsubscribeUrl(String url) {
        var refused = new IllegalArgumentException("An unsubscribe link must be an absolute http(s) address: " + url);
        if (url.length() > MAX_URL || HeaderText.hasControlCharacters(url)) {
            throw refused;
        }
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw refused;
            }
        } catch (URISyntaxException e) {
            refused.initCause(e);
            throw refused;
        }
    }
}
