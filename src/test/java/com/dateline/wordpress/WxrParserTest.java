package com.dateline.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading WordPress exports: the fixture's posts and comments, and files that must be refused as a whole. */
class WxrParserTest {

    static final ZoneId BLOG_ZONE = ZoneId.of("America/Los_Angeles");

    private final WxrParser parser = new WxrParser(BLOG_ZONE);

    static byte[] fixture() {
        try (InputStream in = WxrParserTest.class.getResourceAsStream("/wordpress/small-archive.xml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private WxrArchive parse(String xml) {
        return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private WxrArchive parseFixture() {
        return parser.parse(new ByteArrayInputStream(fixture()));
    }

    private static WxrPost post(WxrArchive archive, String title) {
        return archive.posts().stream()
                .filter(post -> post.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    // --- the fixture ----------------------------------------------------------------------------------

    @Test
    void the_fixture_holds_four_posts_and_leaves_out_the_attachment_and_the_trashed_post() {
        var archive = parseFixture();

        assertThat(archive.title()).isEqualTo("Babylon & Beyond (old blog)");
        assertThat(archive.posts())
                .extracting(WxrPost::title)
                .containsExactly(
                        "Tea & sympathy in Basra",
                        "Letters from Tehran",
                        "Notes for a later story",
                        "Coming soon: the Nowruz special");
        assertThat(archive.posts())
                .extracting(WxrPost::status)
                .containsExactly(WxrStatus.PUBLISHED, WxrStatus.PUBLISHED, WxrStatus.DRAFT, WxrStatus.SCHEDULED);
        assertThat(archive.skipped())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Post \"An old mistake\" (line ")
                        .endsWith(": it is in the WordPress trash"));
        assertThat(archive.skipped())
                .anySatisfy(message -> assertThat(message).startsWith("1 item of type \"attachment\": only posts"));
    }

    @Test
    void a_post_has_its_guid_slug_gmt_date_categories_and_raw_content() {
        var basra = post(parseFixture(), "Tea & sympathy in Basra");

        assertThat(basra.guid()).isEqualTo("http://babylon.example.org/?p=101");
        assertThat(basra.slug()).isEqualTo("tea-and-sympathy-in-basra");
        assertThat(basra.publishedAt()).isEqualTo(Instant.parse("2009-03-02T17:30:00Z"));
        // only domain="category" counts; the tag is left out
        assertThat(basra.categories()).containsExactly("Dispatches");
        assertThat(basra.content()).contains("[caption id=\"attachment_55\"").contains("<blockquote>");
        assertThat(basra.commentsClosed()).isFalse();
        assertThat(basra.line()).isPositive();
    }

    @Test
    void a_draft_without_a_gmt_date_takes_its_local_date_in_the_blogs_zone() {
        var draft = post(parseFixture(), "Notes for a later story");

        // 2009-03-10 08:00 in Los Angeles, two days after daylight saving time began (UTC-7)
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2009-03-10T15:00:00Z"));
        assertThat(draft.categories()).isEmpty();
        assertThat(draft.slug()).isEmpty();
    }

    @Test
    void closed_comments_and_a_scheduled_date_are_read() {
        var archive = parseFixture();

        assertThat(post(archive, "Letters from Tehran").commentsClosed()).isTrue();
        assertThat(post(archive, "Coming soon: the Nowruz special").publishedAt())
                .isEqualTo(Instant.parse("2099-03-20T12:00:00Z"));
    }

    @Test
    void comments_keep_file_order_their_parents_and_statuses_without_pingbacks_or_trash() {
        var archive = parseFixture();
        var basra = post(archive, "Tea & sympathy in Basra");

        assertThat(basra.comments()).extracting(WxrComment::id).containsExactly(201L, 202L, 204L, 203L, 205L, 206L);
        assertThat(basra.comments()).extracting(WxrComment::parentId).containsExactly(0L, 201L, 203L, 202L, 0L, 0L);
        assertThat(basra.comments())
                .extracting(WxrComment::approval)
                .containsExactly(
                        WxrComment.Approval.APPROVED,
                        WxrComment.Approval.APPROVED,
                        WxrComment.Approval.APPROVED,
                        WxrComment.Approval.APPROVED,
                        WxrComment.Approval.PENDING,
                        WxrComment.Approval.SPAM);
        assertThat(archive.skipped())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Comment 207 on \"Tea & sympathy in Basra\"")
                        .endsWith(": it is in the WordPress trash"));
        assertThat(archive.skipped())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Comment 208 on \"Tea & sympathy in Basra\"")
                        .endsWith(": a pingback, not a reader comment"));
        assertThat(post(archive, "Letters from Tehran").comments())
                .singleElement()
                .satisfies(comment -> assertThat(comment.author()).isEqualTo("Layla Haddad"));
    }

    @Test
    void comment_fields_are_read_with_xml_entities_decoded_and_the_text_otherwise_as_in_the_file() {
        var first = post(parseFixture(), "Tea & sympathy in Basra").comments().getFirst();

        assertThat(first.author()).isEqualTo("Layla Haddad");
        assertThat(first.email()).isEqualTo("layla@example.org");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2009-03-02T18:05:00Z"));
        assertThat(first.content()).isEqualTo("Tea & sympathy <3 — “exactly” as I remember it.");
    }

    // --- bad items ----------------------------------------------------------------------------------

    @Test
    void an_item_with_an_unreadable_date_or_without_title_and_content_is_skipped_and_named() {
        var archive = parse(wxr("""
                <item><title>Fine</title><guid>g-1</guid><content:encoded>Body</content:encoded>
                  <wp:post_date_gmt>2009-01-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                <item><title>Bad date</title><guid>g-2</guid><content:encoded>Body</content:encoded>
                  <wp:post_date_gmt>the first of January</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                <item><title></title><guid>g-3</guid><content:encoded></content:encoded>
                  <wp:post_date_gmt>2009-01-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                """));

        assertThat(archive.posts()).extracting(WxrPost::guid).containsExactly("g-1");
        assertThat(archive.skipped())
                .containsExactly(
                        "Post \"Bad date\" (line 7): its date \"the first of January\" cannot be read",
                        "Untitled post (line 9): it has neither a title nor any content");
    }

    // --- refused files ------------------------------------------------------------------------------

    @Test
    void a_file_that_is_not_xml_is_refused_with_its_line() {
        assertThatThrownBy(() -> parse("Title,Date\nTea and sympathy,2009-03-02\n"))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("This file is not XML, so it is not a WordPress export (line 1, column 1")
                .hasMessageContaining("Tools → Export → All content");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(WxrRejected.class)
                .hasMessageContaining("not a WordPress export");
    }

    @Test
    void a_truncated_export_is_refused_as_damaged_with_the_line_where_it_breaks() {
        var whole = new String(fixture(), StandardCharsets.UTF_8);
        var cut = whole.substring(0, whole.indexOf("Letters from Tehran") + 5);
        var lines = (int) cut.lines().count();

        assertThatThrownBy(() -> parse(cut))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("The file is damaged or incomplete")
                .hasMessageContaining("line " + lines)
                .satisfies(refused -> assertThat(((WxrRejected) refused).line()).isEqualTo(lines));
    }

    @Test
    void an_rss_feed_that_is_not_a_wordpress_export_is_refused() {
        var feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>A news feed</title><link>http://news.example.org</link>
                <item><title>Headline</title><guid>http://news.example.org/1</guid>
                  <pubDate>Mon, 02 Mar 2009 17:30:00 +0000</pubDate><content:encoded>Text</content:encoded></item>
                </channel></rss>
                """;

        assertThatThrownBy(() -> parse(feed))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("This is an RSS feed, not a WordPress export");
    }

    @Test
    void xml_that_is_not_rss_is_refused() {
        assertThatThrownBy(() -> parse(
                        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>"))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("This is XML, but not a WordPress export: it starts with <feed>");
    }

    @Test
    void a_file_with_an_external_entity_is_refused_without_reading_what_it_points_at(@TempDir Path dir)
            throws IOException {
        var secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        var hostile =
                wxr("""
                <item><title>&xxe;</title><guid>g-1</guid><content:encoded>&xxe;</content:encoded>
                  <wp:post_date_gmt>2009-01-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status></item>
                """).replace("<rss ", "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n<rss ");

        assertThatThrownBy(() -> parse(hostile))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("The file declares a document type (<!DOCTYPE …>) at line 2")
                .message()
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void an_entity_expansion_bomb_is_refused() {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++) {
            var previous = i == 1 ? "lol" : "lol" + (i - 1);
            entities.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(String.join("", java.util.Collections.nCopies(10, "&" + previous + ";")))
                    .append("\">");
        }
        var bomb = wxr("<item><title>&lol9;</title><guid>g</guid><wp:status>publish</wp:status></item>")
                .replace("<rss ", "<!DOCTYPE rss [" + entities + "]>\n<rss ");

        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(WxrRejected.class).hasMessageContaining("document type");
    }

    @Test
    void wxr_1_1_and_1_0_namespaces_are_read_too() {
        for (var version : Arrays.asList("1.0", "1.1")) {
            var archive = parse(wxr("""
                    <item><title>Old</title><guid>g-old</guid><content:encoded>Body</content:encoded>
                      <wp:post_date_gmt>2007-06-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                    """).replace("export/1.2/", "export/" + version + "/"));

            assertThat(archive.posts()).extracting(WxrPost::title).containsExactly("Old");
        }
    }

    /** A minimal WXR 1.2 file around the given items; the first item starts on line 5. */
    static String wxr(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Test</title><wp:wxr_version>1.2</wp:wxr_version>
                <link>http://test.example.org</link>
                """ + items + "</channel></rss>\n";
    }
}
