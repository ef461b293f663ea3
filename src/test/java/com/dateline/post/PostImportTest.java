package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.support.SignIn;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storing imported posts: once per import key, with a category made on demand, a slug made unique within its month,
 * and the body rendered and sanitised like an editor's. Each test rolls back what it stored.
 */
@SpringBootTest
@Transactional
class PostImportTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    static final Instant MARCH_2009 = Instant.parse("2009-03-02T17:30:00Z");

    @Autowired
    PostImport imports;

    @Autowired
    PostService posts;

    @Autowired
    PostRepository repository;

    @Autowired
    CategoryRepository categories;

    private static ImportedPost post(String key, String title, String slug, String category, String body) {
        return new ImportedPost(key, title, slug, category, MARCH_2009, false, false, body);
    }

    private static String key() {
        return "http://old.example.org/?p=" + UUID.randomUUID();
    }

    @Test
    void an_imported_post_is_published_at_its_date_under_its_new_category() {
        signIn.as("admin@dateline.test");

        var result = imports.importPost(post(
                key(),
                "Tea & sympathy in Basra",
                "tea-and-sympathy-in-basra",
                "Dispatches From Basra",
                "The tea houses reopened.\n\nThe old men came back."));

        assertThat(result.added()).isTrue();
        var details =
                posts.findByPermalink(2009, 3, "tea-and-sympathy-in-basra").orElseThrow();
        assertThat(details.summary().id()).isEqualTo(result.postId());
        assertThat(details.summary().headline()).isEqualTo("DISPATCHES FROM BASRA: Tea & sympathy in Basra");
        assertThat(details.summary().publishedAt()).isEqualTo(MARCH_2009);
        assertThat(details.summary().category().slug()).isEqualTo("dispatches-from-basra");
        assertThat(details.bodyHtml()).isEqualTo("<p>The tea houses reopened.</p>\n<p>The old men came back.</p>");
        assertThat(details.summary().excerpt()).isEqualTo("The tea houses reopened.");
        assertThat(categories.findBySlug("dispatches-from-basra")).isPresent();
    }

    @Test
    void importing_the_same_key_again_returns_the_stored_post_and_changes_nothing() {
        signIn.as("admin@dateline.test");
        var key = key();
        var first = imports.importPost(post(key, "Once only", "once-only", "Dispatches", "First version."));
        var count = repository.count();

        var second = imports.importPost(post(key, "Once only, edited", "once-only-edited", "Other", "Second version."));

        assertThat(second).isEqualTo(new PostImportResult(first.postId(), false));
        assertThat(repository.count()).isEqualTo(count);
        var stored = repository.findById(first.postId()).orElseThrow();
        assertThat(stored.getTitle()).isEqualTo("Once only");
        assertThat(stored.getImportKey()).isEqualTo(key);
    }

    @Test
    void a_slug_another_post_of_the_same_month_holds_gets_a_number() {
        signIn.as("admin@dateline.test");

        var first = imports.importPost(post(key(), "Same name", "same-name", "Dispatches", "One."));
        var second = imports.importPost(post(key(), "Same name", "same-name", "Dispatches", "Two."));
        var third = imports.importPost(post(key(), "Same name", "same-name", "Dispatches", "Three."));

        assertThat(repository.findById(first.postId()).orElseThrow().getSlug()).isEqualTo("same-name");
        assertThat(repository.findById(second.postId()).orElseThrow().getSlug()).isEqualTo("same-name-2");
        assertThat(repository.findById(third.postId()).orElseThrow().getSlug()).isEqualTo("same-name-3");
        assertThat(posts.findByPermalink(2009, 3, "same-name-3")).isPresent();
    }

    @Test
    void a_percent_encoded_or_missing_slug_is_made_valid() {
        assertThat(PostImport.baseSlug("caf%C3%A9-au-lait", "Anything")).isEqualTo("cafe-au-lait");
        assertThat(PostImport.baseSlug("", "U.S. and Iran's talk")).isEqualTo("us-and-irans-talk");
        assertThat(PostImport.baseSlug("%d8%a8%d8%ba%d8%af%d8%a7%d8%af", "بغداد"))
                .isEqualTo("post");
        assertThat(PostImport.baseSlug("100%-sure", "x")).isEqualTo("100-sure");
    }

    @Test
    void a_draft_and_a_post_without_a_category_are_stored_but_the_draft_is_not_shown() {
        signIn.as("admin@dateline.test");

        var draft = imports.importPost(
                new ImportedPost(key(), "Notes", "notes-for-later", " ", MARCH_2009, true, true, "Call again."));

        var stored = repository.findById(draft.postId()).orElseThrow();
        assertThat(stored.isDraft()).isTrue();
        assertThat(stored.isCommentsClosed()).isTrue();
        assertThat(stored.getCategory().getName()).isEqualTo(PostImport.DEFAULT_CATEGORY);
        assertThat(posts.findByPermalink(2009, 3, "notes-for-later")).isEmpty();
    }

    @Test
    void captions_survive_as_figures_while_scripts_event_handlers_and_images_do_not() {
        signIn.as("admin@dateline.test");

        var result = imports.importPost(post(key(), "Hostile", "hostile", "Dispatches", """
                Before.

                <figure><figcaption>A tea house on the <em>Shatt al-Arab</em>.</figcaption></figure>

                <p onclick="steal()">Click.</p>
                <script>alert(1)</script>
                <img src="x" onerror="alert(2)">

                <a href="javascript:alert(3)">link</a>"""));

        var html = repository.findById(result.postId()).orElseThrow().getBody().html();
        var body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("figure > figcaption").text()).isEqualTo("A tea house on the Shatt al-Arab.");
        assertThat(html)
                .doesNotContain("script")
                .doesNotContain("alert")
                .doesNotContain("onclick")
                .doesNotContain("onerror")
                .doesNotContain("<img")
                .doesNotContain("javascript");
        assertThat(body.select("p").eachText()).contains("Click.");
    }

    @Test
    void a_post_without_a_title_is_refused_and_nothing_is_stored() {
        signIn.as("admin@dateline.test");
        var count = repository.count();

        assertThatThrownBy(() -> imports.importPost(post(key(), "  ", "untitled", "Dispatches", "Body.")))
                .isInstanceOf(PostRejected.class)
                .hasMessage("It has no title.");
        assertThat(repository.count()).isEqualTo(count);
    }

    @Test
    void editors_and_moderators_may_not_import_posts() {
        for (var email : new String[] {"editor@dateline.test", "moderator@dateline.test", "reader@dateline.test"}) {
            signIn.as(email);

            assertThatThrownBy(() -> imports.importPost(post(key(), "Not yours", "not-yours", "Dispatches", "Body.")))
                    .as(email)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(repository.findAll()).noneMatch(found -> found.getTitle().equals("Not yours"));
    }
}
