package com.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a comment shows, from what its author typed here or wrote in WordPress. */
class CommentMarkupTest {

    private static String markdown(String typed) {
        return CommentMarkup.render(typed, CommentFormat.MARKDOWN).html();
    }

    private static String wordPress(String content) {
        return CommentMarkup.render(content, CommentFormat.WORDPRESS_HTML).html();
    }

    private static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    @Test
    void a_reader_writes_bold_italic_code_links_and_quotations_in_markdown() {
        var html = markdown("""
                > Stay hungry. Stay foolish.

                That is **not** what the *minister* said; see `Article 5` and [the transcript](https://example.org/t).""");

        assertThat(html)
                .isEqualTo(
                        "<blockquote><p>Stay hungry. Stay foolish.</p></blockquote>"
                                + "<p>That is <strong>not</strong> what the <em>minister</em> said; see <code>Article 5</code>"
                                + " and <a href=\"https://example.org/t\" rel=\"nofollow ugc noopener\">the transcript</a>.</p>");
    }

    @Test
    void underscores_and_nested_quotations_work_as_readers_know_them() {
        var body = body(markdown("__strong__ and _em_\n\n> > quoted twice\n> once"));

        assertThat(body.select("p > strong").text()).isEqualTo("strong");
        assertThat(body.select("p > em").text()).isEqualTo("em");
        assertThat(body.select("blockquote > blockquote").text()).isEqualTo("quoted twice once");
    }

    @Test
    void a_line_break_stays_a_line_break_and_a_blank_line_starts_a_paragraph() {
        assertThat(markdown("First line\nsecond line\n\nNew paragraph"))
                .isEqualTo("<p>First line<br>second line</p><p>New paragraph</p>");
    }

    @Test
    void nothing_else_a_reader_types_becomes_markup() {
        var typed = """
                # Not a heading
                - not a list
                1. not a numbered list

                    not a code block

                ---

                <b>not bold</b> <img src=x onerror=alert(1)> <script>alert(1)</script>""";

        var body = body(markdown(typed));

        assertThat(body.select("*").eachAttr("class")).isEmpty();
        assertThat(body.select("*"))
                .allSatisfy(element -> assertThat(element.tagName()).isIn("body", "p", "br"));
        assertThat(body.text())
                .contains("# Not a heading", "- not a list", "1. not a numbered list", "not a code block", "---")
                .contains("<b>not bold</b> <img src=x onerror=alert(1)> <script>alert(1)</script>");
    }

    @Test
    void an_image_is_never_shown_but_becomes_a_link_to_it() {
        var body = body(markdown("Look: ![the harbour at dawn](https://example.org/harbour.jpg)"));

        assertThat(body.select("img")).isEmpty();
        assertThat(body.select("a")).singleElement().satisfies(link -> {
            assertThat(link.attr("href")).isEqualTo("https://example.org/harbour.jpg");
            assertThat(link.text()).isEqualTo("the harbour at dawn");
            assertThat(link.attr("rel")).isEqualTo(CommentMarkup.LINK_REL);
        });
    }

    @Test
    void links_go_only_to_web_addresses_and_pass_on_no_ranking() {
        var body = body(markdown("[one](javascript:alert(1)) [two](data:text/html,x) [three](/admin) "
                + "[four](www.example.org/a) <https://example.net/b> and http://example.com/c."));

        assertThat(body.select("a").eachAttr("href"))
                .containsExactly("https://www.example.org/a", "https://example.net/b", "http://example.com/c");
        assertThat(body.select("a")).allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener"));
        assertThat(body.text()).startsWith("one two three four");
    }

    @Test
    void web_addresses_in_code_stay_code() {
        assertThat(markdown("`curl https://example.org/x`"))
                .isEqualTo("<p><code>curl https://example.org/x</code></p>");
    }

    @Test
    void the_text_a_reader_reads_and_the_links_are_told_apart_from_the_markup() {
        var shown = CommentMarkup.render(
                "ca**si**no, and [cheap pills](https://pills.example/buy)\n> quoted", CommentFormat.MARKDOWN);

        assertThat(shown.text()).isEqualTo("casino, and cheap pills quoted");
        assertThat(shown.links()).containsExactly("https://pills.example/buy");
    }

    @Test
    void an_empty_or_blank_text_shows_nothing() {
        assertThat(markdown("")).isEmpty();
        assertThat(markdown("  \n\n ")).isEmpty();
        assertThat(wordPress("<p> </p>\n\n")).isEmpty();
    }

    @Test
    void quotations_and_emphasis_nested_thousands_deep_render_and_keep_their_words() {
        for (var shown : java.util.List.of(
                CommentMarkup.render(">".repeat(4_990) + " deep words", CommentFormat.MARKDOWN),
                CommentMarkup.render("**".repeat(2_000) + "bold words" + "**".repeat(2_000), CommentFormat.MARKDOWN),
                CommentMarkup.render(
                        "<blockquote>".repeat(3_000) + "<b>".repeat(3_000) + "deep words",
                        CommentFormat.WORDPRESS_HTML))) {
            var body = body(shown.html());
            assertThat(shown.text()).containsAnyOf("deep words", "bold words");
            assertThat(body.select("*"))
                    .allSatisfy(element ->
                            assertThat(element.parents()).hasSizeLessThanOrEqualTo(CommentMarkup.MAX_NESTING + 3));
        }
    }

    @Test
    void an_excerpt_keeps_the_formatting_and_ends_where_it_was_cut() {
        var shown = CommentMarkup.render(
                "> Quoted first\n\n**Bold words** then *more* and [a link](https://example.org/l) after.",
                CommentFormat.MARKDOWN);

        var cut = CommentMarkup.excerpt(shown, 20);

        assertThat(cut.html())
                .isEqualTo("<blockquote><p>Quoted first</p></blockquote><p><strong>Bold wor…</strong></p>");
        assertThat(cut.links()).isEmpty();
        assertThat(CommentMarkup.excerpt(shown, 1_000)).isSameAs(shown);
        // a character outside the Basic Multilingual Plane is never cut in half
        var emoji = CommentMarkup.render("ab\uD83D\uDE00cd", CommentFormat.MARKDOWN);
        assertThat(CommentMarkup.excerpt(emoji, 3).text()).isEqualTo("ab…");
    }

    // --- imported from WordPress ---------------------------------------------------------------------

    @Test
    void wordpress_comment_tags_become_the_same_elements() {
        var html = wordPress("<b>Bold</b>, <strong>strong</strong>, <i>italic</i>, <em>em</em>, <code>x = 1</code>, "
                + "<del>gone</del> <s>struck</s>, <q>Developers</q> --<cite>Ballmer</cite>, "
                + "<abbr title=\"seriously\">srsly</abbr>, "
                + "<a href=\"https://gravatar.com//\" title=\"Gravatar\" rel=\"nofollow\">Gravatar</a>"
                + "\n<blockquote>Stay hungry. Stay foolish.</blockquote>");

        assertThat(html)
                .isEqualTo("<p><strong>Bold</strong>, <strong>strong</strong>, <em>italic</em>, <em>em</em>,"
                        + " <code>x = 1</code>, <del>gone</del> <del>struck</del>, “Developers” --<em>Ballmer</em>,"
                        + " srsly, <a href=\"https://gravatar.com//\" rel=\"nofollow ugc noopener\">Gravatar</a></p>"
                        + "<blockquote><p>Stay hungry. Stay foolish.</p></blockquote>");
    }

    @Test
    void other_wordpress_markup_keeps_its_words_as_plain_paragraphs() {
        var body = body(wordPress("""
                <h2>Tables</h2>
                <table>
                <tr>
                <th>Employee</th>
                <th class="views">Salary</th>
                </tr>
                <tr><td><a href="http://example.org/" rel="nofollow">John</a></td><td>$1</td></tr></table>
                <ul><li>List item one</li><li>List item two</li></ul>
                H<sub>2</sub>O and <span style="color:red">red</span>"""));

        assertThat(body.children().eachText())
                .containsExactly(
                        "Tables", "Employee Salary", "John $1", "List item one", "List item two", "H2O and red");
        assertThat(body.select("*"))
                .as("the line breaks between cells are the source's layout, not line breaks")
                .allSatisfy(element -> assertThat(element.tagName()).isIn("body", "p", "a"));
        assertThat(body.select("[style], [class]")).isEmpty();
    }

    @Test
    void a_plain_wordpress_comment_stays_plain_with_its_paragraphs_and_line_breaks() {
        assertThat(wordPress("This user is trying to be anonymous.\n\n\n\tThey used a fake email.\n\tAnd no website."))
                .isEqualTo(
                        "<p>This user is trying to be anonymous.</p><p>They used a fake email.<br>And no website.</p>");
        // WordPress shows asterisks and a hash as they are: its comments are not Markdown.
        assertThat(wordPress("*not italic* # not a heading")).isEqualTo("<p>*not italic* # not a heading</p>");
        assertThat(wordPress("Tea &amp; sympathy <3 — “exactly”"))
                .isEqualTo("<p>Tea &amp; sympathy &lt;3 — “exactly”</p>");
    }

    @Test
    void escaped_tags_in_wordpress_stay_text_inside_code() {
        var body = body(wordPress("Use the <code>&lt;s&gt;</code> tag instead."));

        assertThat(body.select("code").text()).isEqualTo("<s>");
        assertThat(body.select("s")).isEmpty();
    }

    @Test
    void hostile_wordpress_markup_is_inert() {
        var body = body(wordPress("""
                <script>alert(1)</script><style>body{display:none}</style>
                <img src=x onerror=alert(1)> <a href="javascript:alert(1)" onclick="alert(2)">click</a>
                <b onmouseover="alert(3)" style="font-size:99px">big</b> <iframe src="https://evil.example"></iframe>
                <a href="hhttps://typo.example/">typo</a> <svg onload=alert(4)><text>svg</text></svg>"""));

        assertThat(body.select("script, style, img, iframe, svg")).isEmpty();
        assertThat(body.select("*"))
                .allSatisfy(element -> assertThat(element.attributes().asList())
                        .allSatisfy(attribute -> assertThat(attribute.getKey()).isIn("href", "rel")));
        assertThat(body.select("a")).as("no link goes anywhere but the web").isEmpty();
        assertThat(body.text()).doesNotContain("alert(1)", "display:none").contains("click", "big", "typo");
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#commentTextArguments")
    void no_hostile_text_typed_or_imported_gives_an_active_element_or_attribute(String hostile) {
        for (var format : CommentFormat.values()) {
            var body = body(CommentMarkup.render(hostile, format).html());

            assertThat(body.select("*")).allSatisfy(element -> {
                assertThat(element.tagName()).isIn("body", "p", "br", "strong", "em", "blockquote", "code", "a", "del");
                assertThat(element.attributes().asList())
                        .allSatisfy(attribute -> assertThat(attribute.getKey()).isIn("href", "rel"));
            });
            assertThat(body.select("a")).allSatisfy(a -> {
                assertThat(a.attr("href").toLowerCase(Locale.ROOT)).matches("https?://.+");
                assertThat(a.attr("rel")).isEqualTo(CommentMarkup.LINK_REL);
            });
        }
    }
}
