package com.dateline.wordpress;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.EDITOR;
import static com.dateline.support.Demo.MODERATOR;
import static com.dateline.support.Demo.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.account.AccountService;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentView;
import com.dateline.post.PostService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Importing a WordPress export end to end, against the stored rows and what readers then see. Every test imports
 * with GUIDs of its own and removes what it added (see {@link ImportTestSupport}).
 */
@SpringBootTest
class WordPressImportTest {

    @RegisterExtension
    final ImportTestSupport support = new ImportTestSupport();

    @Autowired
    WordPressImport wordPress;

    @Autowired
    PostService posts;

    @Autowired
    CommentService comments;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        support.signIn().as(ADMIN);
    }

    private ImportReport importFile(byte[] file) {
        return wordPress.importFile(new ByteArrayInputStream(file), ProgressListener.none());
    }

    private ImportReport importFixture() {
        return importFile(support.fixture());
    }

    /** The stored post of a fixture item, by its WordPress id. */
    private Map<String, Object> post(int wordPressId) {
        return jdbc.queryForMap("""
                select p.id, p.title, p.slug, p.slug_month, p.draft, p.published_at, p.comments_closed, p.body_html, p.body_source,
                       c.name as category
                from post p join category c on c.id = p.category_id where p.import_key = ?""", support.guid(wordPressId));
    }

    /** The stored comments of a fixture post, by WordPress comment id. */
    private Map<Long, Map<String, Object>> comments(int wordPressPostId) {
        var guid = support.guid(wordPressPostId);
        var rows = jdbc.queryForList("""
                select c.import_key, c.status, c.spam, c.depth, c.body, c.created_at, c.author_id, parent.import_key as parent_key
                from comment c left join comment parent on parent.id = c.parent_id
                where c.import_key like ?""", guid + "#%");
        var byId = new HashMap<Long, Map<String, Object>>();
        rows.forEach(row ->
                byId.put(Long.parseLong(((String) row.get("import_key")).substring(guid.length() + 1)), row));
        return byId;
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof java.time.OffsetDateTime offset
                ? offset.toInstant()
                : ((Timestamp) timestamp).toInstant();
    }

    // --- posts ------------------------------------------------------------------------------------------

    @Test
    void importing_the_fixture_adds_its_posts_and_comments_and_names_what_it_left_out() {
        var progress = new ArrayList<String>();

        var report = wordPress.importFile(
                new ByteArrayInputStream(support.fixture()), (done, total) -> progress.add(done + "/" + total));

        assertThat(report.postsAdded()).isEqualTo(4);
        assertThat(report.postsAlreadyThere()).isZero();
        assertThat(report.commentsAdded()).isEqualTo(7);
        assertThat(report.commentsAlreadyThere()).isZero();
        assertThat(report.skipped())
                .hasSize(4)
                .anySatisfy(message ->
                        assertThat(message).contains("An old mistake").endsWith("trash"))
                .anySatisfy(message ->
                        assertThat(message).startsWith("Comment 207 ").endsWith("trash"))
                .anySatisfy(message ->
                        assertThat(message).startsWith("Comment 208 ").endsWith("a pingback, not a reader comment"))
                .anySatisfy(message -> assertThat(message).contains("\"attachment\""));
        assertThat(report.notes()).isEmpty();
        assertThat(progress).containsExactly("0/4", "1/4", "2/4", "3/4", "4/4");
    }

    @Test
    void published_posts_keep_their_date_slug_and_category_and_readers_find_them() {
        importFixture();

        var basra = post(101);
        assertThat(basra.get("title")).isEqualTo("Tea & sympathy in Basra");
        assertThat(basra.get("slug")).isEqualTo("tea-and-sympathy-in-basra");
        assertThat(basra.get("category")).isEqualTo("Dispatches");
        assertThat(basra.get("draft")).isEqualTo(false);
        assertThat(instant(basra.get("published_at"))).isEqualTo(Instant.parse("2009-03-02T17:30:00Z"));
        var tehran = post(102);
        assertThat(tehran.get("category")).isEqualTo("Iran Desk");
        assertThat(tehran.get("comments_closed")).isEqualTo(true);

        var page = posts.findByPermalink(2009, 3, "tea-and-sympathy-in-basra").orElseThrow();
        assertThat(page.summary().headline()).isEqualTo("DISPATCHES: Tea & sympathy in Basra");
        assertThat(page.summary().excerpt()).startsWith("The tea houses of Basra reopened this week");
        assertThat(posts.findPublishedInCategory("iran-desk", org.springframework.data.domain.PageRequest.of(0, 10))
                        .getContent())
                .extracting(summary -> summary.title())
                .containsExactly("Letters from Tehran");
    }

    @Test
    void a_draft_stays_a_draft_and_a_future_post_waits_for_its_date() {
        importFixture();

        var draft = post(103);
        assertThat(draft.get("draft")).isEqualTo(true);
        assertThat(draft.get("slug")).isEqualTo("notes-for-a-later-story");
        assertThat(draft.get("category")).isEqualTo("Uncategorized");
        assertThat(instant(draft.get("published_at"))).isEqualTo(Instant.parse("2009-03-10T15:00:00Z"));
        assertThat(posts.findByPermalink(2009, 3, "notes-for-a-later-story")).isEmpty();

        var scheduled = post(104);
        assertThat(scheduled.get("draft")).isEqualTo(false);
        assertThat(instant(scheduled.get("published_at"))).isEqualTo(Instant.parse("2099-03-20T12:00:00Z"));
        assertThat(posts.findByPermalink(2099, 3, "coming-soon-the-nowruz-special"))
                .isEmpty();
    }

    @Test
    void the_body_keeps_the_caption_text_and_loses_the_images_shortcodes_scripts_and_event_handlers() {
        importFixture();

        var basra = Jsoup.parseBodyFragment((String) post(101).get("body_html")).body();
        assertThat(basra.select("figure > figcaption").text())
                .isEqualTo("A tea house on the Shatt al-Arab, March 2009.");
        assertThat(basra.select("img")).isEmpty();
        assertThat(basra.select("blockquote").text())
                .isEqualTo("Peace is a cup of tea that nobody has to taste first.");
        assertThat(basra.select("p").eachText())
                .contains(
                        "\"We never really closed,\" said the owner. He poured another glass.",
                        "Our correspondent adds [sic] where the sign-writer erred.");
        assertThat(basra.select("p br")).hasSize(1);
        assertThat(basra.text())
                .doesNotContain("[caption")
                .doesNotContain("[gallery")
                .doesNotContain("teahouse");

        var tehran = (String) post(102).get("body_html");
        assertThat(tehran)
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("alert")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContain("javascript:")
                .doesNotContain("steal");
        assertThat(Jsoup.parseBodyFragment(tehran).text())
                .contains("Click to read the letters.")
                .contains("The full list is with the desk.");
    }

    // --- comments ------------------------------------------------------------------------------------

    @Test
    void comments_keep_their_status_spam_flag_date_and_exact_text_without_trash_or_pingbacks() {
        importFixture();

        var basra = comments(101);
        assertThat(basra.keySet()).containsExactlyInAnyOrder(201L, 202L, 203L, 204L, 205L, 206L);
        assertThat(basra.get(201L).get("status")).isEqualTo("PUBLISHED");
        assertThat(basra.get(201L).get("body")).isEqualTo("Tea & sympathy <3 — “exactly” as I remember it.");
        assertThat(instant(basra.get(201L).get("created_at"))).isEqualTo(Instant.parse("2009-03-02T18:05:00Z"));
        assertThat(basra.get(205L).get("status")).isEqualTo("PENDING");
        assertThat(basra.get(206L).get("status")).isEqualTo("REJECTED");
        assertThat(basra.get(206L).get("spam")).isEqualTo(true);
        assertThat(basra.get(201L).get("spam")).isEqualTo(false);
        assertThat(comments(102).keySet()).containsExactly(211L);
    }

    @Test
    void replies_are_threaded_even_when_the_file_lists_a_reply_before_its_parent_and_stop_deepening_at_three() {
        importFixture();

        var basra = comments(101);
        var key = support.guid(101) + "#";
        assertThat(basra.get(201L).get("parent_key")).isNull();
        assertThat(basra.get(202L).get("parent_key")).isEqualTo(key + 201);
        assertThat(basra.get(203L).get("parent_key")).isEqualTo(key + 202);
        assertThat(basra.get(204L).get("parent_key")).isEqualTo(key + 203);
        assertThat(List.of(201L, 202L, 203L, 204L))
                .extracting(id -> basra.get(id).get("depth"))
                .containsExactly(1, 2, 3, 3);

        // what a reader sees: the four published comments, in one thread, oldest first
        support.signIn().out();
        var thread = comments.thread(((Number) post(101).get("id")).longValue(), false, 50);
        assertThat(thread.publishedCount()).isEqualTo(4);
        assertThat(thread.comments())
                .extracting(CommentView::text)
                .containsExactly(
                        "Tea & sympathy <3 — “exactly” as I remember it.",
                        "Was the one by the river open too?",
                        "It was, until the curfew.",
                        "Then we shall meet there next spring.");
        assertThat(thread.comments())
                .extracting(CommentView::authorName)
                .containsExactly("Layla Haddad", "Sam the Reader", "Omar Khalil", "Layla Haddad");
    }

    @Test
    void every_commenter_becomes_an_imported_author_who_cannot_sign_in_even_with_a_members_e_mail() {
        importFixture();

        var basra = comments(101);
        var member = accounts.findAccountId(READER).orElseThrow();
        // comment 202 gives the demo reader's e-mail, which WordPress never verified
        var sam = (Long) basra.get(202L).get("author_id");
        assertThat(sam).isNotEqualTo(member);
        assertThat(jdbc.queryForObject(
                        "select count(*) from comment where author_id = ? and import_key is not null",
                        Long.class,
                        member))
                .isZero();

        var layla = (Long) basra.get(201L).get("author_id");
        assertThat(basra.get(204L).get("author_id")).isEqualTo(layla);
        assertThat(comments(102).get(211L).get("author_id")).isEqualTo(layla);
        assertThat(basra.get(203L).get("author_id"))
                .isNotEqualTo(layla)
                .isNotEqualTo(member)
                .isNotEqualTo(sam);
        for (var author : List.of(layla, sam)) {
            var account = jdbc.queryForMap("select email, imported, role from account where id = ?", author);
            assertThat(account.get("imported")).isEqualTo(true);
            assertThat((String) account.get("email")).matches("imported-[0-9a-f]{16}@import\\.invalid");
            assertThatThrownBy(() -> users.loadUserByUsername((String) account.get("email")))
                    .isInstanceOf(UsernameNotFoundException.class);
        }
        assertThat(jdbc.queryForObject("select display_name from account where id = ?", String.class, sam))
                .isEqualTo("Sam the Reader");
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where display_name = 'Layla Haddad' and imported = true",
                        Long.class))
                .isEqualTo(1);
    }

    @Test
    void
            a_comment_signed_with_the_editors_e_mail_is_shown_under_its_wordpress_name_and_never_reaches_the_editors_account() {
        var file = support.ofThisRun(WxrParserTest.wxr("""
                <item><title>Borrowed name</title><guid>http://babylon.example.org/?p=501</guid><content:encoded>Text.</content:encoded>
                  <wp:post_date_gmt>2009-06-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Not Really Staff</wp:comment_author>
                    <wp:comment_author_email> Editor@Dateline.TEST </wp:comment_author_email>
                    <wp:comment_date_gmt>2009-06-01 11:00:00</wp:comment_date_gmt><wp:comment_content>Official: the paper retracts everything.</wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved></wp:comment></item>
                """));
        var editor = accounts.findAccountId(EDITOR).orElseThrow();
        var editorName = accounts.displayNames(List.of(editor)).get(editor);

        assertThat(importFile(file).commentsAdded()).isEqualTo(1);

        support.signIn().out();
        var thread = comments.thread(((Number) post(501).get("id")).longValue(), false, 50);
        assertThat(thread.comments()).singleElement().satisfies(comment -> {
            assertThat(comment.text()).isEqualTo("Official: the paper retracts everything.");
            assertThat(comment.authorName()).isEqualTo("Not Really Staff").isNotEqualTo(editorName);
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from comment where author_id = ? and import_key like ?",
                        Long.class,
                        editor,
                        support.guid(501) + "#%"))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select imported from account where id = ?",
                        Boolean.class,
                        comments(501).get(1L).get("author_id")))
                .isTrue();
    }

    // --- a second time -----------------------------------------------------------------------------

    @Test
    void importing_the_same_file_again_adds_nothing_and_reports_it_all_as_already_there() {
        importFixture();
        var counts = support.rowCounts();

        var again = importFixture();

        assertThat(again.postsAdded()).isZero();
        assertThat(again.postsAlreadyThere()).isEqualTo(4);
        assertThat(again.commentsAdded()).isZero();
        assertThat(again.commentsAlreadyThere()).isEqualTo(7);
        assertThat(support.rowCounts()).isEqualTo(counts);
        assertThat(jdbc.queryForObject(
                        "select count(*) from post where slug like 'tea-and-sympathy-in-basra%'", Long.class))
                .isEqualTo(1);
    }

    // --- bad items and bad files -----------------------------------------------------------------------

    @Test
    void a_file_with_bad_items_imports_the_rest_and_reports_each_bad_one() {
        var longTitle = "Long ".repeat(70);
        var file = support.ofThisRun(WxrParserTest.wxr("""
                <item><title>Good one</title><guid>http://babylon.example.org/?p=301</guid><content:encoded>Fine.</content:encoded>
                  <wp:post_date_gmt>2009-04-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Orphan</wp:comment_author>
                    <wp:comment_date_gmt>2009-04-01 11:00:00</wp:comment_date_gmt><wp:comment_content>My parent is gone.</wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>999</wp:comment_parent></wp:comment>
                  <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Verbose</wp:comment_author>
                    <wp:comment_date_gmt>2009-04-01 12:00:00</wp:comment_date_gmt><wp:comment_content>%s</wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved></wp:comment>
                  <wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Bad Date</wp:comment_author>
                    <wp:comment_date_gmt>yesterday</wp:comment_date_gmt><wp:comment_content>When?</wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved></wp:comment></item>
                <item><title>Undated</title><guid>http://babylon.example.org/?p=302</guid><content:encoded>Text.</content:encoded>
                  <wp:post_date_gmt>sometime in 2009</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                <item><title></title><guid>http://babylon.example.org/?p=303</guid><content:encoded> </content:encoded>
                  <wp:post_date_gmt>2009-04-02 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                <item><title>%s</title><guid>http://babylon.example.org/?p=304</guid><content:encoded>Text.</content:encoded>
                  <wp:post_date_gmt>2009-04-03 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                """.formatted("word ".repeat(4_001), longTitle)));

        var report = importFile(file);

        assertThat(report.postsAdded()).isEqualTo(1);
        assertThat(report.commentsAdded()).isEqualTo(1);
        assertThat(report.skipped())
                .hasSize(5)
                .anySatisfy(message -> assertThat(message)
                        .isEqualTo("Post \"Undated\" (line 16): its date \"sometime in 2009\" cannot be read"))
                .anySatisfy(message -> assertThat(message)
                        .isEqualTo("Untitled post (line 18): it has neither a title nor any content"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Comment 3 on \"Good one\"")
                        .endsWith("its date \"yesterday\" cannot be read"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Comment 2 on \"Good one\"")
                        .endsWith("It is longer than 20,000 characters."))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("Post \"Long Long")
                        .endsWith("Its title is longer than 300 characters."));
        assertThat(report.notes())
                .singleElement()
                .satisfies(note -> assertThat(note)
                        .startsWith("Comment 1 on \"Good one\"")
                        .contains("(999)")
                        .endsWith("imported as a top-level comment"));
        var orphan = comments(301).get(1L);
        assertThat(orphan.get("parent_key")).isNull();
        assertThat(orphan.get("depth")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from post where import_key like ?", Long.class, "%?p=" + support.run + "-30%"))
                .isEqualTo(1);
    }

    @Test
    void characters_no_page_can_show_skip_their_item_with_the_reason_and_markup_arrives_as_plain_text() {
        // XML 1.0 lets C1 control characters and non-characters such as U+FDD0 through; the import must not.
        var hostile = "<script>alert(1)</script> '; DROP TABLE comment; -- invoice\u202Etxt.exe "
                + "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        var file = support.ofThisRun(WxrParserTest.wxr("""
                <item><title>Control&#x85;title</title><guid>http://babylon.example.org/?p=401</guid><content:encoded>Text.</content:encoded>
                  <wp:post_date_gmt>2009-05-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                <item><title>Hostile comments</title><guid>http://babylon.example.org/?p=402</guid><content:encoded>Text.</content:encoded>
                  <wp:post_date_gmt>2009-05-02 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Escape</wp:comment_author>
                    <wp:comment_date_gmt>2009-05-02 11:00:00</wp:comment_date_gmt><wp:comment_content>Before&#x9B;2J after</wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved></wp:comment>
                  <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Markup</wp:comment_author>
                    <wp:comment_date_gmt>2009-05-02 12:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[%s]]></wp:comment_content>
                    <wp:comment_approved>1</wp:comment_approved></wp:comment></item>
                <item><title>Odd body</title><guid>http://babylon.example.org/?p=403</guid><content:encoded>Mid&#xFDD0;dle</content:encoded>
                  <wp:post_date_gmt>2009-05-03 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                """.formatted(hostile)));

        var report = importFile(file);

        assertThat(report.postsAdded()).isEqualTo(1);
        assertThat(report.commentsAdded()).isEqualTo(1);
        assertThat(report.skipped())
                .hasSize(3)
                .anySatisfy(
                        message -> assertThat(message)
                                .startsWith("Post \"Control")
                                .endsWith(
                                        "Its title contains a character that cannot be shown: U+0085 (a control character) at character 8. Please remove it."))
                .anySatisfy(
                        message -> assertThat(message)
                                .startsWith("Comment 1 on \"Hostile comments\"")
                                .endsWith(
                                        "It contains a character that cannot be shown: U+009B (a control character) at character 7. Please remove it."))
                .anySatisfy(
                        message -> assertThat(message)
                                .startsWith("Post \"Odd body\"")
                                .endsWith(
                                        "Its text contains a character that cannot be shown: U+FDD0 (a non-character) at character 4. Please remove it."));
        assertThat(comments(402).get(2L).get("body")).isEqualTo(hostile);
        assertThat(comments(402)).doesNotContainKey(1L);
        assertThat(jdbc.queryForObject(
                        "select count(*) from post where import_key like ?", Long.class, "%?p=" + support.run + "-40%"))
                .isEqualTo(1);
    }

    @Test
    void a_truncated_file_is_refused_and_changes_nothing() {
        var whole = new String(support.fixture(), StandardCharsets.UTF_8);
        var truncated = whole.substring(0, whole.indexOf("<title><![CDATA[Notes for a later story"));
        var before = support.rowCounts();
        var progress = new ArrayList<String>();

        assertThatThrownBy(() -> wordPress.importFile(
                        new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)),
                        (done, total) -> progress.add(done + "/" + total)))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("The file is damaged or incomplete");

        assertThat(support.rowCounts()).isEqualTo(before);
        assertThat(progress).isEmpty();
    }

    @Test
    void a_file_that_is_not_xml_is_refused_and_changes_nothing() {
        var before = support.rowCounts();

        assertThatThrownBy(() -> importFile("%PDF-1.4 not an export".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WxrRejected.class)
                .hasMessageStartingWith("This file is not XML");

        assertThat(support.rowCounts()).isEqualTo(before);
    }

    // --- access -------------------------------------------------------------------------------------

    @Test
    void only_an_admin_may_import_a_moderator_and_an_editor_are_refused() {
        var before = support.rowCounts();
        for (var email : List.of(MODERATOR, EDITOR, READER)) {
            support.signIn().as(email);

            assertThatThrownBy(this::importFixture).as(email).isInstanceOf(AccessDeniedException.class);
        }
        support.signIn().out();
        assertThatThrownBy(this::importFixture)
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        assertThat(support.rowCounts()).isEqualTo(before);
    }
}
