package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dateline.support.HostileInput.Kind;
import com.dateline.support.HostileInput.Sample;
import com.dateline.support.SignIn;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every field of the post editor against generated hostile input, one field at a time: the post is saved with the
 * field exactly as typed (less surrounding spaces), or refused with a message on that field alone and nothing stored.
 */
@SpringBootTest
@Transactional
class HostilePostInputTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    /** A 1×1 lossless WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private static final LocalDateTime WHEN = LocalDateTime.of(2008, 5, 2, 10, 30);
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    PostEditing editing;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signInAsEditor() {
        signIn.as("editor@dateline.test");
    }

    /** One editor field: how to put a value into a form, how to read it back, and its rules. */
    private record Field(
            String name,
            boolean required,
            boolean multiLine,
            int max,
            Function<String, PostForm> formWith,
            Function<PostForm, String> read) {}

    private static PostForm form(
            String title,
            String category,
            String slug,
            String byline,
            String body,
            String alt,
            String caption,
            String credit) {
        return new PostForm(
                null,
                0,
                title,
                category,
                slug,
                WHEN,
                byline,
                true,
                false,
                body,
                new PostForm.PhotoForm(null, WEBP, alt, caption, credit));
    }

    private static String slug() {
        return "hostile-input-" + NEXT.incrementAndGet();
    }

    private static final Field[] FIELDS = {
        new Field(
                PostForm.TITLE,
                true,
                false,
                PostEditing.MAX_TITLE,
                v -> form(v, "Iraq", slug(), "", "Body.", "Alt", "", ""),
                PostForm::title),
        new Field(
                PostForm.CATEGORY,
                true,
                false,
                PostEditing.MAX_CATEGORY,
                v -> form("Title", v, slug(), "", "Body.", "Alt", "", ""),
                PostForm::category),
        new Field(
                PostForm.BYLINE,
                false,
                false,
                PostEditing.MAX_BYLINE,
                v -> form("Title", "Iraq", slug(), v, "Body.", "Alt", "", ""),
                PostForm::byline),
        new Field(
                PostForm.BODY,
                true,
                true,
                PostEditing.MAX_BODY,
                v -> form("Title", "Iraq", slug(), "", v, "Alt", "", ""),
                PostForm::body),
        new Field(
                PostForm.ALT_TEXT,
                true,
                false,
                PostEditing.MAX_ALT_TEXT,
                v -> form("Title", "Iraq", slug(), "", "Body.", v, "", ""),
                f -> f.photo().altText()),
        new Field(
                PostForm.CAPTION,
                false,
                false,
                PostEditing.MAX_CAPTION,
                v -> form("Title", "Iraq", slug(), "", "Body.", "Alt", v, ""),
                f -> f.photo().caption()),
        new Field(
                PostForm.CREDIT,
                false,
                false,
                PostEditing.MAX_CREDIT,
                v -> form("Title", "Iraq", slug(), "", "Body.", "Alt", "", v),
                f -> f.photo().credit()),
    };

    private long posts() {
        return jdbc.queryForObject("select count(*) from post", Long.class);
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void each_text_field_is_stored_exactly_or_refused_on_that_field_alone_with_nothing_stored(Sample sample) {
        for (var field : FIELDS) {
            var before = posts();
            var saved = new long[1];
            var failure = catchThrowable(
                    () -> saved[0] = editing.save(field.formWith().apply(sample.text())));

            var kept = field.multiLine() ? sample.text() : sample.text().strip();
            var storable = sample.kind() == Kind.ORDINARY || (sample.kind() == Kind.MULTILINE && field.multiLine());
            var blankAllowed = sample.kind() == Kind.BLANK && !field.required();
            var fits = kept.length() <= field.max();
            if ((storable && fits) || blankAllowed) {
                if (failure instanceof PostRejected rejected && field.name().equals(PostForm.CATEGORY)) {
                    // Names without a letter or digit (emoji, Arabic script) make no address: refused with a message.
                    assertThat(rejected.problems()).as(field.name()).containsOnlyKeys(PostForm.CATEGORY);
                    assertThat(rejected.problems().get(PostForm.CATEGORY)).contains("at least one letter or digit");
                    continue;
                }
                assertThat(failure).as(field.name()).isNull();
                var loaded = editing.load(saved[0]).orElseThrow();
                assertThat(field.read().apply(loaded)).as(field.name()).isEqualTo(blankAllowed ? "" : kept);
            } else {
                assertThat(failure).as(field.name()).isInstanceOf(PostRejected.class);
                var problems = ((PostRejected) failure).problems();
                assertThat(problems).as(field.name()).containsOnlyKeys(field.name());
                var message = problems.get(field.name());
                if (!fits) {
                    assertThat(message).as(field.name()).startsWith("At most ");
                } else if (sample.kind() == Kind.BLANK) {
                    assertThat(message)
                            .as(field.name())
                            .isIn(
                                    "Please write the post.",
                                    "Please give a title.",
                                    "Please give a category.",
                                    "Please give a description of the photo for readers who cannot see it (alt text).");
                } else {
                    assertThat(message).as(field.name()).contains("contains a character that cannot be shown");
                }
                assertThat(posts()).as(field.name()).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_slug_is_stored_when_it_is_a_valid_address_and_refused_with_an_example_otherwise(Sample sample) {
        var before = posts();
        var saved = new long[1];
        var failure = catchThrowable(
                () -> saved[0] = editing.save(form("A title", "Iraq", sample.text(), "", "Body.", "Alt", "", "")));

        if (Slugs.isValid(sample.text().strip())) {
            assertThat(failure).isNull();
            assertThat(editing.load(saved[0]).orElseThrow().slug())
                    .isEqualTo(sample.text().strip());
        } else {
            assertThat(failure).isInstanceOf(PostRejected.class);
            assertThat(((PostRejected) failure).problems()).containsOnlyKeys(PostForm.SLUG);
            assertThat(((PostRejected) failure).problems().get(PostForm.SLUG))
                    .satisfiesAnyOf(
                            message -> assertThat(message).isEqualTo("Please give the post an address (slug)."),
                            message -> assertThat(message)
                                    .startsWith("Use only lower-case letters, digits and single hyphens"));
            assertThat(posts()).isEqualTo(before);
        }
    }
}
