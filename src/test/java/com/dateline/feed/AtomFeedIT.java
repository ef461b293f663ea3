package com.dateline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** {@code /feed.atom} as a feed reader gets it: Atom 1.0 (RFC 4287) with the demo posts, newest first. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AtomFeedIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";

    @LocalServerPort
    int port;

    private HttpResponse<String> response;
    private Element feed;

    @BeforeEach
    void fetchFeed() throws Exception {
        response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(origin() + "/feed.atom"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        feed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    @Test
    void the_feed_is_served_as_atom() {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
    }

    @Test
    void the_root_is_an_atom_feed_with_exactly_one_id_title_and_updated() {
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(children(feed, "id")).hasSize(1);
        assertThat(children(feed, "title")).hasSize(1);
        assertThat(children(feed, "updated")).hasSize(1);
        assertThat(text(feed, "title")).isEqualTo("Babylon & Beyond");
        assertThat(URI.create(text(feed, "id")).isAbsolute()).isTrue();
        OffsetDateTime.parse(text(feed, "updated"));
    }

    @Test
    void the_feed_names_its_author_and_links_to_itself_and_the_blog() {
        var authors = children(feed, "author");
        assertThat(authors).isNotEmpty();
        assertThat(text(authors.getFirst(), "name")).isNotBlank();
        assertThat(links(feed, "self"))
                .singleElement()
                .satisfies(self -> assertThat(self.getAttribute("href")).isEqualTo(origin() + "/feed.atom"));
        assertThat(links(feed, "alternate"))
                .singleElement()
                .satisfies(home -> assertThat(home.getAttribute("href")).isEqualTo(origin() + "/"));
    }

    @Test
    void the_feed_holds_the_five_posts_newest_first() {
        var entries = children(feed, "entry");

        assertThat(entries)
                .extracting(entry -> text(entry, "title"))
                .containsExactly(
                        "IRAQ: Baghdad's booksellers return to Mutanabbi Street",
                        "ISRAEL: Spring in Jerusalem's Old City",
                        "IRAQ: U.S. and Iran's talk about talks continues",
                        "IRAN: Nowruz ends and Tehran goes back to work",
                        "LEBANON: A week of waiting in Beirut");
        assertThat(entries)
                .extracting(
                        entry -> OffsetDateTime.parse(text(entry, "updated")).toInstant())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(OffsetDateTime.parse(text(feed, "updated")).toInstant())
                .isEqualTo(OffsetDateTime.parse(text(entries.getFirst(), "updated"))
                        .toInstant());
    }

    @Test
    void every_entry_has_one_id_title_updated_and_a_link_to_its_post() {
        var entries = children(feed, "entry");
        assertThat(entries).isNotEmpty();
        var ids = new ArrayList<String>();
        for (var entry : entries) {
            assertThat(children(entry, "id")).hasSize(1);
            assertThat(children(entry, "title")).hasSize(1);
            assertThat(children(entry, "updated")).hasSize(1);
            assertThat(text(entry, "title")).isNotBlank();
            OffsetDateTime.parse(text(entry, "updated"));
            var id = text(entry, "id");
            assertThat(URI.create(id).isAbsolute()).as(id).isTrue();
            ids.add(id);
            var alternate = links(entry, "alternate");
            assertThat(alternate).hasSize(1);
            var href = alternate.getFirst().getAttribute("href");
            assertThat(href).matches("\\Q" + origin() + "\\E/2008/04/[a-z0-9-]+");
            // Entries need an author of their own unless the feed has one.
            assertThat(children(entry, "author").size()
                            + children(feed, "author").size())
                    .isPositive();
            assertThat(children(entry, "content")).singleElement().satisfies(content -> {
                assertThat(content.getAttribute("type")).isEqualTo("html");
                assertThat(content.getTextContent()).isNotBlank();
            });
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void the_seed_entry_carries_its_whole_body_as_escaped_html() {
        var seed = children(feed, "entry").stream()
                .filter(entry -> links(entry, "alternate")
                        .getFirst()
                        .getAttribute("href")
                        .equals(origin() + SEED))
                .findFirst()
                .orElseThrow();

        var html = children(seed, "content").getFirst().getTextContent();

        assertThat(html).contains("<blockquote>");
        assertThat(response.body()).contains("&lt;blockquote&gt;");
        var body = Jsoup.parseBodyFragment(html);
        assertThat(body.select("blockquote")).hasSize(3);
        assertThat(body.selectFirst("p").text()).startsWith("Think of Iran");
        assertThat(body.select("script")).isEmpty();
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static List<Element> children(Element parent, String localName) {
        var found = new ArrayList<Element>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && ATOM.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String localName) {
        var found = children(parent, localName);
        assertThat(found).as("<%s> in <%s>", localName, parent.getLocalName()).isNotEmpty();
        return found.getFirst().getTextContent();
    }

    private static List<Element> links(Element parent, String rel) {
        return children(parent, "link").stream()
                .filter(link -> rel.equals(link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel")))
                .toList();
    }
}
