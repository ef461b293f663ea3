package com.dateline.wordpress;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads a WordPress export (WXR: RSS 2.0 with WordPress's {@code wp:} elements, versions 1.0 to 1.2) into memory and
 * checks all of it before anything is imported: a file that is not XML, not a WordPress export, or cut off is refused
 * as a whole with {@link WxrRejected}. Within a good file, an item that cannot be imported (no date that can be read,
 * neither title nor content, a trashed post or comment, a pingback) is left out and named in
 * {@link WxrArchive#skipped()}.
 *
 * <p>No document type declaration is read and no external entity is ever resolved: a file that declares a DOCTYPE is
 * refused, since WordPress never writes one.
 */
public final class WxrParser {

    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final Pattern WP_NS = Pattern.compile("https?://wordpress\\.org/export/\\d+\\.\\d+/");
    private static final DateTimeFormatter WP_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final String HOW_TO_EXPORT =
            "In WordPress, use Tools → Export → All content and upload the .xml file it writes.";

    private final ZoneId blogZone;

    /** @param blogZone the zone of dates the file gives only as local times ({@code wp:post_date}, {@code wp:comment_date}) */
    public WxrParser(ZoneId blogZone) {
        this.blogZone = blogZone;
    }

    /**
     * Reads the whole file. The stream is read to its end but not closed.
     *
     * @throws WxrRejected if the file cannot be imported at all, with a message for the admin that names the line
     */
    public WxrArchive parse(InputStream in) {
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        var reading = new Reading();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(in);
            return reading.document(reader);
        } catch (XMLStreamException broken) {
            throw reading.rejected(broken);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    /** The state of one parse. */
    private final class Reading {

        private boolean rootStarted;
        private boolean sawChannel;
        private boolean sawWordPress;
        private String title = "";
        private final List<WxrPost> posts = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final Map<String, Integer> otherItems = new LinkedHashMap<>();

        WxrArchive document(XMLStreamReader reader) throws XMLStreamException {
            while (reader.hasNext()) {
                var event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new WxrRejected(
                            "The file declares a document type (<!DOCTYPE …>) at line " + line(reader)
                                    + ", which a WordPress export never does. It was not read, so that it cannot reach other"
                                    + " files or addresses. " + HOW_TO_EXPORT,
                            line(reader));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (rootStarted) {
                        throw new XMLStreamException("A second root element", reader.getLocation());
                    }
                    rootStarted = true;
                    if (!isPlain(reader, "rss")) {
                        throw new WxrRejected(
                                "This is XML, but not a WordPress export: it starts with <" + reader.getLocalName()
                                        + "> where a WordPress export starts with <rss>. " + HOW_TO_EXPORT,
                                line(reader));
                    }
                    rss(reader);
                }
            }
            if (!rootStarted) {
                throw new WxrRejected(
                        "The file is empty or holds no XML element, so it is not a WordPress export. " + HOW_TO_EXPORT,
                        0);
            }
            if (!sawChannel) {
                throw new WxrRejected(
                        "This RSS file has no <channel>, so it holds no posts and is not a WordPress export. "
                                + HOW_TO_EXPORT,
                        0);
            }
            if (!sawWordPress) {
                throw new WxrRejected(
                        "This is an RSS feed, not a WordPress export: it has none of WordPress's own (wp:)"
                                + " data about posts and comments. " + HOW_TO_EXPORT,
                        0);
            }
            otherItems.forEach((type, count) -> skipped.add(count + (count == 1 ? " item" : " items") + " of type \""
                    + type + "\": only posts and their comments are imported (not media files, pages or menus)"));
            return new WxrArchive(title, posts, skipped);
        }

        WxrRejected rejected(XMLStreamException broken) {
            var location = broken.getLocation();
            var line = location == null ? 0 : Math.max(location.getLineNumber(), 0);
            var column = location == null ? 0 : Math.max(location.getColumnNumber(), 0);
            var where = "line " + line + ", column " + column;
            var detail = broken.getMessage() == null ? "" : broken.getMessage();
            var message = detail.indexOf("Message: ");
            if (message >= 0) {
                detail = detail.substring(message + "Message: ".length());
            }
            detail = detail.strip().replaceAll("[.\\s]+$", "");
            if (!rootStarted) {
                return new WxrRejected(
                        "This file is not XML, so it is not a WordPress export (" + where + ": " + detail + "). "
                                + HOW_TO_EXPORT,
                        line);
            }
            return new WxrRejected(
                    "The file is damaged or incomplete, perhaps cut off while downloading: the XML breaks at " + where
                            + " (" + detail + "). Export it again from WordPress and upload the whole file.",
                    line);
        }

        private void rss(XMLStreamReader reader) throws XMLStreamException {
            while (true) {
                var event = next(reader);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (isPlain(reader, "channel")) {
                        sawChannel = true;
                        channel(reader);
                    } else {
                        skip(reader);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
            }
        }

        private void channel(XMLStreamReader reader) throws XMLStreamException {
            while (true) {
                var event = next(reader);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (isPlain(reader, "item")) {
                        item(reader);
                    } else if (isPlain(reader, "title")) {
                        title = text(reader).strip();
                    } else {
                        skip(reader);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
            }
        }

        private void item(XMLStreamReader reader) throws XMLStreamException {
            var line = line(reader);
            var fields = new HashMap<String, String>();
            var categories = new ArrayList<String>();
            var comments = new ArrayList<Map<String, String>>();
            while (true) {
                var event = next(reader);
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                var namespace = namespace(reader);
                var name = reader.getLocalName();
                if (isWordPress(namespace)) {
                    if (name.equals("comment")) {
                        comments.add(comment(reader));
                    } else if (name.equals("postmeta")) {
                        skip(reader);
                    } else {
                        fields.put("wp:" + name, text(reader));
                    }
                } else if (namespace.equals(CONTENT_NS) && name.equals("encoded")) {
                    fields.put("content", text(reader));
                } else if (namespace.isEmpty() && name.equals("category")) {
                    var domain = reader.getAttributeValue(null, "domain");
                    var category = plainText(text(reader));
                    if ((domain == null || domain.equals("category")) && !category.isEmpty()) {
                        categories.add(category);
                    }
                } else if (namespace.isEmpty()) {
                    fields.put(name, text(reader));
                } else {
                    skip(reader);
                }
            }
            post(line, fields, categories, comments);
        }

        private Map<String, String> comment(XMLStreamReader reader) throws XMLStreamException {
            var fields = new HashMap<String, String>();
            fields.put("line", Integer.toString(line(reader)));
            while (true) {
                var event = next(reader);
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return fields;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (isWordPress(namespace(reader)) && !reader.getLocalName().equals("commentmeta")) {
                        fields.put(reader.getLocalName(), text(reader));
                    } else {
                        skip(reader);
                    }
                }
            }
        }

        private void post(
                int line, Map<String, String> fields, List<String> categories, List<Map<String, String>> rawComments) {
            var type = field(fields, "wp:post_type").strip();
            if (!type.isEmpty() && !type.equals("post")) {
                otherItems.merge(type, 1, Integer::sum);
                return;
            }
            var title = plainText(field(fields, "title"));
            var content = field(fields, "content");
            var label = WxrPost.label(title, line);
            var wpStatus = field(fields, "wp:status").strip().toLowerCase(Locale.ROOT);
            WxrStatus status;
            switch (wpStatus) {
                case "trash" -> {
                    skipped.add(label + ": it is in the WordPress trash");
                    return;
                }
                case "publish", "" -> status = WxrStatus.PUBLISHED;
                case "future" -> status = WxrStatus.SCHEDULED;
                default -> status = WxrStatus.DRAFT;
            }
            if (title.isBlank() && content.isBlank()) {
                skipped.add(label + ": it has neither a title nor any content");
                return;
            }
            var guid = field(fields, "guid").strip();
            if (guid.isEmpty()) {
                skipped.add(label + ": it has no <guid>, which a second import needs to recognise it");
                return;
            }
            Instant publishedAt;
            try {
                publishedAt = firstDate(
                        field(fields, "wp:post_date_gmt"), field(fields, "wp:post_date"), field(fields, "pubDate"));
            } catch (UnreadableDate unreadable) {
                skipped.add(label + ": its date \"" + unreadable.value + "\" cannot be read");
                return;
            }
            if (publishedAt == null && status != WxrStatus.DRAFT) {
                skipped.add(label + ": it has no publication date");
                return;
            }
            var comments = comments(title, rawComments);
            posts.add(new WxrPost(
                    line,
                    guid,
                    title,
                    field(fields, "wp:post_name").strip(),
                    status,
                    publishedAt,
                    categories,
                    content,
                    field(fields, "wp:comment_status").strip().equalsIgnoreCase("closed"),
                    comments));
        }

        private List<WxrComment> comments(String postTitle, List<Map<String, String>> rawComments) {
            var comments = new ArrayList<WxrComment>();
            var ids = new HashSet<Long>();
            for (var raw : rawComments) {
                var line = Integer.parseInt(raw.get("line"));
                var rawId = field(raw, "comment_id").strip();
                var label = WxrComment.label(rawId, postTitle, line);
                var type = field(raw, "comment_type").strip().toLowerCase(Locale.ROOT);
                if (!type.isEmpty() && !type.equals("comment")) {
                    skipped.add(label + ": "
                            + (type.equals("pingback") || type.equals("trackback")
                                    ? "a " + type
                                    : "of type \"" + type + "\"")
                            + ", not a reader comment");
                    continue;
                }
                var approved = field(raw, "comment_approved").strip().toLowerCase(Locale.ROOT);
                if (approved.equals("trash") || approved.equals("post-trashed")) {
                    skipped.add(label + ": it is in the WordPress trash");
                    continue;
                }
                long id;
                try {
                    id = Long.parseLong(rawId);
                } catch (NumberFormatException noId) {
                    id = 0;
                }
                if (id <= 0) {
                    skipped.add(label + ": it has no comment id");
                    continue;
                }
                if (!ids.add(id)) {
                    skipped.add(label + ": another comment of this post has the same id");
                    continue;
                }
                Instant createdAt;
                try {
                    createdAt = firstDate(field(raw, "comment_date_gmt"), field(raw, "comment_date"), "");
                } catch (UnreadableDate unreadable) {
                    skipped.add(label + ": its date \"" + unreadable.value + "\" cannot be read");
                    continue;
                }
                if (createdAt == null) {
                    skipped.add(label + ": it has no date");
                    continue;
                }
                var content = field(raw, "comment_content");
                if (content.isBlank()) {
                    skipped.add(label + ": it has no text");
                    continue;
                }
                long parentId;
                try {
                    parentId = Math.max(
                            0, Long.parseLong(field(raw, "comment_parent").strip()));
                } catch (NumberFormatException noParent) {
                    parentId = 0;
                }
                var approval = switch (approved) {
                    case "1", "approve", "approved" -> WxrComment.Approval.APPROVED;
                    case "spam" -> WxrComment.Approval.SPAM;
                    default -> WxrComment.Approval.PENDING;
                };
                comments.add(new WxrComment(
                        line,
                        id,
                        parentId,
                        Parser.unescapeEntities(field(raw, "comment_author"), false)
                                .strip(),
                        field(raw, "comment_author_email").strip(),
                        createdAt,
                        content,
                        approval));
            }
            return comments;
        }

        private int next(XMLStreamReader reader) throws XMLStreamException {
            if (!reader.hasNext()) {
                throw new XMLStreamException("The file ends before its last element is closed", reader.getLocation());
            }
            return reader.next();
        }

        /** The text of the element the reader is on, up to its end tag (text of nested elements included). */
        private String text(XMLStreamReader reader) throws XMLStreamException {
            var text = new StringBuilder();
            var depth = 1;
            while (depth > 0) {
                switch (next(reader)) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                    case XMLStreamConstants.START_ELEMENT -> {
                        noteNamespace(reader);
                        depth++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {}
                }
            }
            return text.toString();
        }

        private void skip(XMLStreamReader reader) throws XMLStreamException {
            noteNamespace(reader);
            text(reader);
        }

        private void noteNamespace(XMLStreamReader reader) {
            if (isWordPress(namespace(reader))) {
                sawWordPress = true;
            }
        }

        private boolean isWordPress(String namespace) {
            if (WP_NS.matcher(namespace).matches()) {
                sawWordPress = true;
                return true;
            }
            return false;
        }
    }

    /** The first of the dates that is given: a WordPress UTC date, a WordPress local date, an RSS date. */
    private @Nullable Instant firstDate(String utc, String local, String rss) throws UnreadableDate {
        if (isGiven(utc)) {
            return wordPressDate(utc).toInstant(ZoneOffset.UTC);
        }
        if (isGiven(local)) {
            return wordPressDate(local).atZone(blogZone).toInstant();
        }
        var rssDate = rss.strip();
        // WordPress writes "Mon, 30 Nov -0001 00:00:00 +0000" for a draft that never had a date.
        if (!rssDate.isEmpty() && !rssDate.contains("-0001")) {
            try {
                return ZonedDateTime.parse(rssDate, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeException unreadable) {
                throw new UnreadableDate(rssDate);
            }
        }
        return null;
    }

    /** WordPress writes "0000-00-00 00:00:00" for a date it does not have. */
    private static boolean isGiven(String wordPressDate) {
        var date = wordPressDate.strip();
        return !date.isEmpty() && !date.startsWith("0000-00-00");
    }

    private static LocalDateTime wordPressDate(String value) throws UnreadableDate {
        var date = value.strip().replace('T', ' ');
        try {
            return LocalDateTime.parse(date, WP_DATE);
        } catch (DateTimeException unreadable) {
            throw new UnreadableDate(value.strip());
        }
    }

    private static final class UnreadableDate extends Exception {
        final String value;

        UnreadableDate(String value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private static boolean isPlain(XMLStreamReader reader, String localName) {
        return namespace(reader).isEmpty() && reader.getLocalName().equals(localName);
    }

    private static String namespace(XMLStreamReader reader) {
        var namespace = reader.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    private static int line(XMLStreamReader reader) {
        var location = reader.getLocation();
        return location == null ? 0 : location.getLineNumber();
    }

    private static String field(Map<String, String> fields, String name) {
        var value = fields.get(name);
        return value == null ? "" : value;
    }

    /** Text as readers saw it: WordPress stores titles and category names with HTML entities and sometimes tags. */
    static String plainText(String html) {
        return html.isBlank() ? "" : Jsoup.parseBodyFragment(html).text().strip();
    }
}
