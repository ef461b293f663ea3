package com.dateline;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationTestSupport;
import com.dateline.moderation.ModerationVerb;
import com.dateline.security.SecurityLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bans, unbans, deletions and moderators' decisions each leave one line on the {@code dateline.security} log, naming
 * what happened, to which account or comments, and who did it.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventLogTest {

    @RegisterExtension
    final ModerationTestSupport support = new ModerationTestSupport();

    @Autowired
    AccountService accounts;

    @Autowired
    ModerationService moderation;

    @Autowired
    ModerationQueueService queues;

    private static java.util.List<String> securityLines(CapturedOutput output) {
        return output.getAll()
                .lines()
                .filter(line -> line.contains(SecurityLog.LOGGER))
                .toList();
    }

    @Test
    void a_ban_with_an_end_an_unban_and_a_deletion_are_one_line_each_naming_the_account_and_who_acted(
            CapturedOutput output) {
        var reader = support.newReader("Banned Reader");
        var moderator = support.accountId(MODERATOR);
        var until = Instant.now().plus(Duration.ofDays(3));

        support.signIn().call(MODERATOR, () -> accounts.ban(reader.id(), until));
        support.signIn().call(MODERATOR, () -> accounts.setEnabled(reader.id(), true));
        support.signIn().run(reader.email(), () -> accounts.deleteMyAccount("a long enough passphrase 2008"));

        assertThat(securityLines(output))
                .anySatisfy(line -> assertThat(line)
                        .endsWith("account-banned account=" + reader.id() + " until=" + until + " by=" + moderator))
                .anySatisfy(line ->
                        assertThat(line).endsWith("account-unbanned account=" + reader.id() + " by=" + moderator))
                .anySatisfy(line ->
                        assertThat(line).endsWith("account-deleted account=" + reader.id() + " by=" + reader.id()));
        assertThat(output.getAll()).doesNotContain("a long enough passphrase 2008");
    }

    @Test
    void a_moderators_decision_and_its_undo_are_one_line_each(CapturedOutput output) {
        var comment = support.submitAsNewReader(
                support.postId(JERUSALEM), "Moderated Reader", "A comment to reject and restore.");
        var admin = support.accountId(ADMIN);
        var version = support.signIn()
                .call(ADMIN, () -> queues.item(comment).orElseThrow().version());

        var result = support.signIn()
                .call(ADMIN, () -> moderation.decide(ModerationVerb.REJECT, Map.of(comment, version), "Off topic"));
        support.signIn().run(ADMIN, () -> moderation.undo(result.actionIds().getFirst()));

        assertThat(securityLines(output))
                .anySatisfy(line -> assertThat(line)
                        .endsWith("moderation action=REJECT applied=1 skipped=0 comments=" + comment + " by=" + admin))
                .anySatisfy(line -> assertThat(line)
                        .endsWith("moderation action=UNDO undoes="
                                + result.actionIds().getFirst() + " comments=" + comment + " by=" + admin));
    }

    @Test
    void trusting_a_reader_is_one_line(CapturedOutput output) {
        var reader = support.newReader("Trusted Reader");

        support.signIn().run(MODERATOR, () -> queues.setTrusted(reader.id(), true));

        assertThat(securityLines(output))
                .anySatisfy(line -> assertThat(line)
                        .endsWith("reader-trusted account=" + reader.id() + " by=" + support.accountId(MODERATOR)));
    }
}
