package com.dateline.wordpress;

import static com.dateline.support.Demo.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.comment.CommentMarkup;
import com.dateline.post.PostService;
import com.dateline.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WordPress's own theme unit test export (WordPress/theme-test-data, {@code themeunittestdata.wordpress.xml} at
 * b47acf9), imported into a database of its own and read as an anonymous reader reads it: the comments of "Template:
 * Comments" show their bold, quotations, code and links as such, and none of their markup as text.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:theme-unit-test;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeUnitTestImportIT {

    @LocalServerPort
    int port;

    @Autowired
    WordPressImport wordPress;

    @Autowired
    PostService posts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    private Document page;
    private List<Element> comments;

    @BeforeAll
    void importTheExportAndOpenThePost() throws Exception {
        SignIn.of(context).run(ADMIN, () -> {
            try (var file =
                    ThemeUnitTestImportIT.class.getResourceAsStream("/wordpress/themeunittestdata.wordpress.xml")) {
                wordPress.importFile(file, ProgressListener.none());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        var postId = jdbc.queryForObject("select id from post where title = 'Template: Comments'", Long.class);
        var path = posts.findLinks(List.of(postId)).get(postId).path();
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        page = Jsoup.parse(response.body());
        page.outputSettings().prettyPrint(false);
        comments = page.select("article.comment > .comment-text");
    }

    @Test
    void every_published_comment_of_the_post_is_on_the_page() {
        assertThat(comments).hasSize(19);
    }

    @Test
    void no_comment_shows_its_markup_as_text() {
        assertThat(comments).allSatisfy(comment -> {
            var words = comment.clone();
            // Code is where WordPress writes a tag as text on purpose: "the <code>&lt;s&gt;</code> tag".
            words.select("code").remove();
            assertThat(words.text()).doesNotContain("<strong", "<blockquote", "<code", "<a href", "</", "<h1", "<img");
        });
    }

    @Test
    void bold_quotations_code_and_links_are_shown_as_such() {
        var shown = page.select("article.comment > .comment-text");
        assertThat(shown.select("strong").eachText()).contains("Headings", "Code Tag");
        assertThat(shown.select("blockquote").eachText()).contains("Stay hungry. Stay foolish.");
        assertThat(shown.select("code").eachText()).contains("word-wrap: break-word;", "<s>");
        assertThat(shown.select("a[href=https://gravatar.com//]"))
                .singleElement()
                .satisfies(link -> {
                    assertThat(link.text()).isEqualTo("Gravatar");
                    assertThat(link.attr("rel")).isEqualTo(CommentMarkup.LINK_REL);
                });
        assertThat(shown.select("del").eachText()).contains("strike out text");
    }

    @Test
    void nothing_else_of_the_markup_survives_and_nothing_is_active() {
        var shown = page.select("article.comment > .comment-text");
        assertThat(shown.select("*"))
                .allSatisfy(element -> assertThat(element.tagName())
                        .isIn("div", "p", "br", "strong", "em", "blockquote", "code", "a", "del"));
        assertThat(shown.select("a")).allSatisfy(link -> {
            assertThat(link.attr("href")).matches("https?://.+");
            assertThat(link.attr("rel")).isEqualTo(CommentMarkup.LINK_REL);
        });
        // the headings, tables and lists keep their words
        assertThat(shown.text()).contains("Header one", "John Saddington", "List item one -start at 8");
        // the image comment links to its image instead of showing it
        assertThat(shown.select("a:contains(Albany wind-farm against the sunset)")
                        .attr("href"))
                .startsWith("https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg");
    }

    @Test
    void a_comment_that_was_plain_text_in_wordpress_stays_plain() {
        assertThat(comments)
                .filteredOn(comment -> comment.text().equals("Comments? I love comments!"))
                .singleElement()
                .satisfies(
                        comment -> assertThat(comment.html().strip()).isEqualTo("<p>Comments? I love comments!</p>"));
        assertThat(comments)
                .filteredOn(comment -> comment.text().startsWith("Comment Depth 05"))
                .singleElement()
                .satisfies(comment -> {
                    assertThat(comment.children().eachText())
                            .containsExactly("Comment Depth 05", "Also an author comment.");
                    assertThat(comment.children()).allSatisfy(p -> {
                        assertThat(p.tagName()).isEqualTo("p");
                        assertThat(p.children()).isEmpty();
                    });
                });
    }
}
