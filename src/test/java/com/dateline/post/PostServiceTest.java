package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.BlogProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers may see of the posts, against the demo data (five posts, April 2008). Tests that
 * add posts run in a transaction that is rolled back, so every other test still sees the demo data.
 */
@SpringBootTest
class PostServiceTest {

    static final String LEBANON = "/2008/04/lebanon-a-week-of-waiting-in-beirut";
    static final String IRAN = "/2008/04/iran-nowruz-ends-and-tehran-goes-back-to-work";
    static final String SEED_SLUG = "iraq-us-and-irans-talk-about-talks-continues";
    static final String SEED = "/2008/04/" + SEED_SLUG;
    static final String ISRAEL = "/2008/04/israel-spring-in-jerusalems-old-city";
    static final String BOOKSELLERS = "/2008/04/iraq-baghdads-booksellers-return-to-mutanabbi-street";

    /** The demo posts as the home page lists them: newest first. */
    static final List<String> NEWEST_FIRST = List.of(BOOKSELLERS, ISRAEL, SEED, IRAN, LEBANON);

    @Autowired
    PostService service;

    @Autowired
    PostRepository posts;

    @Autowired
    CategoryRepository categories;

    @Autowired
    PostBodyRenderer renderer;

    @Autowired
    BlogProperties blog;

    @Autowired
    PhotoRepository photos;

    @Autowired
    PhotoRenditionRepository renditions;

    @Autowired
    PhotoProcessor photoProcessor;

    @Autowired
    PostPageCache pages;

    // --- lists ---------------------------------------------------------------------------------

    @Test
    void published_posts_are_listed_newest_first() {
        var page = service.findPublished(PageRequest.of(0, 10));

        assertThat(paths(page)).containsExactlyElementsOf(NEWEST_FIRST);
        assertThat(page.getContent())
                .extracting(PostSummary::publishedAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void the_seed_post_is_listed_with_its_kicker_dateline_excerpt_and_photo() {
        var seed = service.findPublished(PageRequest.of(0, 10)).stream()
                .filter(post -> post.path().equals(SEED))
                .findFirst()
                .orElseThrow();

        assertThat(seed.headline()).isEqualTo("IRAQ: U.S. and Iran's talk about talks continues");
        assertThat(seed.category().path()).isEqualTo("/category/iraq");
        assertThat(seed.publishedAt())
                .isEqualTo(LocalDateTime.of(2008, 4, 7, 9, 58)
                        .atZone(blog.timeZone())
                        .toInstant());
        assertThat(seed.excerpt()).startsWith("Think of Iran and the United States as a bitterly divorced couple.");
        assertThat(seed.photo()).isNotNull();
        assertThat(seed.photo().caption())
                .isEqualTo("Mohammed Ali Hosseini, spokesman for Iran's foreign ministry, spoke to reporters today.");
        assertThat(seed.photo().credit()).isEqualTo("Hassan Ghaedi / Fars News Agency");
        assertThat(seed.photo().altText()).isNotBlank();
    }

    @Test
    void pages_of_two_split_five_posts_into_two_two_and_one() {
        var first = service.findPublished(PageRequest.of(0, 2));
        var second = service.findPublished(PageRequest.of(1, 2));
        var third = service.findPublished(PageRequest.of(2, 2));
        var beyond = service.findPublished(PageRequest.of(3, 2));

        assertThat(paths(first)).containsExactly(BOOKSELLERS, ISRAEL);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(paths(second)).containsExactly(SEED, IRAN);
        assertThat(second.hasNext()).isTrue();
        assertThat(second.hasPrevious()).isTrue();
        assertThat(paths(third)).containsExactly(LEBANON);
        assertThat(third.hasNext()).isFalse();
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.hasNext()).isFalse();
    }

    @Test
    void a_category_lists_only_its_own_posts_newest_first() {
        var iraq = service.findPublishedInCategory("iraq", PageRequest.of(0, 10));
        var lebanon = service.findPublishedInCategory("lebanon", PageRequest.of(0, 10));

        assertThat(paths(iraq)).containsExactly(BOOKSELLERS, SEED);
        assertThat(iraq.getContent())
                .allSatisfy(post -> assertThat(post.category().slug()).isEqualTo("iraq"));
        assertThat(paths(lebanon)).containsExactly(LEBANON);
        assertThat(service.findPublishedInCategory("no-such-category", PageRequest.of(0, 10))
                        .getContent())
                .isEmpty();
    }

    @Test
    void categories_are_found_by_slug_with_their_name() {
        assertThat(service.findCategory("iraq")).contains(new CategoryInfo("Iraq", "iraq"));
        assertThat(service.findCategory("iraq").orElseThrow().kicker()).isEqualTo("IRAQ");
        assertThat(service.findCategory("no-such-category")).isEmpty();
    }

    @Test
    void the_newest_content_carries_whole_bodies_newest_first() {
        var newest = service.findNewestContent(3);

        assertThat(newest).extracting(content -> content.summary().path()).containsExactly(BOOKSELLERS, ISRAEL, SEED);
        assertThat(newest.get(2).bodyHtml()).contains("<blockquote>");
        assertThat(newest.get(2).byline()).isEqualTo("Times staff writers in Beirut, Baghdad and Tehran");
    }

    // --- permalink and neighbours --------------------------------------------------------------

    @Test
    void the_seed_post_is_found_at_its_permalink_with_body_byline_and_photo() {
        var seed = service.findByPermalink(2008, 4, SEED_SLUG).orElseThrow();

        assertThat(seed.summary().path()).isEqualTo(SEED);
        assertThat(seed.summary().title()).isEqualTo("U.S. and Iran's talk about talks continues");
        assertThat(seed.byline()).isEqualTo("Times staff writers in Beirut, Baghdad and Tehran");
        var body = Jsoup.parseBodyFragment(seed.bodyHtml());
        assertThat(body.select("blockquote")).hasSize(3);
        assertThat(body.select("p").first().text()).startsWith("Think of Iran");
        assertThat(seed.summary().photo()).isNotNull();
    }

    @Test
    void previous_is_the_next_older_post_and_next_the_next_newer() {
        var seed = service.findByPermalink(2008, 4, SEED_SLUG).orElseThrow();

        assertThat(seed.previous()).isEqualTo(new PostLink("IRAN: Nowruz ends and Tehran goes back to work", IRAN));
        assertThat(seed.next()).isEqualTo(new PostLink("ISRAEL: Spring in Jerusalem's Old City", ISRAEL));
    }

    @Test
    void the_oldest_post_has_no_previous_and_the_newest_no_next() {
        var oldest = service.findByPermalink(2008, 4, "lebanon-a-week-of-waiting-in-beirut")
                .orElseThrow();
        var newest = service.findByPermalink(2008, 4, "iraq-baghdads-booksellers-return-to-mutanabbi-street")
                .orElseThrow();

        assertThat(oldest.previous()).isNull();
        assertThat(oldest.next()).isNotNull().extracting(PostLink::path).isEqualTo(IRAN);
        assertThat(newest.next()).isNull();
        assertThat(newest.previous()).isNotNull().extracting(PostLink::path).isEqualTo(ISRAEL);
    }

    @Test
    void following_next_from_the_oldest_post_visits_every_post_once_in_date_order() {
        var visited = new java.util.ArrayList<String>();
        String path = LEBANON;
        while (path != null) {
            visited.add(path);
            var parts = path.split("/");
            var post = service.findByPermalink(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3])
                    .orElseThrow();
            path = post.next() == null ? null : post.next().path();
        }

        assertThat(visited).containsExactlyElementsOf(NEWEST_FIRST.reversed());
    }

    @Test
    void an_unknown_slug_gives_nothing() {
        assertThat(service.findByPermalink(2008, 4, "no-such-post")).isEmpty();
    }

    @Test
    void a_known_slug_under_the_wrong_month_or_year_gives_nothing() {
        assertThat(service.findByPermalink(2008, 5, SEED_SLUG)).isEmpty();
        assertThat(service.findByPermalink(2008, 3, SEED_SLUG)).isEmpty();
        assertThat(service.findByPermalink(2009, 4, SEED_SLUG)).isEmpty();
    }

    @Test
    void a_month_outside_one_to_twelve_gives_nothing() {
        assertThat(service.findByPermalink(2008, 13, SEED_SLUG)).isEmpty();
        assertThat(service.findByPermalink(2008, 0, SEED_SLUG)).isEmpty();
        assertThat(service.findByPermalink(2008, -4, SEED_SLUG)).isEmpty();
    }

    @Test
    @Transactional
    void the_permalink_month_is_the_month_in_the_blogs_time_zone() {
        // 1 May 2008, 02:00 UTC is still 30 April in Los Angeles.
        var lateApril = LocalDateTime.of(2008, 5, 1, 2, 0).toInstant(ZoneOffset.UTC);
        save("Late April in the blog's zone", "late-april", "iraq", lateApril);

        assertThat(service.findByPermalink(2008, 4, "late-april"))
                .get()
                .extracting(details -> details.summary().path())
                .isEqualTo("/2008/04/late-april");
        assertThat(service.findByPermalink(2008, 5, "late-april")).isEmpty();
    }

    // --- scheduled posts -----------------------------------------------------------------------

    @Test
    @Transactional
    void a_post_whose_publication_time_is_still_to_come_is_not_listed() {
        var future = Instant.now().plus(Duration.ofHours(1));
        save("Tomorrow's scoop", "tomorrows-scoop", "iraq", future);

        assertThat(paths(service.findPublished(PageRequest.of(0, 10)))).containsExactlyElementsOf(NEWEST_FIRST);
        assertThat(paths(service.findPublishedInCategory("iraq", PageRequest.of(0, 10))))
                .containsExactly(BOOKSELLERS, SEED);
        assertThat(service.findNewestContent(10))
                .extracting(c -> c.summary().path())
                .doesNotContain(path(future));
    }

    @Test
    @Transactional
    void a_post_whose_publication_time_is_still_to_come_has_no_permalink() {
        var future = Instant.now().plus(Duration.ofHours(1));
        var saved = save("Tomorrow's scoop", "tomorrows-scoop", "iraq", future);
        var month = future.atZone(blog.timeZone());

        assertThat(posts.findById(saved.getId())).isPresent();
        assertThat(service.findByPermalink(month.getYear(), month.getMonthValue(), "tomorrows-scoop"))
                .isEmpty();
    }

    @Test
    @Transactional
    void a_post_whose_publication_time_is_still_to_come_is_nobodys_neighbour() {
        // A scheduled post is newer than every published one, so it would be the newest post's next.
        save("Tomorrow's scoop", "tomorrows-scoop", "iraq", Instant.now().plus(Duration.ofHours(1)));

        var newest = service.findByPermalink(2008, 4, "iraq-baghdads-booksellers-return-to-mutanabbi-street")
                .orElseThrow();

        assertThat(newest.next()).isNull();
    }

    @Test
    @Transactional
    void a_post_whose_time_has_come_is_listed_first() {
        var justNow = Instant.now().minus(Duration.ofMinutes(1));
        save("Just published", "just-published", "iraq", justNow);

        assertThat(paths(service.findPublished(PageRequest.of(0, 10))))
                .containsExactlyElementsOf(
                        Stream.concat(Stream.of(path(justNow, "just-published")), NEWEST_FIRST.stream())
                                .toList());
    }

    // --- ties ----------------------------------------------------------------------------------

    @Test
    @Transactional
    void posts_published_at_the_same_instant_are_ordered_by_id_for_previous_and_next() {
        var sameInstant =
                LocalDateTime.of(2008, 4, 9, 12, 0).atZone(blog.timeZone()).toInstant();
        var first = save("First of the twins", "first-twin", "israel", sameInstant);
        var second = save("Second of the twins", "second-twin", "israel", sameInstant);
        assertThat(first.getId()).isLessThan(second.getId());

        var older = service.findByPermalink(2008, 4, "first-twin").orElseThrow();
        var newer = service.findByPermalink(2008, 4, "second-twin").orElseThrow();
        var israel = service.findByPermalink(2008, 4, "israel-spring-in-jerusalems-old-city")
                .orElseThrow();
        var booksellers = service.findByPermalink(2008, 4, "iraq-baghdads-booksellers-return-to-mutanabbi-street")
                .orElseThrow();

        assertThat(israel.next()).extracting(PostLink::path).isEqualTo("/2008/04/first-twin");
        assertThat(older.previous()).extracting(PostLink::path).isEqualTo(ISRAEL);
        assertThat(older.next()).extracting(PostLink::path).isEqualTo("/2008/04/second-twin");
        assertThat(newer.previous()).extracting(PostLink::path).isEqualTo("/2008/04/first-twin");
        assertThat(newer.next()).extracting(PostLink::path).isEqualTo(BOOKSELLERS);
        assertThat(booksellers.previous()).extracting(PostLink::path).isEqualTo("/2008/04/second-twin");
    }

    @Test
    @Transactional
    void posts_published_at_the_same_instant_are_listed_higher_id_first() {
        var sameInstant =
                LocalDateTime.of(2008, 4, 9, 12, 0).atZone(blog.timeZone()).toInstant();
        save("First of the twins", "first-twin", "israel", sameInstant);
        save("Second of the twins", "second-twin", "israel", sameInstant);

        assertThat(paths(service.findPublished(PageRequest.of(0, 10))))
                .containsExactly(
                        BOOKSELLERS, "/2008/04/second-twin", "/2008/04/first-twin", ISRAEL, SEED, IRAN, LEBANON);
        // Paging through the tie neither repeats nor skips a post.
        assertThat(Stream.of(0, 1, 2, 3)
                        .flatMap(page -> paths(service.findPublished(PageRequest.of(page, 2))).stream())
                        .toList())
                .containsExactly(
                        BOOKSELLERS, "/2008/04/second-twin", "/2008/04/first-twin", ISRAEL, SEED, IRAN, LEBANON);
    }

    // --- body rendering ------------------------------------------------------------------------

    @Test
    void script_elements_in_markdown_are_stripped() {
        var body = renderer.render("""
                Before the script.

                <script>alert('stolen cookies')</script>

                Inline <script>document.location='https://evil.example'</script> too.
                """);

        assertThat(body.html()).doesNotContainIgnoringCase("<script").doesNotContain("alert(");
        assertThat(body.html()).doesNotContain("document.location");
        assertThat(Jsoup.parseBodyFragment(body.html()).select("script")).isEmpty();
        assertThat(Jsoup.parseBodyFragment(body.html()).text()).contains("Before the script.");
    }

    @Test
    void event_handler_attributes_in_markdown_are_stripped() {
        var body = renderer.render("""
                <a href="https://example.com/" onclick="steal()">a link</a> and \
                <span onmouseover="steal()">a span</span>

                <div onclick="steal()">a block</div>
                """);

        assertThat(body.html()).doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onmouseover");
        assertThat(body.html()).doesNotContain("steal()");
        var link = Jsoup.parseBodyFragment(body.html()).selectFirst("a");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("https://example.com/");
        assertThat(link.text()).isEqualTo("a link");
    }

    @Test
    void javascript_links_in_markdown_lose_their_target() {
        var body = renderer.render("[click me](javascript:alert(1))");

        assertThat(body.html()).doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void a_greater_than_sign_at_the_start_of_a_line_makes_a_blockquote() {
        var body = renderer.render("""
                She wrote:

                > We have indicated our readiness to participate.
                """);

        var quotes = Jsoup.parseBodyFragment(body.html()).select("blockquote");
        assertThat(quotes).hasSize(1);
        assertThat(quotes.first().text()).isEqualTo("We have indicated our readiness to participate.");
        assertThat(body.source()).contains("> We have indicated");
    }

    @Test
    void the_excerpt_is_the_first_paragraph_as_plain_text() {
        var body = renderer.render("""
                The *first* paragraph.

                > Not this quote.
                """);

        assertThat(body.excerpt()).isEqualTo("The first paragraph.");
    }

    // --- photos and permalinks ---------------------------------------------------------------

    @Test
    @Transactional
    void photo_of_a_post_that_is_not_yet_published_is_not_served() {
        var bytes = DemoImages.draw(DemoImages.Motif.BOOKS, java.awt.Color.GRAY, java.awt.Color.BLACK, 7);
        var original = photoProcessor.renditions(bytes).original();
        var photo = photos.save(new Photo("Embargoed picture", null, null, original.width(), original.height()));
        renditions.save(new PhotoRendition(photo.getId(), PhotoVariant.ORIGINAL, original));
        save("Tomorrow's scoop", "tomorrows-scoop", "iraq", Instant.now().plus(Duration.ofDays(1)), photo);

        assertThat(service.findImage(photo.getId(), PhotoVariant.ORIGINAL)).isEmpty();
    }

    @Test
    @Transactional
    void a_second_post_with_the_same_slug_in_the_same_month_is_refused_by_the_database() {
        var sameMonth =
                LocalDateTime.of(2008, 4, 20, 12, 0).atZone(blog.timeZone()).toInstant();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> save("Copy", SEED_SLUG, "iraq", sameMonth))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    // --- helpers -------------------------------------------------------------------------------

    private Post save(String title, String slug, String categorySlug, Instant publishedAt) {
        return save(title, slug, categorySlug, publishedAt, null);
    }

    private Post save(String title, String slug, String categorySlug, Instant publishedAt, Photo photo) {
        var category = categories.findBySlug(categorySlug).orElseThrow();
        // Written past the editors' service, so the page cache is told here, as that service would tell it.
        pages.forgetAll();
        var post = new Post();
        post.edit(
                title,
                slug,
                category,
                publishedAt,
                blog.timeZone(),
                renderer.render("Body of " + title + "."),
                "Test desk",
                photo,
                false,
                false,
                null);
        return posts.saveAndFlush(post);
    }

    private String path(Instant publishedAt) {
        return path(publishedAt, "tomorrows-scoop");
    }

    private String path(Instant publishedAt, String slug) {
        var zoned = publishedAt.atZone(blog.timeZone());
        return "/%d/%02d/%s".formatted(zoned.getYear(), zoned.getMonthValue(), slug);
    }

    private static List<String> paths(Slice<PostSummary> page) {
        return page.getContent().stream().map(PostSummary::path).toList();
    }
}
