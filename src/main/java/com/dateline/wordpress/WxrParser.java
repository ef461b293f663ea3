package com.dateline.wordpress;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
        private final WxrItems items = new WxrItems(blogZone);

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
            return items.archive(title);
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
                    var category = WxrItems.plainText(text(reader));
                    if ((domain == null || domain.equals("category")) && !category.isEmpty()) {
                        categories.add(category);
                    }
                } else if (namespace.isEmpty()) {
                    fields.put(name, text(reader));
                } else {
                    skip(reader);
                }
            }
            items.post(line, fields, categories, comments);
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
}
