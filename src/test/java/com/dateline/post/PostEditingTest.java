package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dateline.base.BlogProperties;
import com.dateline.support.DeclaredSizePng;
import com.dateline.support.MutableClock;
import com.dateline.support.SignIn;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors writing, scheduling and deleting posts, against the real database: every rule of the editor, slug
 * uniqueness, photos checked by their content, sanitised bodies, and what readers see on every route before and
 * after a post's time. Each test runs in a transaction that is rolled back; the clock is moved by hand.
 */
@SpringBootTest
@Transactional
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class PostEditingTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    /** A 1×1 lossless WebP. */
    static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Autowired
    PostEditing editing;

    @Autowired
    PostService readers;

    @Autowired
    BlogProperties blog;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signInAsEditor() {
        clock.set(Instant.now());
        signIn.as("editor@dateline.test");
    }

    // --- saving ----------------------------------------------------------------------------------

    @Test
    void a_new_post_is_stored_with_its_fields_and_a_body_without_script() {
        var id = saveForm(
                form("Spring in Basra", "basra-in-spring", past(), false, """
                The market reopened on Monday.

                > "We have waited for this," a trader said.

                <script>alert(1)</script><img src=x onerror="alert(2)">

                Read [a link](javascript:alert(3)) and [the report](https://example.org/report).
                """).withCategory("Iraq"));

        var loaded = editing.load(id).orElseThrow();
        assertThat(loaded.title()).isEqualTo("Spring in Basra");
        assertThat(loaded.slug()).isEqualTo("basra-in-spring");
        assertThat(loaded.category()).isEqualTo("Iraq");
        assertThat(loaded.byline()).isEqualTo("By Test Editor");
        assertThat(loaded.body()).contains("<script>alert(1)</script>");

        var page = readers.findByPermalink(past().getYear(), past().getMonthValue(), "basra-in-spring")
                .orElseThrow();
        assertThat(page.bodyHtml())
                .contains("<blockquote>")
                .contains("The market reopened on Monday.")
                .contains("<a href=\"https://example.org/report\" rel=\"noopener\">the report</a>")
                .doesNotContain("<script", "onerror", "javascript:", "<img");
    }

    @Test
    void a_slug_is_made_from_the_title() {
        assertThat(Slugs.fromTitle("U.S. and Iran's talk about talks continues"))
                .isEqualTo("us-and-irans-talk-about-talks-continues");
        assertThat(Slugs.fromTitle("  Ça va, Zürich?  ")).isEqualTo("ca-va-zurich");
        assertThat(Slugs.fromTitle("x".repeat(150) + " " + "y".repeat(150))).isEqualTo("x".repeat(150));
    }

    @Test
    void every_broken_rule_is_named_on_its_own_field() {
        var empty = new PostForm(null, 0, " ", "", "", null, "", true, false, "  ", null);

        var problems = catchThrowableOfType(PostRejected.class, () -> editing.save(empty))
                .problems();

        assertThat(problems)
                .containsOnlyKeys(PostForm.TITLE, PostForm.CATEGORY, PostForm.SLUG, PostForm.PUBLISH_AT, PostForm.BODY);
        assertThat(problems.get(PostForm.TITLE)).isEqualTo("Please give a title.");
        assertThat(problems.get(PostForm.PUBLISH_AT)).isEqualTo("Please give a publication date and time.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Not A Slug!", "double--hyphen", "-leading", "trailing-", "ümlaut", "under_score", "sp ace"})
    void a_slug_with_anything_but_lower_case_letters_digits_and_single_hyphens_is_refused(String slug) {
        var problems = catchThrowableOfType(
                        PostRejected.class, () -> saveForm(form("A title", slug, past(), false, "Body.")))
                .problems();

        assertThat(problems).containsOnlyKeys(PostForm.SLUG);
        assertThat(problems.get(PostForm.SLUG)).startsWith("Use only lower-case letters, digits and single hyphens");
    }

    @Test
    void too_long_fields_are_refused_with_their_limits() {
        var tooLong = new PostForm(
                null,
                0,
                "t".repeat(301),
                "c".repeat(81),
                "fine-slug",
                past(),
                "b".repeat(301),
                true,
                false,
                "x".repeat(200_001),
                null);

        var problems = catchThrowableOfType(PostRejected.class, () -> editing.save(tooLong))
                .problems();

        assertThat(problems).containsOnlyKeys(PostForm.TITLE, PostForm.CATEGORY, PostForm.BYLINE, PostForm.BODY);
        assertThat(problems.get(PostForm.TITLE)).isEqualTo("At most 300 characters; this has 301.");
        assertThat(problems.get(PostForm.BODY)).isEqualTo("At most 200,000 characters; this has 200,001.");
    }

    @Test
    void a_slug_is_unique_within_its_month_and_free_in_another_month() {
        var april = LocalDateTime.of(2009, 4, 10, 9, 0);
        var first = saveForm(form("First", "same-words", april, false, "One."));

        var clash = catchThrowableOfType(
                PostRejected.class, () -> saveForm(form("Second", "same-words", april.plusDays(5), false, "Two.")));
        assertThat(clash.problems()).containsOnlyKeys(PostForm.SLUG);
        assertThat(clash.problems().get(PostForm.SLUG)).contains("2009-04").contains("already has this address");

        saveForm(form("Third", "same-words", april.plusMonths(1), false, "Three."));
        var reloaded = editing.load(first).orElseThrow();
        editing.save(new PostForm(
                first,
                reloaded.version(),
                "First, edited",
                reloaded.category(),
                "same-words",
                reloaded.publishAt(),
                "",
                true,
                false,
                "One, edited.",
                null));
        assertThat(editing.load(first).orElseThrow().title()).isEqualTo("First, edited");
    }

    @Test
    void a_save_over_another_editors_newer_save_is_refused() {
        var id = saveForm(form("Shared", "shared-post", past(), true, "Draft."));
        var opened = editing.load(id).orElseThrow();
        editing.save(new PostForm(
                id,
                opened.version(),
                "Saved first",
                "Iraq",
                "shared-post",
                opened.publishAt(),
                "",
                true,
                true,
                "A.",
                null));

        var late = new PostForm(
                id,
                opened.version(),
                "Saved second",
                "Iraq",
                "shared-post",
                opened.publishAt(),
                "",
                true,
                true,
                "B.",
                null);
        var refused = catchThrowableOfType(PostRejected.class, () -> editing.save(late));

        assertThat(refused.problems()).containsOnlyKeys(PostForm.POST);
        assertThat(refused.problems().get(PostForm.POST)).startsWith("Another editor saved this post");
        assertThat(editing.load(id).orElseThrow().title()).isEqualTo("Saved first");
    }

    // --- photos ----------------------------------------------------------------------------------

    @Test
    void jpeg_png_and_webp_photos_are_accepted_with_their_size() {
        assertThat(editing.checkPhoto(image("jpeg", 640, 480)))
                .isEqualTo(new UploadedPhoto("image/jpeg", 640, 480, image("jpeg", 640, 480).length));
        assertThat(editing.checkPhoto(image("png", 30, 20)).contentType()).isEqualTo("image/png");
        assertThat(editing.checkPhoto(WEBP)).isEqualTo(new UploadedPhoto("image/webp", 1, 1, WEBP.length));
    }

    @Test
    void a_text_file_named_like_a_photo_is_refused_by_its_content() {
        var text = "This is not a photo, whatever its name says.".getBytes(StandardCharsets.UTF_8);

        var refused = catchThrowableOfType(PostRejected.class, () -> editing.checkPhoto(text));

        assertThat(refused.problems()).containsEntry(PostForm.PHOTO, "This file is not a JPEG, PNG or WebP image.");
    }

    @Test
    void a_damaged_image_is_refused() {
        var jpeg = image("jpeg", 200, 200);
        var truncated = java.util.Arrays.copyOf(jpeg, 40);

        assertThat(catchThrowableOfType(PostRejected.class, () -> editing.checkPhoto(truncated))
                        .problems())
                .containsEntry(PostForm.PHOTO, "This image is damaged or incomplete and cannot be read.");
    }

    @Test
    void a_small_png_that_declares_12000_by_12000_pixels_is_refused_naming_its_size_and_the_post_is_not_saved() {
        var declaredHuge = DeclaredSizePng.blank(12_000, 12_000);
        assertThat(declaredHuge.length).as("a file an editor's upload takes").isLessThan(1024 * 1024);
        var message =
                "This image is 12,000 × 12,000 pixels; the most we take is 50 megapixels. Please upload a smaller version.";
        var before = jdbc.queryForObject("select count(*) from post", Long.class);

        assertThat(catchThrowableOfType(PostRejected.class, () -> editing.checkPhoto(declaredHuge))
                        .problems())
                .containsEntry(PostForm.PHOTO, message);
        var withIt = form("Declared huge", "declared-huge", past(), false, "Body.")
                .withPhoto(new PostForm.PhotoForm(null, declaredHuge, "Nothing to see", "", ""));
        assertThat(catchThrowableOfType(PostRejected.class, () -> saveForm(withIt))
                        .problems())
                .containsEntry(PostForm.PHOTO, message);
        assertThat(jdbc.queryForObject("select count(*) from post", Long.class)).isEqualTo(before);
    }

    @Test
    void an_oversized_image_is_refused_by_its_header_before_any_pixel_is_read() {
        // These files end before their first row of pixels: a check made after decoding would call them damaged.
        assertThat(catchThrowableOfType(
                                PostRejected.class,
                                () -> editing.checkPhoto(DeclaredSizePng.headerOnly(12_000, 12_000)))
                        .problems())
                .containsEntry(
                        PostForm.PHOTO,
                        "This image is 12,000 × 12,000 pixels; the most we take is 50 megapixels. Please upload a smaller version.");
        assertThat(catchThrowableOfType(
                                PostRejected.class, () -> editing.checkPhoto(DeclaredSizePng.headerOnly(40_000, 1_000)))
                        .problems())
                .containsEntry(
                        PostForm.PHOTO,
                        "This image is 40,000 × 1,000 pixels; the most we take is 20,000 pixels on a side. Please upload a smaller version.");
        assertThat(catchThrowableOfType(
                                PostRejected.class, () -> editing.checkPhoto(DeclaredSizePng.headerOnly(600, 400)))
                        .problems())
                .containsEntry(PostForm.PHOTO, "This image is damaged or incomplete and cannot be read.");
    }

    @Test
    void a_large_photo_within_the_limits_is_stored_whole_with_a_thumbnail_that_fits() {
        var wide = DeclaredSizePng.blank(6_000, 4_000);
        var tall = DeclaredSizePng.blank(1_000, 12_000);
        assertThat(editing.checkPhoto(wide)).isEqualTo(new UploadedPhoto("image/png", 6_000, 4_000, wide.length));

        saveForm(form("Wide photo", "wide-photo", past(), false, "Body.")
                .withPhoto(new PostForm.PhotoForm(null, wide, "A wide view", "", "")));
        saveForm(form("Tall photo", "tall-photo", past(), false, "Body.")
                .withPhoto(new PostForm.PhotoForm(null, tall, "A tall view", "", "")));

        var widePhoto = readers.findByPermalink(past().getYear(), past().getMonthValue(), "wide-photo")
                .orElseThrow()
                .summary()
                .photo();
        var original = readers.findImage(widePhoto.id(), PhotoVariant.ORIGINAL).orElseThrow();
        assertThat(original.bytes()).isEqualTo(wide);
        assertThat(List.of(original.width(), original.height())).containsExactly(6_000, 4_000);
        var wideThumbnail =
                readers.findImage(widePhoto.id(), PhotoVariant.THUMBNAIL).orElseThrow();
        assertThat(List.of(wideThumbnail.width(), wideThumbnail.height())).containsExactly(360, 240);
        assertThat(decodedSize(wideThumbnail.bytes())).containsExactly(360, 240);
        var tallPhoto = readers.findByPermalink(past().getYear(), past().getMonthValue(), "tall-photo")
                .orElseThrow()
                .summary()
                .photo();
        var tallThumbnail =
                readers.findImage(tallPhoto.id(), PhotoVariant.THUMBNAIL).orElseThrow();
        assertThat(decodedSize(tallThumbnail.bytes()))
                .as("a tall image's thumbnail is kept short too")
                .containsExactly(120, 1_440);
    }

    @Test
    void a_photo_over_10_mb_is_refused_and_the_post_is_not_saved() {
        var huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(image("jpeg", 10, 10), 0, huge, 0, 100);
        var before = jdbc.queryForObject("select count(*) from post", Long.class);

        var withHugePhoto = form("Too big", "too-big", past(), false, "Body.")
                .withPhoto(new PostForm.PhotoForm(null, huge, "A crowd", "", ""));
        var refused = catchThrowableOfType(PostRejected.class, () -> saveForm(withHugePhoto));

        assertThat(refused.problems())
                .containsEntry(PostForm.PHOTO, "The photo is larger than 10 MB. Please upload a smaller file.");
        assertThat(jdbc.queryForObject("select count(*) from post", Long.class)).isEqualTo(before);
    }

    @Test
    void a_photo_needs_alt_text_and_is_stored_with_caption_credit_and_a_thumbnail() {
        var noAlt = form("With photo", "with-photo", past(), false, "Body.")
                .withPhoto(new PostForm.PhotoForm(null, image("png", 800, 600), " ", "The square", "Reuters"));
        assertThat(catchThrowableOfType(PostRejected.class, () -> saveForm(noAlt))
                        .problems())
                .containsOnlyKeys(PostForm.ALT_TEXT);

        var id = saveForm(noAlt.withPhoto(
                new PostForm.PhotoForm(null, image("png", 800, 600), "A square at noon", "The square", "Reuters")));

        var summary = readers.findByPermalink(past().getYear(), past().getMonthValue(), "with-photo")
                .orElseThrow()
                .summary();
        var photo = summary.photo();
        assertThat(photo).isNotNull();
        assertThat(photo.altText()).isEqualTo("A square at noon");
        assertThat(photo.caption()).isEqualTo("The square");
        assertThat(photo.credit()).isEqualTo("Reuters");
        assertThat(photo.width()).isEqualTo(800);
        assertThat(readers.findImage(photo.id(), PhotoVariant.ORIGINAL)
                        .orElseThrow()
                        .contentType())
                .isEqualTo("image/png");
        assertThat(readers.findImage(photo.id(), PhotoVariant.THUMBNAIL)
                        .orElseThrow()
                        .width())
                .isEqualTo(PhotoProcessor.THUMBNAIL_WIDTH);
        assertThat(editing.load(id).orElseThrow().photo()).isNotNull();
    }

    // --- what readers see ------------------------------------------------------------------------

    @Test
    void a_scheduled_post_reaches_every_reader_route_only_when_its_time_comes() {
        var at = LocalDateTime.now(blog.timeZone()).plusHours(1).withSecond(0).withNano(0);
        var id = saveForm(form("Scheduled for later", "scheduled-for-later", at, false, "Not yet.")
                .withPhoto(new PostForm.PhotoForm(null, image("jpeg", 400, 300), "Later", "", "")));
        assertThat(editing.statusOf(id)).contains(PostStatus.SCHEDULED);
        var photoId = editing.load(id).orElseThrow().photo().existingId();

        assertInvisible(at, "scheduled-for-later", id, photoId);

        clock.advance(Duration.ofHours(2));

        assertThat(editing.statusOf(id)).contains(PostStatus.PUBLISHED);
        var path = editing.pathOf(id).orElseThrow();
        assertThat(readers.findPublished(PageRequest.of(0, 10)).map(PostSummary::path))
                .contains(path);
        assertThat(readers.findPublishedInCategory("iraq", PageRequest.of(0, 10))
                        .map(PostSummary::path))
                .contains(path);
        assertThat(readers.findByPermalink(at.getYear(), at.getMonthValue(), "scheduled-for-later"))
                .isPresent();
        assertThat(readers.findNewestContent(20))
                .extracting(content -> content.summary().path())
                .contains(path);
        assertThat(readers.findImage(photoId, PhotoVariant.ORIGINAL)).isPresent();
        assertThat(readers.findCommentTarget(id)).isPresent();
        assertThat(readers.findByPermalink(2008, 4, "iraq-baghdads-booksellers-return-to-mutanabbi-street")
                        .orElseThrow()
                        .next())
                .as("the newest demo post now links to it")
                .extracting(PostLink::path)
                .isEqualTo(path);
    }

    @Test
    void a_scheduled_post_cached_as_not_found_is_shown_the_moment_its_time_passes() {
        var at = LocalDateTime.ofInstant(clock.instant(), blog.timeZone())
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .plusMinutes(5);
        var id = saveForm(form("Embargoed until noon", "embargoed-until-noon", at, false, "The news."));
        var newest = "iraq-baghdads-booksellers-return-to-mutanabbi-street";
        // five seconds before: readers get "not found", and the newest post has no "Next Post" yet; both are kept
        clock.set(at.atZone(blog.timeZone()).toInstant().minusSeconds(5));
        assertThat(readers.findByPermalink(at.getYear(), at.getMonthValue(), "embargoed-until-noon"))
                .isEmpty();
        assertThat(readers.findByPermalink(2008, 4, newest).orElseThrow().next())
                .isNull();

        // well within the cache's lifetime, but past the post's time
        clock.advance(Duration.ofSeconds(6));

        assertThat(readers.findByPermalink(at.getYear(), at.getMonthValue(), "embargoed-until-noon"))
                .hasValueSatisfying(post -> assertThat(post.summary().id()).isEqualTo(id));
        assertThat(readers.findByPermalink(2008, 4, newest).orElseThrow().next())
                .extracting(PostLink::path)
                .isEqualTo(editing.pathOf(id).orElseThrow());
    }

    @Test
    void a_draft_is_never_shown_to_readers_even_after_its_time() {
        var at = past();
        var id = saveForm(form("Only a draft", "only-a-draft", at, true, "Unfinished.")
                .withPhoto(new PostForm.PhotoForm(null, image("jpeg", 400, 300), "Draft photo", "", "")));
        var photoId = editing.load(id).orElseThrow().photo().existingId();

        assertThat(editing.statusOf(id)).contains(PostStatus.DRAFT);
        assertThat(editing.list(null, PageRequest.of(0, 50)).map(PostRow::status))
                .contains(PostStatus.DRAFT);
        assertInvisible(at, "only-a-draft", id, photoId);
    }

    @Test
    void a_deleted_post_leaves_every_reader_route_at_once_and_frees_its_address() {
        var at = past();
        var id = saveForm(form("Soon deleted", "soon-deleted", at, false, "Here for now.")
                .withPhoto(new PostForm.PhotoForm(null, image("jpeg", 400, 300), "Gone soon", "", "")));
        var photoId = editing.load(id).orElseThrow().photo().existingId();
        assertThat(readers.findByPermalink(at.getYear(), at.getMonthValue(), "soon-deleted"))
                .isPresent();

        editing.delete(id);

        assertInvisible(at, "soon-deleted", id, photoId);
        assertThat(editing.load(id)).isEmpty();
        assertThat(editing.list(null, PageRequest.of(0, 50)).map(PostRow::id)).doesNotContain(id);
        assertThat(saveForm(form("A new post, same address", "soon-deleted", at, false, "Again.")))
                .isNotEqualTo(id);
    }

    private void assertInvisible(LocalDateTime at, String slug, long id, @Nullable Long photoId) {
        assertThat(readers.findPublished(PageRequest.of(0, 50)).map(PostSummary::title))
                .doesNotContain(titleOf(id));
        assertThat(readers.findPublishedInCategory("iraq", PageRequest.of(0, 50))
                        .map(PostSummary::id))
                .doesNotContain(id);
        assertThat(readers.findByPermalink(at.getYear(), at.getMonthValue(), slug))
                .isEmpty();
        assertThat(readers.findNewestContent(50))
                .extracting(content -> content.summary().id())
                .doesNotContain(id);
        assertThat(readers.findByPermalink(2008, 4, "iraq-baghdads-booksellers-return-to-mutanabbi-street")
                        .orElseThrow()
                        .next())
                .as("no neighbour link leads to it")
                .isNull();
        assertThat(readers.findCommentTarget(id)).isEmpty();
        if (photoId != null) {
            assertThat(readers.findImage(photoId, PhotoVariant.ORIGINAL)).isEmpty();
            assertThat(readers.findImage(photoId, PhotoVariant.THUMBNAIL)).isEmpty();
        }
    }

    private String titleOf(long id) {
        return jdbc.queryForObject("select title from post where id = ?", String.class, id);
    }

    // --- the list and who may use it ---------------------------------------------------------------

    @Test
    void the_list_shows_every_status_and_counts_published_comments_only() {
        var id = saveForm(form("Discussed", "discussed", past(), false, "Talk about it."));
        var author = jdbc.queryForObject("select id from account where email_key = 'reader@dateline.test'", Long.class);
        for (var status : List.of("PUBLISHED", "PUBLISHED", "PENDING", "REJECTED")) {
            jdbc.update("""
                    insert into comment (post_id, author_id, depth, body, status, status_reason, status_changed_at, created_at,
                                         open_reports, spam, version)
                    values (?, ?, 1, 'A comment', ?, 'test', current_timestamp, current_timestamp, 0, false, 0)""", id, author, status);
        }

        var row = editing.list("DISCUSS", PageRequest.of(0, 10)).getContent();

        assertThat(row).singleElement().satisfies(found -> {
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(found.category()).isEqualTo("Iraq");
            assertThat(found.publishedComments()).isEqualTo(2);
        });
    }

    @Test
    void readers_and_moderators_may_not_edit_posts_and_admins_may() {
        for (var outsider : List.of("reader@dateline.test", "moderator@dateline.test")) {
            signIn.as(outsider);
            assertThatThrownBy(() -> editing.list(null, PageRequest.of(0, 10)))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> saveForm(form("Not mine", "not-mine", past(), false, "No.")))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> editing.delete(1L)).isInstanceOf(AuthorizationDeniedException.class);
        }
        signIn.out();
        assertThatThrownBy(() -> editing.list(null, PageRequest.of(0, 10)))
                .isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);

        signIn.as("admin@dateline.test");
        assertThat(saveForm(form("An admin writes", "an-admin-writes", past(), false, "Yes.")))
                .isPositive();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static LocalDateTime past() {
        return LocalDateTime.of(2009, 1, 15, 9, 30);
    }

    private static Form form(String title, String slug, LocalDateTime at, boolean draft, String body) {
        return new Form(new PostForm(null, 0, title, "Iraq", slug, at, "By Test Editor", true, draft, body, null));
    }

    /** A PostForm with small changes, so each test says only what matters to it. */
    record Form(PostForm form) {
        Form withCategory(String category) {
            return new Form(new PostForm(
                    form.id(),
                    form.version(),
                    form.title(),
                    category,
                    form.slug(),
                    form.publishAt(),
                    form.byline(),
                    form.commentsOpen(),
                    form.draft(),
                    form.body(),
                    form.photo()));
        }

        Form withPhoto(PostForm.PhotoForm photo) {
            return new Form(new PostForm(
                    form.id(),
                    form.version(),
                    form.title(),
                    form.category(),
                    form.slug(),
                    form.publishAt(),
                    form.byline(),
                    form.commentsOpen(),
                    form.draft(),
                    form.body(),
                    photo));
        }
    }

    private long saveForm(Form form) {
        return editing.save(form.form());
    }

    private static List<Integer> decodedSize(byte[] bytes) {
        try {
            var image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            return List.of(image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] image(String format, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
