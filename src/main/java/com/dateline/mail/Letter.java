package com.dateline.mail;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A short mail written once and given as both bodies: each paragraph and link goes into the plain text as it is and
 * into the HTML escaped, so a reader's name or text in a mail is shown as text, never read as markup; only a
 * {@link #quote} may carry formatting, and that is sanitised.
 */
public final class Letter {

    private static final Document.OutputSettings UNFORMATTED = new Document.OutputSettings().prettyPrint(false);

    private final List<String> text = new ArrayList<>();
    private final List<String> html = new ArrayList<>();

    public Letter(String displayName) {
        paragraph("Hello " + displayName + ",");
    }

    public Letter paragraph(String words) {
        text.add(words);
        html.add("<p>" + HtmlUtils.htmlEscape(words) + "</p>");
        return this;
    }

    /**
     * Someone's words: in quotation marks in the text, and as a quotation in the HTML, with their formatting when
     * {@code formattedHtml} is given. That HTML is cleaned once more here, to a basic safelist, so a letter never
     * carries markup a mail program could act on, whoever made it.
     */
    public Letter quote(String words, @Nullable String formattedHtml) {
        text.add("“" + words + "”");
        html.add(
                formattedHtml == null
                        ? "<p>" + HtmlUtils.htmlEscape("“" + words + "”") + "</p>"
                        : "<blockquote>" + Jsoup.clean(formattedHtml, "", Safelist.basic(), UNFORMATTED)
                                + "</blockquote>");
        return this;
    }

    /** A link on a line of its own in the text, and a link with {@code label} in the HTML. */
    public Letter link(String label, String url) {
        text.add(label + ":\n" + url);
        html.add("<p><a href=\"" + HtmlUtils.htmlEscape(url) + "\">" + HtmlUtils.htmlEscape(label) + "</a></p>");
        return this;
    }

    public OutgoingMail to(String dedupeKey, String address, String subject, String signature) {
        return to(dedupeKey, address, subject, signature, null);
    }

    /**
     * A mail the reader may stop getting: {@code unsubscribeUrl} goes into the RFC 8058 headers ({@link OutgoingMail});
     * the letter should also show it as a {@link #link}, for mail programs that offer no button.
     */
    public OutgoingMail to(
            String dedupeKey, String address, String subject, String signature, @Nullable String unsubscribeUrl) {
        paragraph(signature);
        return new OutgoingMail(
                dedupeKey,
                address,
                subject,
                String.join("\n\n", text) + "\n",
                "<!DOCTYPE html><html><body>" + String.join("", html) + "</body></html>",
                unsubscribeUrl);
    }
}
