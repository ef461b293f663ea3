package com.dateline.moderation.ui;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.EDITOR;
import static com.dateline.support.Demo.JERUSALEM;
import static com.dateline.support.Demo.MODERATOR;
import static com.dateline.support.Demo.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.dateline.base.ui.AccessDeniedView;
import com.dateline.comment.CommentStatus;
import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueue;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationTestSupport;
import com.dateline.moderation.ModerationVerb;
import com.dateline.security.ui.LoginView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The moderation dashboard without a browser: who may open it, the queue tabs with their counts,
 * a grid that loads bounded pages on demand, approving a selected comment, and a new comment
 * reaching the open dashboard without a reload. ModerationQueueService is spied on to see which pages
 * the grid asks for.
 */
@SpringBootTest
class ModerationViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    final ModerationTestSupport support = new ModerationTestSupport();

    private static final String ROUTE = "admin/moderation";
    private static final String NEW_ACTIVITY = "New activity: refresh the list";
    private static final Pattern TAB_LABEL = Pattern.compile("(Pending|Reported|Approved|Rejected) \\((\\d+)\\)");

    @MockitoSpyBean
    ModerationQueueService queues;

    @Autowired
    ModerationService moderation;

    @Autowired
    JdbcTemplate jdbc;

    long postId;
    final List<Long> seeded = new ArrayList<>();

    @BeforeEach
    void setUp() {
        postId = support.postId(JERUSALEM);
        clearInvocations(queues);
    }

    @AfterEach
    void cleanUp() {
        support.delete(seeded);
        seeded.clear();
    }

    // --- access -----------------------------------------------------------------------------------

    @Test
    void signed_out_visitors_are_sent_to_the_sign_in_page() {
        navigate(ROUTE, LoginView.class);

        assertThat(find(Grid.class).exists()).isFalse();
        verify(queues, never()).queue(any(), any());
        verify(queues, never()).counts();
    }

    @Test
    void a_reader_gets_access_denied_and_never_the_grid() {
        support.signIn().as(READER);

        navigate(ROUTE, AccessDeniedView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Access denied");
        assertThat(find(Grid.class).exists()).isFalse();
        assertThat(find(Tab.class).exists()).isFalse();
        verify(queues, never()).queue(any(), any());
        verify(queues, never()).counts();
    }

    @Test
    void an_editor_gets_access_denied_and_never_the_grid() {
        support.signIn().as(EDITOR);

        navigate(ROUTE, AccessDeniedView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Access denied");
        assertThat(find(Grid.class).exists()).isFalse();
        verify(queues, never()).queue(any(), any());
    }

    @Test
    void a_moderator_sees_the_four_queues_each_with_its_count() {
        support.submitAsNewReader(postId, "Tab Reader", "Waiting in the pending queue for the tabs test.");
        var counts = support.signIn().call(MODERATOR, () -> queues.counts());
        support.signIn().as(MODERATOR);

        navigate(ROUTE, ModerationView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Moderation");
        assertThat(tabLabels())
                .containsExactly(
                        "Pending (" + counts.of(ModerationQueue.PENDING) + ")",
                        "Reported (" + counts.of(ModerationQueue.REPORTED) + ")",
                        "Approved (" + counts.of(ModerationQueue.APPROVED) + ")",
                        "Rejected (" + counts.of(ModerationQueue.REJECTED) + ")");
        assertThat(counts.of(ModerationQueue.PENDING)).isPositive();
        assertThat(find(Grid.class).exists()).isTrue();
        assertThat(find(Button.class).withText("Approve").exists()).isTrue();
        assertThat(find(Button.class).withText("Reject").exists()).isTrue();
    }

    @Test
    void an_admin_may_open_the_dashboard_too() {
        support.signIn().as(ADMIN);

        navigate(ROUTE, ModerationView.class);

        assertThat(tabLabels())
                .hasSize(4)
                .allMatch(label -> TAB_LABEL.matcher(label).matches());
    }

    @Test
    void a_moderator_opens_the_moderation_history() {
        support.signIn().as(MODERATOR);

        navigate("admin/moderation/history", ModerationHistoryView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Moderation history");
        assertThat(find(Grid.class).exists()).isTrue();
    }

    @Test
    void an_admin_opens_the_moderation_history() {
        support.signIn().as(ADMIN);

        navigate("admin/moderation/history", ModerationHistoryView.class);
    }

    @Test
    void a_reader_or_an_editor_gets_access_denied_on_the_moderation_history() {
        for (var email : List.of(READER, EDITOR)) {
            support.signIn().as(email);

            navigate("admin/moderation/history", AccessDeniedView.class);

            assertThat(find(H1.class).single().getText()).as(email).isEqualTo("Access denied");
            assertThat(find(Grid.class).exists()).as(email).isFalse();
        }
    }

    @Test
    void signed_out_visitors_opening_the_moderation_history_are_sent_to_the_sign_in_page() {
        navigate("admin/moderation/history", LoginView.class);

        assertThat(find(Grid.class).exists()).isFalse();
    }

    // --- acting on authors ----------------------------------------------------------------------------

    /** A pending comment by a new account given {@code role}, opened in the dashboard of {@code viewer}. */
    private void openCommentByNewAccount(String role, String viewer) {
        var author = support.newReader("Staff Writer");
        jdbc.update("update account set role = ? where id = ?", role, author.id());
        var commentId = support.submitAs(author, postId, "A comment whose author's standing is under test.");
        support.signIn().as(viewer);
        var view = navigate(ROUTE, ModerationView.class);
        view.open(queues.item(commentId).orElseThrow());
    }

    @Test
    void a_moderator_sees_a_formatted_comment_as_readers_will_and_can_open_it_as_typed() {
        var author = support.newReader("Formatter");
        var typed = "**Bold** claim, see [the source](https://example.org/s)\n> quoted";
        var commentId = support.submitAs(author, postId, typed);
        support.signIn().as(MODERATOR);
        var view = navigate(ROUTE, ModerationView.class);
        var item = queues.item(commentId).orElseThrow();

        view.open(item);

        var shown = org.jsoup.Jsoup.parseBodyFragment(view.details.getElement().getOuterHTML())
                .selectFirst(".comment-text");
        assertThat(shown.select("strong").text()).isEqualTo("Bold");
        assertThat(shown.select("a").attr("href")).isEqualTo("https://example.org/s");
        assertThat(shown.select("blockquote").text()).isEqualTo("quoted");
        assertThat(find(com.vaadin.flow.component.html.Pre.class).single().getText())
                .isEqualTo(typed);
        assertThat(item.excerpt()).isEqualTo("Bold claim, see the source quoted");
    }

    @Test
    void a_moderator_is_offered_no_ban_or_trust_for_an_editors_comment() {
        openCommentByNewAccount("EDITOR", MODERATOR);

        assertThat(find(Button.class).withText("Ban…").exists()).isFalse();
        assertThat(find(Button.class).withText("Trust this reader").exists()).isFalse();
        assertThat(find(Span.class).withClassName("staff-account").single().getText())
                .contains("only an admin can ban, unban or trust it");
    }

    @Test
    void a_moderator_is_offered_ban_and_trust_for_a_readers_comment() {
        openCommentByNewAccount("READER", MODERATOR);

        assertThat(find(Button.class).withText("Ban…").exists()).isTrue();
        assertThat(find(Button.class).withText("Trust this reader").exists()).isTrue();
    }

    @Test
    void an_admin_is_offered_ban_and_trust_for_a_moderators_comment() {
        openCommentByNewAccount("MODERATOR", ADMIN);

        assertThat(find(Button.class).withText("Ban…").exists()).isTrue();
        assertThat(find(Button.class).withText("Trust this reader").exists()).isTrue();
    }

    // --- lazy loading -------------------------------------------------------------------------------

    /** Writes {@code count} pending comments straight to the table, enough for several pages of the grid. */
    private List<Long> seedPending(int count) {
        var author = support.newReader("Seeded Reader");
        for (int i = 0; i < count; i++) {
            jdbc.update("""
                    insert into comment (post_id, author_id, depth, body, status, status_reason, status_changed_at, created_at, version)
                    values (?, ?, 1, ?, 'PENDING', 'Pre-moderation', current_timestamp, current_timestamp, 0)""", postId, author.id(), "Seeded pending comment number " + i);
        }
        var ids = jdbc.queryForList("select id from comment where author_id = ?", Long.class, author.id());
        seeded.addAll(ids);
        return ids;
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_grid_loads_the_queue_lazily_in_bounded_pages() {
        assertThat(seedPending(130)).hasSize(130);
        support.signIn().as(MODERATOR);

        navigate(ROUTE, ModerationView.class);
        var grid = (Grid<ModerationItem>) find(Grid.class).single();

        // a data provider that fetches on demand, never a list held in memory
        assertThat(grid.getDataProvider()).isNotInstanceOf(ListDataProvider.class);
        assertThat(grid.getDataProvider().isInMemory()).isFalse();
        // opening the dashboard reads one page of the queue, not the whole queue
        var opening = ArgumentCaptor.forClass(Pageable.class);
        verify(queues, atLeastOnce()).queue(any(ModerationFilter.class), opening.capture());
        assertThat(opening.getAllValues()).allSatisfy(ModerationViewTest::isBounded);
        assertThat(opening.getAllValues()).extracting(Pageable::getPageNumber).containsOnly(0);

        // the moderator scrolls through the first 300 rows: the grid fetches the rest page by page
        clearInvocations(queues);
        grid.getDataCommunicator().setViewportRange(0, 300);
        roundTrip();

        var scrolling = ArgumentCaptor.forClass(Pageable.class);
        verify(queues, atLeastOnce()).queue(any(ModerationFilter.class), scrolling.capture());
        assertThat(scrolling.getAllValues()).allSatisfy(ModerationViewTest::isBounded);
        assertThat(scrolling.getAllValues()).extracting(Pageable::getPageNumber).contains(1, 2);
        assertThat(grid.getDataCommunicator().getItem(120)).isNotNull();
    }

    private static void isBounded(Pageable page) {
        assertThat(page.isPaged()).isTrue();
        assertThat(page.getPageSize()).isBetween(1, 100);
    }

    // --- acting -----------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void approving_a_selected_comment_publishes_it_and_the_pending_count_drops_by_one() {
        var token = "Vw" + UUID.randomUUID().toString().substring(0, 8);
        var id = support.submitAsNewReader(postId, "Grid Reader", "Approve me from the grid " + token);
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);
        var pendingBefore = count(ModerationQueue.PENDING);
        var approvedBefore = count(ModerationQueue.APPROVED);

        // narrow the queue to this comment, as a moderator typing in the search field would
        test(find(TextField.class).withPlaceholder("Search comment text").single())
                .setValue(token);
        var grid = (Grid<ModerationItem>) find(Grid.class).single();
        grid.getDataCommunicator().setViewportRange(0, 50);
        roundTrip();
        var item = grid.getDataCommunicator().getItem(0);
        assertThat(item.id()).isEqualTo(id);
        assertThat(item.status()).isEqualTo(CommentStatus.PENDING);

        grid.select(item);
        test(find(Button.class).withText("Approve").single()).click();

        var after = queues.item(id).orElseThrow();
        assertThat(after.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(after.reason()).isEqualTo("Approved by Demo Moderator");
        assertThat(count(ModerationQueue.PENDING)).isEqualTo(pendingBefore - 1);
        assertThat(count(ModerationQueue.APPROVED)).isEqualTo(approvedBefore + 1);
        assertThat(moderation.historyOf(id)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo(ModerationVerb.APPROVE);
            assertThat(row.moderator()).isEqualTo("Demo Moderator");
        });
        assertThat(grid.getSelectedItems()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void approving_a_comment_someone_else_already_decided_changes_nothing() {
        var token = "Cf" + UUID.randomUUID().toString().substring(0, 8);
        var id = support.submitAsNewReader(postId, "Late Reader", "Another moderator takes me first " + token);
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);
        test(find(TextField.class).withPlaceholder("Search comment text").single())
                .setValue(token);
        var grid = (Grid<ModerationItem>) find(Grid.class).single();
        grid.getDataCommunicator().setViewportRange(0, 50);
        roundTrip();
        var item = grid.getDataCommunicator().getItem(0);
        assertThat(item.id()).isEqualTo(id);

        // meanwhile the admin rejects it
        support.signIn()
                .call(ADMIN, () -> moderation.decide(ModerationVerb.REJECT, Map.of(id, item.version()), "First"));
        support.signIn().as(MODERATOR);

        grid.select(item);
        test(find(Button.class).withText("Approve").single()).click();

        assertThat(queues.item(id).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(moderation.historyOf(id))
                .singleElement()
                .extracting(row -> row.moderator())
                .isEqualTo("Demo Admin");
    }

    @Test
    void approving_more_comments_than_one_step_runs_in_the_background_with_a_progress_bar_then_reports_and_reloads()
            throws InterruptedException {
        var total = ModerationView.STEP_SIZE + 10;
        var ids = new ArrayList<Long>();
        for (int i = 0; i < total; i++) {
            ids.add(support.submitAsNewReader(
                    postId, "Step Reader " + i, "One of many comments approved in steps, number " + i + "."));
        }
        support.signIn().as(MODERATOR);
        var view = navigate(ROUTE, ModerationView.class);
        var pendingBefore = count(ModerationQueue.PENDING);
        var approvedBefore = count(ModerationQueue.APPROVED);
        var targets = new LinkedHashMap<Long, Long>();
        ids.forEach(id -> targets.put(id, queues.item(id).orElseThrow().version()));
        assertThat(targets).hasSize(total);

        view.apply(ModerationVerb.APPROVE, targets, null);

        // the moderator sees the run going, in a dialog that cannot be dismissed by accident
        var progress = progressDialogs();
        assertThat(progress).singleElement().satisfies(dialog -> {
            assertThat(dialog.isOpened()).isTrue();
            assertThat(dialog.getHeaderTitle()).isEqualTo("Approving " + total + " comments");
            assertThat(dialog.isCloseOnEsc()).isFalse();
            assertThat(dialog.isCloseOnOutsideClick()).isFalse();
        });
        var bar = find(ProgressBar.class).from(progress.getFirst()).single();
        assertThat(bar.getMax()).isEqualTo(total);

        // the steps run on another thread and reach the UI through ui.access: run what they queued
        var done = "Approved " + total + " comments.";
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((notificationsReading(done).isEmpty() || !openProgressDialogs().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            roundTrip();
        }

        assertThat(jdbc.queryForList("select status from comment where id in (" + joined(ids) + ")", String.class))
                .hasSize(total)
                .containsOnly(CommentStatus.PUBLISHED.name());
        assertThat(openProgressDialogs()).as("the progress dialog is closed").isEmpty();
        var notification = notificationsReading(done);
        assertThat(notification).as("a notification saying \"%s\"", done).hasSize(1);
        assertThat(bar.getValue()).isEqualTo(total);
        // the list and the counts were reloaded
        assertThat(count(ModerationQueue.PENDING)).isEqualTo(pendingBefore - total);
        assertThat(count(ModerationQueue.APPROVED)).isEqualTo(approvedBefore + total);

        // "Undo" in the notification takes back every step, not only the last
        test(find(Button.class, notification.getFirst()).withText("Undo").single())
                .click();
        assertThat(jdbc.queryForList("select status from comment where id in (" + joined(ids) + ")", String.class))
                .hasSize(total)
                .containsOnly(CommentStatus.PENDING.name());
        assertThat(count(ModerationQueue.PENDING)).isEqualTo(pendingBefore);
    }

    private List<Dialog> progressDialogs() {
        return find(Dialog.class).withClassName("moderation-progress").all();
    }

    private List<Dialog> openProgressDialogs() {
        return progressDialogs().stream().filter(Dialog::isOpened).toList();
    }

    private List<Notification> notificationsReading(String text) {
        return find(Notification.class).all().stream()
                .filter(Notification::isOpened)
                .filter(notification ->
                        notification.getElement().getTextRecursively().contains(text))
                .toList();
    }

    private static String joined(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    // --- live -------------------------------------------------------------------------------------

    @Test
    void a_new_pending_comment_updates_the_open_dashboards_count_without_a_reload() throws InterruptedException {
        support.signIn().as(MODERATOR);
        navigate(ROUTE, ModerationView.class);
        var pendingBefore = count(ModerationQueue.PENDING);
        assertThat(find(Button.class).withText(NEW_ACTIVITY).exists()).isFalse();

        // Another reader's request: on a thread of its own, where this dashboard's UI is not the current one.
        var reader = Thread.ofVirtual()
                .start(() -> support.submitAsNewReader(postId, "Live Reader", "Arriving while the moderator watches."));
        reader.join();

        // the change reaches the UI from another thread; run what it queued until the count moves
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count(ModerationQueue.PENDING) == pendingBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
            roundTrip();
        }
        assertThat(count(ModerationQueue.PENDING)).isEqualTo(pendingBefore + 1);
        assertThat(find(Button.class).withText(NEW_ACTIVITY).exists()).isTrue();
    }

    // --- helpers ------------------------------------------------------------------------------------

    private List<String> tabLabels() {
        var labels = new ArrayList<String>();
        for (var tab : find(Tab.class).all()) {
            labels.add(tab.getLabel());
        }
        return labels;
    }

    private long count(ModerationQueue queue) {
        for (var label : tabLabels()) {
            var matcher = TAB_LABEL.matcher(label);
            if (matcher.matches() && matcher.group(1).equals(queue.label())) {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw new AssertionError("No tab for " + queue + " among " + tabLabels());
    }
}
