package com.dateline.feed;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.post.PostContent;
import com.dateline.post.PostService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /feed.atom}: Atom 1.0 (RFC 4287) of the newest published posts, with their whole bodies. */
@RestController
class AtomFeedController {

    static final int ENTRIES = 20;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final MediaType ATOM_XML = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final PostService posts;
    private final BlogProperties blog;
    private final BlogTime time;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    AtomFeedController(PostService posts, BlogProperties blog, BlogTime time) {
        this.posts = posts;
        this.blog = blog;
        this.time = time;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> feed(HttpServletRequest request) throws XMLStreamException {
        var origin = blog.origin(request);
        var entries = posts.findNewestContent(ENTRIES);
        return ResponseEntity.ok().contentType(ATOM_XML).body(write(origin, entries));
    }

    private String write(String origin, List<PostContent> entries) throws XMLStreamException {
        var out = new StringWriter();
        var writer = xml.createXMLStreamWriter(out);
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeStartElement("feed");
        writer.writeDefaultNamespace(ATOM);
        text(writer, "title", blog.title());
        text(writer, "subtitle", blog.tagline());
        text(writer, "id", origin + "/");
        link(writer, "self", origin + "/feed.atom", "application/atom+xml");
        link(writer, "alternate", origin + "/", "text/html");
        var updated =
                entries.isEmpty() ? Instant.EPOCH : entries.getFirst().summary().publishedAt();
        text(writer, "updated", rfc3339(updated));
        writer.writeStartElement("author");
        text(writer, "name", blog.title());
        writer.writeEndElement();
        for (var entry : entries) {
            entry(writer, origin, entry);
        }
        writer.writeEndElement();
        writer.writeEndDocument();
        writer.close();
        return out.toString();
    }

    private void entry(XMLStreamWriter writer, String origin, PostContent post) throws XMLStreamException {
        var summary = post.summary();
        writer.writeStartElement("entry");
        text(writer, "title", summary.headline());
        link(writer, "alternate", origin + summary.path(), "text/html");
        text(writer, "id", origin + summary.path());
        text(writer, "published", rfc3339(summary.publishedAt()));
        text(writer, "updated", rfc3339(summary.publishedAt()));
        if (post.byline() != null && !post.byline().isBlank()) {
            writer.writeStartElement("author");
            text(writer, "name", post.byline());
            writer.writeEndElement();
        }
        writer.writeEmptyElement("category");
        writer.writeAttribute("term", summary.category().slug());
        writer.writeAttribute("label", summary.category().name());
        text(writer, "summary", summary.excerpt());
        writer.writeStartElement("content");
        writer.writeAttribute("type", "html");
        writer.writeCharacters(post.bodyHtml());
        writer.writeEndElement();
        writer.writeEndElement();
    }

    private String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.inBlogZone(instant));
    }

    private static void text(XMLStreamWriter writer, String name, String value) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(value);
        writer.writeEndElement();
    }

    private static void link(XMLStreamWriter writer, String rel, String href, String type) throws XMLStreamException {
        writer.writeEmptyElement("link");
        writer.writeAttribute("rel", rel);
        writer.writeAttribute("href", href);
        writer.writeAttribute("type", type);
    }
}
