package com.dateline.post.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.comment.CommentService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.support.HttpBrowser;
import com.dateline.support.MutableClock;
import com.dateline.support.SignIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What anonymous readers are sent: the finished page without Vaadin or a session, headers any cache can act on, and a
 * page that shows a change on the first request after it, and nothing that is not published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class PublicPagesIT {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";
    private static final long SEED_ID = 3;

    @LocalServerPort
    int port;

    @Autowired
    PublicPages pages;

    @Autowired
    CommentService comments;

    @Autowired
    ModerationService moderation;

    @Autowired
    PostEditing editing;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Long> commentsMade = new ArrayList<>();
    private final List<Long> postsMade = new ArrayList<>();

    @AfterEach
    void putTheDemoDataBack() {
        signIn.as("admin@dateline.test");
        postsMade.forEach(editing::delete);
        for (var id : commentsMade) {
            jdbc.update("update comment set parent_id = null, root_id = null where id = ?", id);
            jdbc.update("delete from comment_report where comment_id = ?", id);
            jdbc.update("delete from moderation_action where comment_id = ?", id);
            jdbc.update("delete from comment where id = ?", id);
        }
        clock.set(Instant.now());
    }

    @Test
    void an_anonymous_reader_gets_the_whole_post_page_without_vaadin_or_a_session() throws Exception {
        var response = get(SEED);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        var html = Jsoup.parse(response.body());
        assertThat(html.select("h1"))
                .singleElement()
                .extracting(element -> element.text())
                .isEqualTo("IRAQ: U.S. and Iran's talk about talks continues");
        assertThat(html.select("nav[aria-label=Post navigation] a[rel=prev]")).hasSize(1);
        assertThat(html.select("nav[aria-label=Post navigation] a[rel=next]")).hasSize(1);
        assertThat(html.select("figure figcaption").text()).contains("Credit: Hassan Ghaedi / Fars News Agency");
        assertThat(html.select("section#comments h2").text()).startsWith("Comments (");
        assertThat(html.select("#sign-in-to-comment").attr("href"))
                .startsWith("/login?redirect=")
                .contains("%23comments");
        assertThat(html.select("meta[property=og:title]").attr("content")).contains("talk about talks");
        assertThat(html.select("link[rel=canonical]").attr("href")).endsWith(SEED);
        assertThat(html.select("script"))
                .singleElement()
                .extracting(script -> script.attr("src"))
                .isEqualTo("/scripts/new-comments.js");
        assertThat(response.body()).doesNotContain("VAADIN", "v-r=", "window.Vaadin");
        // The encoding is declared within the first 1024 bytes, as browsers and the HTML checker require.
        assertThat(response.body().substring(0, 200)).contains("<meta charset=\"utf-8\">");
    }

    @Test
    void the_page_says_how_caches_may_keep_it_and_answers_a_revalidation_with_304() throws Exception {
        var first = get(SEED);
        var etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
                .contains("public", "max-age=", "s-maxage=", "stale-while-revalidate=");
        assertThat(first.headers().firstValue("Vary").orElseThrow()).containsIgnoringCase("Accept-Encoding");
        assertThat(first.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(first.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        var again =
                http.send(request(SEED).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void a_reader_who_accepts_gzip_gets_the_same_page_compressed() throws Exception {
        var plain = get(SEED);
        var zipped = http.send(
                request(SEED).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
    }

    @Test
    void home_category_and_unknown_pages_are_public_pages_too() throws Exception {
        for (var path : List.of("/", "/?page=2", "/category/iraq")) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.body()).as(path).doesNotContain("VAADIN").contains("<h1");
        }
        for (var path : List.of("/no-such-page", "/2008/04/no-such-post", "/category/no-such-category")) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(Jsoup.parse(response.body()).select("h1").text())
                    .as(path)
                    .isEqualTo("Page not found");
        }
    }

    @Test
    void a_visitor_with_a_session_who_is_not_signed_in_gets_the_public_page() throws Exception {
        var browser = new HttpBrowser(port);
        browser.get("/login");

        var page = browser.get(SEED);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(page.body()).doesNotContain("VAADIN");
    }

    @Test
    void a_signed_in_reader_gets_the_live_view_which_no_cache_keeps() throws Exception {
        var browser = new HttpBrowser(port);
        browser.signIn("reader@dateline.test", "reader-demo-2008");

        var page = browser.get(SEED);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.headers().firstValue("ETag")).isEmpty();
        assertThat(page.body()).contains("VAADIN");
        assertThat(browser.get("/styles/dateline.css").headers().firstValue("Cache-Control"))
                .isNotEqualTo(page.headers().firstValue("Cache-Control"));
    }

    @Test
    void a_published_comment_is_on_the_next_anonymous_request_and_nothing_unpublished_ever_is() throws Exception {
        var before = get(SEED);
        signIn.as("reader@dateline.test");
        var published = submit("A reader's comment that the moderator publishes, with a marker: pumpkin-7.");
        // The demo reader is trusted; a suspect word holds the comment for a moderator all the same.
        var waiting = submit("A comment still waiting for a moderator about crypto, marker: turnip-3.");
        var rejected = submit("A comment the moderator does not publish, marker: radish-5.");
        signIn.as("moderator@dateline.test");
        decide(published, ModerationVerb.APPROVE, null);
        decide(rejected, ModerationVerb.REJECT, "Private note for the author: parsnip-9.");

        var after = get(SEED);

        assertThat(after.headers().firstValue("ETag"))
                .isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(after.body())
                .contains("pumpkin-7")
                .doesNotContain("turnip-3", "radish-5", "parsnip-9", "@dateline.test");
        var section = Jsoup.parse(after.body()).selectFirst("section#comments");
        assertThat(Long.parseLong(section.attr("data-published"))).isEqualTo(comments.publishedCount(SEED_ID));
        assertThat(http.send(request("/discussions/" + SEED_ID + ".json").build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .isEqualTo("{\"published\":" + comments.publishedCount(SEED_ID) + "}");
    }

    @Test
    void a_scheduled_post_is_on_the_first_request_after_its_time() throws Exception {
        signIn.as("editor@dateline.test");
        var zone = ZoneId.of("America/Los_Angeles");
        var at = LocalDateTime.ofInstant(clock.instant(), zone)
                .withSecond(0)
                .withNano(0)
                .plusMinutes(10);
        var id = editing.save(new PostForm(
                null,
                0,
                "Embargoed until ten past",
                "Iraq",
                "embargoed-until-ten-past",
                at,
                "By Test Editor",
                true,
                false,
                "The embargoed news.",
                null));
        postsMade.add(id);
        var path = editing.pathOf(id).orElseThrow();
        signIn.out();

        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(get("/").body()).doesNotContain("Embargoed until ten past");

        clock.advance(Duration.ofMinutes(11));

        assertThat(get(path).statusCode()).isEqualTo(200);
        assertThat(get("/").body()).contains("Embargoed until ten past");
    }

    @Test
    void an_edited_post_shows_its_new_words_and_a_deleted_one_is_gone_on_the_next_request() throws Exception {
        signIn.as("editor@dateline.test");
        var id = editing.save(new PostForm(
                null,
                0,
                "Words as first written",
                "Iraq",
                "words-as-first-written",
                LocalDateTime.of(2009, 1, 15, 9, 30),
                "By Test Editor",
                true,
                false,
                "The first draft of history.",
                null));
        postsMade.add(id);
        var path = editing.pathOf(id).orElseThrow();
        assertThat(get(path).body()).contains("The first draft of history.");
        assertThat(get("/").body()).contains("Words as first written");

        var loaded = editing.load(id).orElseThrow();
        editing.save(new PostForm(
                id,
                loaded.version(),
                "Words as corrected",
                loaded.category(),
                loaded.slug(),
                loaded.publishAt(),
                loaded.byline(),
                true,
                false,
                "The corrected draft of history.",
                null));

        assertThat(get(path).body()).contains("The corrected draft of history.").doesNotContain("The first draft");
        assertThat(get("/").body()).contains("Words as corrected").doesNotContain("Words as first written");

        editing.delete(id);

        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(get("/").body()).doesNotContain("Words as corrected");
    }

    @Test
    void readers_arriving_together_after_a_change_cost_one_page_build() throws Exception {
        signIn.as("reader@dateline.test");
        var id = submit("A comment that changes the page before the crowd arrives.");
        signIn.as("moderator@dateline.test");
        decide(id, ModerationVerb.APPROVE, null);
        signIn.out();
        var before = pages.builds();

        var readers = 64;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(readers)) {
            var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (var i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return get(SEED).statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        assertThat(pages.builds() - before).isEqualTo(1);
    }

    private long submit(String text) {
        // The policy asks for 20 s between one reader's comments.
        clock.advance(Duration.ofMinutes(1));
        var outcome = comments.submit(SEED_ID, null, text);
        commentsMade.add(outcome.commentId());
        return outcome.commentId();
    }

    /** Decides at the comment's current version; a comment that already has the decision is left as it is. */
    private void decide(long commentId, ModerationVerb verb, String reason) {
        moderation.decideCurrent(verb, List.of(commentId), reason);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
    }
}
