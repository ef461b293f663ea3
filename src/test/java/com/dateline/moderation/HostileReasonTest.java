package com.dateline.moderation;

import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dateline.comment.CommentStatus;
import com.dateline.support.HostileInput.Kind;
import com.dateline.support.HostileInput.Sample;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A rejection's reason for the author, against generated hostile input: stored exactly, or refused and nothing decided. */
@SpringBootTest
class HostileReasonTest {

    @RegisterExtension
    final ModerationTestSupport support = new ModerationTestSupport();

    @Autowired
    ModerationService moderation;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_rejection_reason_is_stored_exactly_or_refused_with_a_message_and_the_comment_left_pending(Sample sample) {
        var comment = support.submitAsNewReader(support.postId(JERUSALEM), "Hostile Reason", "A comment to reject.");
        var version = support.item(comment).version();

        var failure = catchThrowable(() -> support.signIn()
                .call(
                        MODERATOR,
                        () -> moderation.decide(ModerationVerb.REJECT, Map.of(comment, version), sample.text())));

        var stripped = sample.text().strip();
        var fits = stripped.codePointCount(0, stripped.length()) <= ModerationService.MAX_REASON_LENGTH;
        var note = support.storedAuthorNote(comment);
        var status = jdbc.queryForObject("select status from comment where id = ?", String.class, comment);
        var history =
                jdbc.queryForList("select reason from moderation_action where comment_id = ?", String.class, comment);
        switch (sample.kind()) {
            case ORDINARY, MULTILINE -> {
                if (fits) {
                    assertThat(failure).isNull();
                    assertThat(note).isEqualTo(stripped);
                    assertThat(history).containsExactly(stripped);
                    assertThat(status).isEqualTo(CommentStatus.REJECTED.name());
                    return;
                }
            }
            case BLANK -> {
                assertThat(failure).isNull();
                assertThat(note).isNull();
                assertThat(status).isEqualTo(CommentStatus.REJECTED.name());
                return;
            }
            default -> {}
        }
        assertThat(failure).isInstanceOf(ReasonRefused.class);
        assertThat(failure.getMessage())
                .contains(sample.kind() == Kind.UNSHOWABLE ? "cannot be shown" : "at most 300 characters");
        assertThat(ModerationService.reasonProblem(sample.text())).contains(failure.getMessage());
        assertThat(status).isEqualTo(CommentStatus.PENDING.name());
        assertThat(note).isNull();
        assertThat(history).isEmpty();
    }
}
