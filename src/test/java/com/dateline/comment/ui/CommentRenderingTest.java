package com.dateline.comment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.comment.CommentFormat;
import com.dateline.comment.CommentMarkup;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.CommentView;
import com.dateline.support.HostileInput;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile comment texts, typed or imported, render inert: the HTML a comment becomes holds paragraphs, quotations,
 * emphasis, inline code and links that pass on no ranking, and nothing else, whatever its author wrote.
 */
class CommentRenderingTest {

    private static final Pattern HTML_WHITESPACE = Pattern.compile("[ \\t\\n\\f\\r]+");
    private static final String REL = "nofollow ugc noopener";

    private static final BlogTime TIME =
            new BlogTime(new BlogProperties("Babylon & Beyond", "tagline", ZoneId.of("America/Los_Angeles"), null));

    /** The way a browser sees it: the server's HTML parsed again. */
    private static Document parse(Element element) {
        return Jsoup.parseBodyFragment(element.getOuterHTML());
    }

    /** Whitespace as HTML collapses it. */
    private static String collapsed(String text) {
        return HTML_WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static final Set<String> SHOWN_TAGS =
            Set.of("div", "p", "br", "strong", "em", "blockquote", "code", "a", "del");

    private static Div shown(String text, CommentFormat format) {
        return CommentParts.text(CommentMarkup.render(text, format));
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#commentTextArguments")
    void typed_or_imported_the_text_renders_as_shown_elements_and_safe_links_only(String hostile) {
        for (var format : CommentFormat.values()) {
            var text = shown(hostile, format);

            var html = text.getElement().getOuterHTML();
            var body = parse(text.getElement()).body();
            assertThat(body.children()).as(html).hasSize(1);
            var container = body.child(0);
            assertThat(container.tagName()).isEqualTo("div");
            assertThat(container.attributes().asList())
                    .extracting(attribute -> attribute.getKey())
                    .containsOnly("class", "dir");
            assertThat(container.attr("dir")).isEqualTo("auto");
            assertThat(container.select("*")).as(html).allSatisfy(element -> {
                assertThat(element.tagName()).isIn(SHOWN_TAGS);
                if (element != container) {
                    assertThat(element.attributes().asList())
                            .extracting(attribute -> attribute.getKey())
                            .as(html)
                            .isSubsetOf("href", "rel");
                }
            });
            assertThat(container.children())
                    .as("only paragraphs and quotations at the top: %s", html)
                    .allSatisfy(block -> assertThat(block.tagName()).isIn("p", "blockquote"));
            var links = container.select("a");
            assertThat(links).as(html).allSatisfy(a -> {
                assertThat(a.attributes().asList())
                        .extracting(attribute -> attribute.getKey())
                        .containsOnly("href", "rel");
                assertThat(a.attr("href").toLowerCase(Locale.ROOT)).matches("https?://.+");
                assertThat(a.attr("rel")).isEqualTo(REL);
            });
            assertThat(links)
                    .extracting(a -> a.attr("href"))
                    .isEqualTo(CommentMarkup.render(hostile, format).links());
        }
    }

    @Test
    void a_web_address_becomes_a_link_with_the_address_as_its_text() {
        var body = parse(shown("Read www.example.org/beirut and https://example.net/x?a=1&b=2.", CommentFormat.MARKDOWN)
                        .getElement())
                .body();

        var links = body.select("a");
        assertThat(links)
                .extracting(a -> a.attr("href"))
                .containsExactly("https://www.example.org/beirut", "https://example.net/x?a=1&b=2");
        assertThat(links)
                .extracting(a -> a.text())
                .containsExactly("www.example.org/beirut", "https://example.net/x?a=1&b=2");
        assertThat(links).allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo(REL));
        assertThat(body.text()).isEqualTo("Read www.example.org/beirut and https://example.net/x?a=1&b=2.");
    }

    @Test
    void a_script_tag_is_escaped_in_the_html() {
        var html = shown("<script>alert(1)</script>", CommentFormat.MARKDOWN)
                .getElement()
                .getOuterHTML();

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void right_to_left_text_gets_its_own_direction() {
        var body = parse(shown("مرحبا بكم في بيروت", CommentFormat.MARKDOWN).getElement())
                .body();

        assertThat(body.child(0).attr("dir")).isEqualTo("auto");
    }

    private static CommentView view(String author, String text, CommentStatus status) {
        return new CommentView(
                7L,
                null,
                2,
                11L,
                author,
                Instant.parse("2008-04-07T17:10:00Z"),
                null,
                text,
                CommentFormat.MARKDOWN,
                status,
                true,
                true,
                false,
                null);
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#commentTextArguments")
    void a_whole_comment_with_a_hostile_author_name_and_text_holds_no_active_markup(String hostile) {
        var article = CommentParts.article(view("<img src=x onerror=alert(1)>", hostile, CommentStatus.PENDING), TIME);

        var body = parse(article.getElement()).body();
        assertThat(body.select("*")).allSatisfy(element -> {
            assertThat(element.tagName())
                    .isIn(
                            "body",
                            "article",
                            "header",
                            "span",
                            "time",
                            "p",
                            "a",
                            "div",
                            "br",
                            "strong",
                            "em",
                            "blockquote",
                            "code");
            assertThat(element.attributes().asList())
                    .allSatisfy(attribute -> assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on"));
        });
        assertThat(body.selectFirst(".comment-author").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(body.selectFirst("span.comment-pending").text()).isEqualTo("Awaiting moderation");
        assertThat(body.selectFirst("time").attr("datetime")).isEqualTo("2008-04-07T10:10:00-07:00");
        assertThat(collapsed(body.selectFirst("div.comment-text").text()))
                .isEqualTo(collapsed(
                        CommentMarkup.render(hostile, CommentFormat.MARKDOWN).text()));
    }

    @Test
    void a_deleted_comment_shows_no_text_and_no_author() {
        var article = CommentParts.article(
                new CommentView(
                        8L,
                        null,
                        1,
                        11L,
                        "",
                        Instant.parse("2008-04-07T17:10:00Z"),
                        null,
                        "",
                        CommentFormat.MARKDOWN,
                        CommentStatus.DELETED,
                        false,
                        false,
                        true,
                        null),
                TIME);

        var body = parse(article.getElement()).body();
        assertThat(body.text()).isEqualTo("Comment deleted by its author");
        assertThat(body.select("time, .comment-author")).isEmpty();
    }

    private static CommentView rejectedWithNote(String text, String note) {
        return new CommentView(
                9L,
                null,
                1,
                11L,
                "Rejected Author",
                Instant.parse("2008-04-07T17:10:00Z"),
                null,
                text,
                CommentFormat.MARKDOWN,
                CommentStatus.REJECTED,
                true,
                false,
                false,
                note);
    }

    @Test
    void the_author_of_a_rejected_comment_reads_the_moderators_note_under_it() {
        var body = parse(CommentParts.article(
                                rejectedWithNote("My first draft", "Please keep to the topic of the post."), TIME)
                        .getElement())
                .body();

        var note = body.selectFirst("article > p.comment-note");
        assertThat(note).as(body.html()).isNotNull();
        assertThat(note.text()).isEqualTo("Moderator's note: Please keep to the topic of the post.");
        assertThat(note.elementSiblingIndex())
                .as("after the comment's text")
                .isGreaterThan(body.selectFirst("article > div.comment-text").elementSiblingIndex());
        assertThat(body.selectFirst("span.comment-rejected").text()).isEqualTo("Not published");

        // without a reason there is no note at all
        var withoutNote = parse(
                        CommentParts.article(view("Rejected Author", "My first draft", CommentStatus.REJECTED), TIME)
                                .getElement())
                .body();
        assertThat(withoutNote.select(".comment-note")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#commentTextArguments")
    void a_hostile_moderators_note_renders_as_inert_text(String hostile) {
        var article = CommentParts.article(rejectedWithNote("A harmless comment", hostile), TIME);

        var html = article.getElement().getOuterHTML();
        var body = parse(article.getElement()).body();
        assertThat(body.select("*")).as(html).allSatisfy(element -> {
            assertThat(element.tagName()).isIn("body", "article", "header", "span", "time", "p", "div");
            assertThat(element.attributes().asList())
                    .allSatisfy(attribute -> assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on"));
        });
        var notes = body.select("p.comment-note");
        assertThat(notes).as(html).hasSize(1);
        var note = notes.getFirst();
        // the label in its own span, then the moderator's words as text in a span of their own direction, nothing else
        assertThat(note.children()).hasSize(2);
        assertThat(note.child(0).tagName()).isEqualTo("span");
        assertThat(note.child(0).text()).isEqualTo("Moderator's note:");
        assertThat(note.child(1).tagName()).isEqualTo("span");
        assertThat(note.child(1).attr("dir")).isEqualTo("auto");
        assertThat(note.child(1).children()).isEmpty();
        assertThat(collapsed(note.wholeText())).isEqualTo(collapsed("Moderator's note: " + hostile));
        assertThat(collapsed(body.selectFirst("div.comment-text").wholeText())).isEqualTo("A harmless comment");
    }

    @Test
    void every_hostile_string_is_covered() {
        assertThat(HostileInput.commentTexts()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Set.copyOf(HostileInput.commentTexts())).hasSameSizeAs(List.copyOf(HostileInput.commentTexts()));
    }

    @Test
    void a_pending_own_comment_has_a_space_between_its_time_and_awaiting_moderation() {
        var view = view("Pending Author", "Waiting for a moderator.", CommentStatus.PENDING);

        var text = CommentParts.article(view, TIME).getElement().getTextRecursively();

        assertThat(text).contains(TIME.dateline(view.createdAt()) + " Awaiting moderation");
    }
}
