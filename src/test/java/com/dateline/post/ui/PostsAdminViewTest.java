package com.dateline.post.ui;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.EDITOR;
import static com.dateline.support.Demo.MODERATOR;
import static com.dateline.support.Demo.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.AccessDeniedView;
import com.dateline.post.PostRow;
import com.dateline.post.PostService;
import com.dateline.security.ui.LoginView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.data.provider.ListDataProvider;
import java.time.LocalDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The editors' list of posts without a browser: who may open it, what a row shows, search, and deleting with a question first. */
@SpringBootTest
class PostsAdminViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    final EditorTestSupport support = new EditorTestSupport();

    private static final String ROUTE = "admin/posts";

    @Autowired
    PostService posts;

    @SuppressWarnings("unchecked")
    private Grid<PostRow> grid() {
        return (Grid<PostRow>) find(Grid.class).single();
    }

    private int rowOf(String title) {
        var grid = grid();
        return IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row titled " + title));
    }

    private Button actionButton(int row, String text) {
        var actions = test(grid()).getCellComponent(row, "actions");
        return actions.getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .filter(button -> button.getText().equals(text))
                .findFirst()
                .orElseThrow();
    }

    // --- access -----------------------------------------------------------------------------------

    @Test
    void signed_out_visitors_are_sent_to_the_sign_in_page() {
        navigate(ROUTE, LoginView.class);

        assertThat(find(Grid.class).exists()).isFalse();
    }

    @Test
    void a_reader_gets_access_denied_and_never_the_list() {
        support.signIn().as(READER);

        navigate(ROUTE, AccessDeniedView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Access denied");
        assertThat(find(Grid.class).exists()).isFalse();
    }

    @Test
    void a_moderator_gets_access_denied_and_never_the_list() {
        support.signIn().as(MODERATOR);

        navigate(ROUTE, AccessDeniedView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Access denied");
        assertThat(find(Grid.class).exists()).isFalse();
    }

    @Test
    void an_editor_sees_the_posts_with_the_seed_post_published() {
        support.signIn().as(EDITOR);

        navigate(ROUTE, PostsAdminView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Posts");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Posts — Babylon & Beyond");
        assertThat(grid().getId()).contains("posts-grid");
        assertThat(grid().getDataProvider()).isNotInstanceOf(ListDataProvider.class);
        var seed = rowOf("U.S. and Iran's talk about talks continues");
        assertThat(test(grid()).getCellText(seed, test(grid()).getColumnPosition("category")))
                .isEqualTo("Iraq");
        assertThat(((Span) test(grid()).getCellComponent(seed, "status")).getText())
                .isEqualTo("Published");
        assertThat(test(grid()).getCellText(seed, test(grid()).getColumnPosition("publication")))
                .isEqualTo("April 7, 2008 | 9:58 am");
        var view = (Anchor) test(grid())
                .getCellComponent(seed, "actions")
                .getChildren()
                .filter(Anchor.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(view.getText()).isEqualTo("View");
        assertThat(view.getHref()).isEqualTo("/2008/04/iraq-us-and-irans-talk-about-talks-continues");
        assertThat(find(Button.class).withText("New post").exists()).isTrue();
    }

    @Test
    void an_admin_may_open_the_list_too() {
        support.signIn().as(ADMIN);

        navigate(ROUTE, PostsAdminView.class);

        assertThat(test(grid()).size()).isPositive();
    }

    @Test
    void admins_find_the_wordpress_import_beside_the_list_and_editors_do_not() {
        support.signIn().as(ADMIN);
        navigate(ROUTE, PostsAdminView.class);
        assertThat(find(Anchor.class).withId("import-archive").single().getHref())
                .isEqualTo("/admin/posts/import");

        support.signIn().as(EDITOR);
        navigate("", HomeView.class);
        navigate(ROUTE, PostsAdminView.class);
        assertThat(find(Anchor.class).withId("import-archive").all()).isEmpty();
    }

    @Test
    void the_masthead_links_to_the_posts_for_editors_but_not_for_moderators() {
        support.signIn().as(EDITOR);
        navigate("", HomeView.class);
        assertThat(find(Anchor.class).withId("posts-link").single().getHref()).isEqualTo("/admin/posts");

        support.signIn().as(MODERATOR);
        navigate("", HomeView.class);
        assertThat(find(Anchor.class).withId("posts-link").exists()).isFalse();
    }

    // --- the list -------------------------------------------------------------------------------------

    @Test
    void a_draft_is_listed_with_status_draft_and_no_view_link() {
        var title = "Draft from Basra " + EditorTestSupport.unique();
        support.write(
                title,
                "draft-from-basra-" + EditorTestSupport.unique(),
                LocalDateTime.of(2008, 4, 9, 8, 0),
                true,
                null);
        support.signIn().as(EDITOR);

        navigate(ROUTE, PostsAdminView.class);
        var row = rowOf(title);

        assertThat(((Span) test(grid()).getCellComponent(row, "status")).getText())
                .isEqualTo("Draft");
        assertThat(test(grid()).getCellComponent(row, "actions").getChildren().anyMatch(Anchor.class::isInstance))
                .isFalse();
    }

    @Test
    void searching_narrows_the_list_to_matching_titles() {
        var word = EditorTestSupport.unique();
        var title = "Searchable dispatch " + word;
        support.write(title, "searchable-dispatch-" + word, LocalDateTime.of(2008, 4, 9, 8, 0), true, null);
        support.signIn().as(EDITOR);
        var view = navigate(ROUTE, PostsAdminView.class);

        test(view.search).setValue(word.toUpperCase());

        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).title()).isEqualTo(title);
    }

    @Test
    void new_post_opens_an_empty_editor() {
        support.signIn().as(EDITOR);
        var view = navigate(ROUTE, PostsAdminView.class);

        test(view.newPost).click();

        var editor = find(PostEditorView.class).single();
        assertThat(editor.heading.getText()).isEqualTo("New post");
        assertThat(editor.title.getValue()).isEmpty();
    }

    @Test
    void on_a_narrow_screen_only_the_title_column_stays_and_its_cell_holds_status_facts_and_actions() {
        support.signIn().as(EDITOR);
        var view = navigate(ROUTE, PostsAdminView.class);

        view.fitColumns(360);

        assertThat(grid().getColumns().stream()
                        .filter(column -> column.isVisible())
                        .map(column -> column.getKey()))
                .containsExactly("title");
        assertThat(grid().getElement().getClassList()).contains("posts-grid-narrow");
        var cell = test(grid()).getCellComponent(rowOf("U.S. and Iran's talk about talks continues"), "title");
        assertThat(cell.getElement().getTextRecursively())
                .contains("Published")
                .contains("Iraq · April 7, 2008 | 9:58 am")
                .contains("Edit")
                .contains("View")
                .contains("Delete");

        view.fitColumns(1280);
        assertThat(grid().getColumns().stream().allMatch(column -> column.isVisible()))
                .isTrue();
    }

    // --- deleting ---------------------------------------------------------------------------------------

    @Test
    void deleting_asks_first_and_then_the_post_is_gone_from_the_readers_pages() {
        var word = EditorTestSupport.unique();
        var title = "A post to take down " + word;
        var slug = "a-post-to-take-down-" + word;
        support.write(title, slug, LocalDateTime.of(2008, 3, 2, 10, 0), false, null);
        assertThat(posts.findByPermalink(2008, 3, slug)).isPresent();
        support.signIn().as(EDITOR);
        navigate(ROUTE, PostsAdminView.class);

        test(actionButton(rowOf(title), "Delete")).click();

        var dialog = find(Dialog.class).single();
        assertThat(find(Paragraph.class)
                        .withText("Delete “" + title + "”? It leaves the site, the feed and previous/next at once.")
                        .exists())
                .isTrue();
        test(find(Button.class).withText("Cancel").single()).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(posts.findByPermalink(2008, 3, slug))
                .as("Cancel keeps the post")
                .isPresent();

        test(actionButton(rowOf(title), "Delete")).click();
        var deletePost = find(Button.class).withText("Delete post").single();
        assertThat(deletePost.getThemeNames()).contains("error");
        test(deletePost).click();

        assertThat(posts.findByPermalink(2008, 3, slug)).isEmpty();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Deleted “" + title + "”.");
        assertThat(IntStream.range(0, test(grid()).size())
                        .mapToObj(i -> test(grid()).getRow(i).title()))
                .doesNotContain(title);
    }
}
