package com.dateline.moderation.ui;

import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.comment.CommentStatus;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationTestSupport;
import com.dateline.support.HostileInput;
import com.dateline.support.HostileInput.Sample;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The dashboard's search field and rejection dialog with hostile input: never a failure, and a refused reason is kept. */
@SpringBootTest
class HostileModerationFormTest extends SpringBrowserlessTest {

    @RegisterExtension
    final ModerationTestSupport support = new ModerationTestSupport();

    private static final String ROUTE = "admin/moderation";

    /** More rows than the test database's Pending queue holds. */
    private static final int WHOLE_QUEUE = 500;

    @Autowired
    ModerationQueueService queues;

    @Autowired
    ModerationService moderation;

    @SuppressWarnings("unchecked")
    private Grid<ModerationItem> search(String text) {
        test(find(TextField.class).withPlaceholder("Search comment text").single())
                .setValue(text);
        var grid = (Grid<ModerationItem>) find(Grid.class).single();
        grid.getDataCommunicator().setViewportRange(0, WHOLE_QUEUE);
        roundTrip();
        return grid;
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#ordinary")
    void the_search_field_finds_the_comment_holding_hostile_text_and_nothing_without_it(Sample sample) {
        var token = "Hs" + UUID.randomUUID().toString().substring(0, 8);
        var post = support.postId(JERUSALEM);
        var holding = support.submitAsNewReader(post, "Search Reader", "Quoting " + token + ": " + sample.text());
        var without = support.submitAsNewReader(post, "Decoy Reader", "Nothing of the sort " + token);
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);

        var shown = shown(search(sample.text()));

        assertThat(shown).extracting(ModerationItem::id).contains(holding).doesNotContain(without);
        assertThat(shown)
                .extracting(ModerationItem::text)
                .allSatisfy(text ->
                        assertThat(text).containsIgnoringCase(sample.text().strip()));
        assertThat(find(TextField.class)
                        .withPlaceholder("Search comment text")
                        .single()
                        .getValue())
                .isEqualTo(sample.text());
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#blank")
    void a_blank_search_shows_the_whole_queue(Sample sample) {
        support.submitAsNewReader(support.postId(JERUSALEM), "Queue Reader", "Waiting in the queue");
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);
        var whole = shown(search("")).stream().map(ModerationItem::id).toList();

        var shown = shown(search(sample.text()));

        assertThat(whole).isNotEmpty();
        assertThat(shown).extracting(ModerationItem::id).isEqualTo(whole);
    }

    @ParameterizedTest
    @MethodSource("unmatchable")
    void a_search_no_comment_can_match_shows_an_empty_queue_and_keeps_what_was_typed(Sample sample) {
        support.submitAsNewReader(support.postId(JERUSALEM), "Queue Reader", "Waiting in the queue");
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);

        var shown = shown(search(sample.text()));

        assertThat(shown).isEmpty();
        assertThat(find(TextField.class)
                        .withPlaceholder("Search comment text")
                        .single()
                        .getValue())
                .isEqualTo(sample.text());
    }

    /** Characters no comment may hold, and more text than a comment may have. */
    static Stream<Arguments> unmatchable() {
        return Stream.concat(HostileInput.unshowable(), HostileInput.huge());
    }

    private static List<ModerationItem> shown(Grid<ModerationItem> grid) {
        var count = grid.getDataCommunicator().getItemCount();
        // A lazy grid knows its size once a fetch came back short of the viewport.
        assertThat(count)
                .as("rows shown; the test's queue must fit in the viewport")
                .isLessThan(WHOLE_QUEUE);
        return IntStream.range(0, count)
                .mapToObj(i -> grid.getDataCommunicator().getItem(i))
                .toList();
    }

    @Test
    void a_reason_with_a_control_character_keeps_the_dialog_open_with_the_reason_and_decides_nothing() {
        var token = "Hr" + UUID.randomUUID().toString().substring(0, 8);
        var id = support.submitAsNewReader(
                support.postId(JERUSALEM), "Reason Reader", "Reject me with a reason " + token);
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);
        var grid = search(token);
        grid.select(grid.getDataCommunicator().getItem(0));

        test(find(Button.class).withText("Reject").single()).click();
        var reason = find(TextArea.class)
                .withLabel("Reason shown to the author (optional)")
                .single();
        test(reason).setValue("Off topic\u001B[2J");
        test(find(Button.class).withText("Reject").last()).click();

        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage())
                .isEqualTo(
                        "The reason contains a character that cannot be shown: U+001B (a control character) at character 10. Please remove it.");
        assertThat(reason.getValue()).isEqualTo("Off topic\u001B[2J");
        assertThat(find(Dialog.class).single().isOpened()).isTrue();
        assertThat(queues.item(id).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(moderation.historyOf(id)).isEmpty();
    }
}
