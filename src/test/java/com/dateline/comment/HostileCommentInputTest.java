package com.dateline.comment;

import static com.dateline.support.Demo.LEBANON;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueue;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.support.HostileInput.Kind;
import com.dateline.support.HostileInput.Sample;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments, replies, report notes and the moderators' search against generated hostile input: stored exactly, or
 * refused with a message and nothing stored. (How stored text is shown is in {@code ui/CommentRenderingTest}.)
 */
@SpringBootTest
@Transactional
class HostileCommentInputTest {

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    @Autowired
    CommentService service;

    @Autowired
    ModerationQueueService moderation;

    @Autowired
    JdbcTemplate jdbc;

    /** The message a refused comment must get, or null when it must be stored. */
    private static String expectedCommentProblem(Sample sample) {
        return switch (sample.kind()) {
            case ORDINARY, MULTILINE -> null;
            case BLANK -> "Write something before posting.";
            case UNSHOWABLE -> "Your comment contains a character that cannot be shown";
            case HUGE -> "Your comment is far too long";
        };
    }

    private void assertStoredExactlyOrRefused(Sample sample, Long parentId) {
        var post = support.postId(LEBANON);
        var author = support.signInNewReader("hostile-input");

        var failure = catchThrowable(() -> {
            var outcome = service.submit(post, parentId, sample.text());
            assertThat(support.storedBody(outcome.commentId())).isEqualTo(sample.text());
            assertThat(jdbc.queryForObject(
                            "select parent_id from comment where id = ?", Long.class, outcome.commentId()))
                    .isEqualTo(parentId);
        });

        var expected = expectedCommentProblem(sample);
        if (expected == null) {
            assertThat(failure).isNull();
        } else {
            assertThat(failure).isInstanceOf(CommentRefused.class);
            assertThat(failure.getMessage()).startsWith(expected);
            assertThat(support.storedComments(author.id())).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_comment_is_stored_exactly_or_refused_with_a_message_and_nothing_stored(Sample sample) {
        assertStoredExactlyOrRefused(sample, null);
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_reply_is_stored_exactly_or_refused_with_a_message_and_nothing_stored(Sample sample) {
        var post = support.postId(LEBANON);
        var parent = support.publishedByNewReader(post, "replied-to", "A published comment to reply to");

        assertStoredExactlyOrRefused(sample, parent.id());
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#unshowable")
    void an_unshowable_character_names_itself_and_its_place_in_the_refusal(Sample sample) {
        support.signInNewReader("unshowable");

        var failure = catchThrowable(() -> service.submit(support.postId(LEBANON), null, sample.text()));

        assertThat(failure.getMessage())
                .matches("Your comment contains a character that cannot be shown: U\\+[0-9A-F]{4} \\(.+\\)"
                        + " at character [0-9]+\\. Please remove it\\.");
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_report_note_is_stored_exactly_or_refused_with_a_message_and_no_report_stored(Sample sample) {
        var post = support.postId(LEBANON);
        var reported = support.publishedByNewReader(post, "reported", "A comment someone reports");
        var reporter = support.signInNewReader("reporter");

        var failure = catchThrowable(() -> service.report(reported.id(), ReportReason.OTHER, sample.text()));

        var stored = jdbc.queryForList(
                "select note from comment_report where comment_id = ? and reporter_id = ?",
                String.class,
                reported.id(),
                reporter.id());
        var fits = sample.text().strip().length() <= 1000;
        if ((sample.kind() == Kind.ORDINARY || sample.kind() == Kind.MULTILINE) && fits) {
            assertThat(failure).isNull();
            assertThat(stored).containsExactly(sample.text().strip());
        } else {
            assertThat(failure).isInstanceOf(CommentRefused.class);
            assertThat(failure.getMessage())
                    .startsWith(
                            switch (sample.kind()) {
                                case BLANK -> "Please say briefly what is wrong";
                                case UNSHOWABLE -> "Your note contains a character that cannot be shown";
                                default -> "Please keep the note under 1,000 characters.";
                            });
            assertThat(stored).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void the_moderators_search_takes_anything_and_finds_ordinary_text_where_it_is(Sample sample) {
        var post = support.postId(LEBANON);
        var author = support.newReader("searched");
        var storable = sample.kind() == Kind.ORDINARY || sample.kind() == Kind.MULTILINE;
        var containing = support.insert(
                post,
                author.id(),
                null,
                storable ? "Before " + sample.text() + " after" : "An everyday comment",
                CommentStatus.PENDING,
                Duration.ofMinutes(5));
        support.signIn().as(MODERATOR);

        var filter = new ModerationFilter(ModerationQueue.PENDING, sample.text(), post, author.id(), null, null, true);
        var found = moderation.queue(filter, PageRequest.of(0, 50));

        if (storable) {
            assertThat(found.getContent()).extracting(ModerationItem::id).containsExactly(containing.id());
        } else if (sample.kind() != Kind.BLANK) {
            assertThat(found.getContent()).isEmpty();
        }
    }
}
