package com.dateline.comment;

import static com.dateline.support.Demo.LEBANON;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.HostileInput;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hostile comment texts go through the whole path a reader's comment takes (submitted, held or
 * published by the policy, approved by a moderator, read back) and come out exactly as typed.
 * How they are shown is in {@code ui/CommentRenderingTest}.
 */
@SpringBootTest
@Transactional
class HostileCommentTextTest {

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    @Autowired
    CommentService service;

    @Autowired
    CommentRepository comments;

    @Autowired
    EntityManager entityManager;

    @Test
    void there_are_at_least_30_hostile_strings_and_none_is_refused_for_its_length_or_blankness() {
        assertThat(HostileInput.commentTexts()).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(HostileInput.commentTexts())
                .allSatisfy(text -> assertThat(CommentText.length(text)).isBetween(1, CommentText.MAX_LENGTH));
        assertThat(HostileInput.commentTexts())
                .anySatisfy(text ->
                        assertThat(text).hasSizeGreaterThanOrEqualTo(4_900).doesNotContain(" "));
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#commentTextArguments")
    void is_stored_exactly_as_typed_and_shown_back_unchanged(String hostile) {
        var post = support.postId(LEBANON);
        var author = support.signInNewReader("hostile");

        var outcome = service.submit(post, null, hostile);
        assertThat(outcome.status())
                .as("no hostile string contains a banned word")
                .isNotEqualTo(CommentStatus.REJECTED);
        if (outcome.status() != CommentStatus.PUBLISHED) {
            support.approve(outcome.commentId());
        }

        // what the database holds, read afresh
        assertThat(support.storedBody(outcome.commentId())).isEqualTo(hostile);
        entityManager.clear();
        var stored = comments.findById(outcome.commentId()).orElseThrow();
        assertThat(stored.getBody()).isEqualTo(hostile);
        assertThat(stored.getAuthorId()).isEqualTo(author.id());
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.PUBLISHED);

        // what an anonymous reader gets from the service
        support.signIn().out();
        var shown = service.thread(post, false, 50).comments().stream()
                .filter(view -> view.id() == outcome.commentId())
                .findFirst()
                .orElseThrow();
        assertThat(shown.text()).isEqualTo(hostile);
        assertThat(shown.authorName()).isEqualTo("Reader hostile");
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#commentTextArguments")
    void segments_keep_every_character_and_link_only_web_addresses(String hostile) {
        var segments = CommentText.segments(hostile);

        assertThat(segments.stream().map(CommentText.Segment::text).collect(Collectors.joining()))
                .isEqualTo(hostile);
        assertThat(segments).allSatisfy(segment -> assertThat(segment.text()).isNotEmpty());
        assertThat(segments.stream().filter(CommentText.Segment::link)).allSatisfy(link -> {
            var href = link.href().toLowerCase(Locale.ROOT);
            assertThat(href).matches("https?://.+");
            assertThat(link.text().toLowerCase(Locale.ROOT))
                    .doesNotStartWith("javascript:")
                    .doesNotStartWith("data:");
            assertThat(link.text()).doesNotContain("<", ">", "\"", "'", "`", " ", "\n", "\t");
        });
    }

    @Test
    void dangerous_schemes_never_become_links() {
        for (var text : new String[] {
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "file:///etc/passwd",
            "ftp://example.org/file"
        }) {
            assertThat(CommentText.segments(text)).as(text).noneMatch(CommentText.Segment::link);
            assertThat(CommentMarkup.render(text, CommentFormat.MARKDOWN).links())
                    .as(text)
                    .isEmpty();
            assertThat(CommentMarkup.render(text, CommentFormat.WORDPRESS_HTML).links())
                    .as(text)
                    .isEmpty();
        }
    }

    @Test
    void web_addresses_become_links_without_trailing_punctuation() {
        var segments = CommentText.segments("Read https://example.org/beirut, then (www.example.net/tehran).");

        assertThat(segments.stream().filter(CommentText.Segment::link).map(CommentText.Segment::href))
                .containsExactly("https://example.org/beirut", "https://www.example.net/tehran");
        assertThat(segments.stream().filter(CommentText.Segment::link).map(CommentText.Segment::text))
                .containsExactly("https://example.org/beirut", "www.example.net/tehran");
    }
}
