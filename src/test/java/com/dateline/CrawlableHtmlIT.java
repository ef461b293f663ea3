package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTML the server sends before any script runs, as a search engine or a reader without
 * JavaScript gets it: the whole seed page, its metadata, and honest 404s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrawlableHtmlIT {

    private static final String LEBANON = "/2008/04/lebanon-a-week-of-waiting-in-beirut";
    private static final String IRAN = "/2008/04/iran-nowruz-ends-and-tehran-goes-back-to-work";
    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";
    private static final String ISRAEL = "/2008/04/israel-spring-in-jerusalems-old-city";
    private static final String BOOKSELLERS = "/2008/04/iraq-baghdads-booksellers-return-to-mutanabbi-street";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private record Page(int status, Document html) {}

    // --- the seed post -------------------------------------------------------------------------

    @Test
    void the_seed_post_answers_ok_with_the_post_title_in_the_window_title() throws Exception {
        var page = get(SEED);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("head title")).hasSize(1);
        assertThat(page.html().title()).isEqualTo("U.S. and Iran's talk about talks continues — Babylon & Beyond");
    }

    @Test
    void the_seed_post_has_one_h1_with_kicker_and_title() throws Exception {
        var html = get(SEED).html();

        assertThat(html.select("h1"))
                .singleElement()
                .satisfies(h1 -> assertThat(h1.text()).isEqualTo("IRAQ: U.S. and Iran's talk about talks continues"));
    }

    @Test
    void the_masthead_links_home_and_shows_the_tagline() throws Exception {
        var html = get(SEED).html();

        assertThat(html.select("a[href=/]")).extracting(Element::text).contains("Babylon & Beyond");
        assertThat(html.body().text()).contains("Observations from Iraq, Iran, Israel, the Arab world and beyond");
    }

    @Test
    void the_dateline_is_a_time_element_in_the_blogs_zone() throws Exception {
        var html = get(SEED).html();

        var time = html.selectFirst("article time[datetime]");
        assertThat(time).isNotNull();
        assertThat(time.text()).isEqualTo("April 7, 2008 | 9:58 am");
        assertThat(time.attr("datetime")).startsWith("2008-04-07T09:58");
    }

    @Test
    void the_body_is_in_an_article_with_the_quotations_as_blockquotes() throws Exception {
        var html = get(SEED).html();

        var article = html.selectFirst("article");
        assertThat(article).isNotNull();
        assertThat(article.select("blockquote")).hasSize(3);
        assertThat(article.select("blockquote").first().text())
                .startsWith("We understand that the Iraqi foreign ministry is making efforts");
        assertThat(article.select("p"))
                .extracting(Element::text)
                .anySatisfy(text -> assertThat(text).startsWith("Think of Iran"));
    }

    @Test
    void the_byline_follows_the_body() throws Exception {
        var html = get(SEED).html();

        var byline = html.select("article *").stream()
                .filter(element -> element.ownText().equals("— Times staff writers in Beirut, Baghdad and Tehran"))
                .findFirst();
        assertThat(byline).as("byline").isPresent();
        var lastQuote = html.select("article blockquote").last();
        var all = html.getAllElements();
        assertThat(all.indexOf(byline.get())).isGreaterThan(all.indexOf(lastQuote));
    }

    @Test
    void the_photo_is_a_figure_with_alt_text_caption_and_credit() throws Exception {
        var html = get(SEED).html();

        var image = html.selectFirst("figure img[alt]");
        assertThat(image).isNotNull();
        assertThat(image.attr("alt")).isNotBlank();
        assertThat(image.attr("src")).matches("(https?://[^/]+)?/images/[0-9]+");
        var caption = html.selectFirst("figure figcaption");
        assertThat(caption).isNotNull();
        assertThat(caption.text())
                .contains("Mohammed Ali Hosseini, spokesman for Iran's foreign ministry, spoke to reporters today.")
                .contains("Credit: Hassan Ghaedi / Fars News Agency");
    }

    @Test
    void the_photo_the_page_shows_can_be_fetched() throws Exception {
        var src = get(SEED).html().selectFirst("figure img").attr("src");

        var response = http.send(
                HttpRequest.newBuilder(URI.create(origin()).resolve(src)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void the_head_describes_the_post_for_search_engines_and_link_previews() throws Exception {
        var html = get(SEED).html();

        assertThat(meta(html, "name", "description")).startsWith("Think of Iran");
        assertThat(meta(html, "property", "og:title")).contains("U.S. and Iran's talk about talks continues");
        assertThat(meta(html, "property", "og:type")).isEqualTo("article");
        assertThat(meta(html, "property", "og:description")).isNotBlank();
        var image = meta(html, "property", "og:image");
        assertThat(URI.create(image).isAbsolute()).as(image).isTrue();
        assertThat(image).startsWith(origin() + "/images/");
        var canonical = html.select("link[rel=canonical]");
        assertThat(canonical).hasSize(1);
        assertThat(URI.create(canonical.attr("href")).isAbsolute()).isTrue();
        assertThat(canonical.attr("href")).endsWith(SEED);
    }

    @Test
    void the_head_points_feed_readers_to_the_atom_feed() throws Exception {
        var html = get(SEED).html();

        assertThat(html.select("link[rel=alternate][type=application/atom+xml]"))
                .isNotEmpty()
                .allSatisfy(link -> assertThat(link.attr("href")).isEqualTo("/feed.atom"));
    }

    @Test
    void the_post_navigation_links_the_older_and_newer_posts_and_home() throws Exception {
        var html = get(SEED).html();

        var nav = html.selectFirst("nav[aria-label=Post navigation]");
        assertThat(nav).isNotNull();
        assertThat(nav.select("a[rel=prev]")).singleElement().satisfies(previous -> {
            assertThat(previous.attr("href")).isEqualTo(IRAN);
            assertThat(previous.text()).isEqualTo("« Previous Post");
        });
        assertThat(nav.select("a[rel=next]")).singleElement().satisfies(next -> {
            assertThat(next.attr("href")).isEqualTo(ISRAEL);
            assertThat(next.text()).isEqualTo("Next Post »");
        });
        assertThat(nav.select("a"))
                .filteredOn(a -> a.text().equals("Babylon & Beyond Home"))
                .singleElement()
                .satisfies(home -> assertThat(home.attr("href")).isEqualTo("/"));
    }

    @Test
    void the_oldest_post_has_no_previous_link_and_the_newest_no_next_link() throws Exception {
        var oldest = get(LEBANON);
        var newest = get(BOOKSELLERS);

        assertThat(oldest.status()).isEqualTo(200);
        assertThat(oldest.html().select("a[rel=prev]")).isEmpty();
        assertThat(oldest.html()
                        .select("nav[aria-label=Post navigation] a[rel=next]")
                        .attr("href"))
                .isEqualTo(IRAN);
        assertThat(newest.status()).isEqualTo(200);
        assertThat(newest.html().select("a[rel=next]")).isEmpty();
        assertThat(newest.html()
                        .select("nav[aria-label=Post navigation] a[rel=prev]")
                        .attr("href"))
                .isEqualTo(ISRAEL);
    }

    // --- not found -----------------------------------------------------------------------------

    @Test
    void an_unknown_post_is_not_found() throws Exception {
        assertNotFound(get("/2008/04/no-such-post"));
    }

    @Test
    void the_right_slug_under_the_wrong_month_is_not_found() throws Exception {
        assertNotFound(get("/2008/05/iraq-us-and-irans-talk-about-talks-continues"));
    }

    @Test
    void an_unknown_address_is_not_found_rather_than_a_sign_in_redirect() throws Exception {
        assertNotFound(get("/nope"));
    }

    @Test
    void an_unknown_category_is_not_found() throws Exception {
        assertNotFound(get("/category/no-such-category"));
    }

    // --- lists ---------------------------------------------------------------------------------

    @Test
    void the_home_page_lists_the_five_posts_newest_first() throws Exception {
        var page = get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().title()).isEqualTo("Babylon & Beyond");
        assertThat(postLinks(page.html())).containsExactly(BOOKSELLERS, ISRAEL, SEED, IRAN, LEBANON);
        assertThat(page.html().body().text())
                .contains("IRAQ: U.S. and Iran's talk about talks continues")
                .contains("April 7, 2008 | 9:58 am");
    }

    @Test
    void a_category_page_lists_exactly_that_categorys_posts() throws Exception {
        var page = get("/category/iraq");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("h1"))
                .singleElement()
                .satisfies(h1 -> assertThat(h1.text()).isEqualTo("Iraq"));
        assertThat(postLinks(page.html())).containsExactly(BOOKSELLERS, SEED);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void assertNotFound(Page page) {
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.html().select("h1")).extracting(Element::text).contains("Page not found");
        assertThat(page.html().title()).contains("Page not found");
    }

    /** The posts a list page links to, in the order it shows them. */
    private static List<String> postLinks(Document html) {
        var links = new LinkedHashSet<String>();
        for (var link : html.body().select("a[href]")) {
            if (link.attr("href").matches("/[0-9]{4}/[0-9]{2}/[a-z0-9-]+")) {
                links.add(link.attr("href"));
            }
        }
        return List.copyOf(links);
    }

    private static String meta(Document html, String keyAttribute, String key) {
        var found = html.select("meta[" + keyAttribute + "=" + key + "]");
        assertThat(found).as("<meta %s=%s>", keyAttribute, key).hasSize(1);
        return found.attr("content");
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private Page get(String path) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(origin() + path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(response.statusCode(), Jsoup.parse(response.body(), origin() + path));
    }
}
