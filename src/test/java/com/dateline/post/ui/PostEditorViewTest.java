package com.dateline.post.ui;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.EDITOR;
import static com.dateline.support.Demo.MODERATOR;
import static com.dateline.support.Demo.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.AccessDeniedView;
import com.dateline.base.ui.NotFoundView;
import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.post.PostService;
import com.dateline.security.ui.LoginView;
import com.dateline.support.DeclaredSizePng;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

/**
 * The post editor without a browser: who may open it, writing and saving a post (stored with the address its title
 * gives), refused saves that name each field and keep what was typed, photos checked by what they are, the preview,
 * and the question before leaving unsaved changes.
 */
@SpringBootTest
class PostEditorViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    final EditorTestSupport support = new EditorTestSupport();

    private static final String NEW = "admin/posts/new";
    private static final ZoneId BLOG_ZONE = ZoneId.of("America/Los_Angeles");

    @Autowired
    PostEditing editing;

    @Autowired
    PostService posts;

    @Autowired
    Clock clock;

    private PostEditorView openNew() {
        support.signIn().as(EDITOR);
        return navigate(NEW, PostEditorView.class);
    }

    private long currentPostId() {
        var path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).matches("admin/posts/[0-9]+");
        var id = Long.parseLong(path.substring("admin/posts/".length()));
        support.remember(id);
        return id;
    }

    private String notificationText() {
        return find(Notification.class).last().getElement().getTextRecursively();
    }

    private int postCount() {
        return support.asEditor(
                () -> editing.list(null, PageRequest.of(0, 10_000)).getNumberOfElements());
    }

    // --- access -----------------------------------------------------------------------------------

    @Test
    void signed_out_visitors_are_sent_to_the_sign_in_page() {
        navigate(NEW, LoginView.class);

        assertThat(find(PostEditorView.class).exists()).isFalse();
    }

    @Test
    void a_reader_gets_access_denied_and_never_the_form() {
        support.signIn().as(READER);

        navigate(NEW, AccessDeniedView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Access denied");
        assertThat(find(PostEditorView.class).exists()).isFalse();
    }

    @Test
    void a_moderator_gets_access_denied_for_an_existing_post_too() {
        var id = support.write(
                "Moderators may not edit " + EditorTestSupport.unique(),
                "moderators-may-not-edit-" + EditorTestSupport.unique(),
                LocalDateTime.of(2008, 4, 9, 8, 0),
                true,
                null);
        support.signIn().as(MODERATOR);

        navigate("admin/posts/" + id, AccessDeniedView.class);

        assertThat(find(PostEditorView.class).exists()).isFalse();
    }

    @Test
    void an_editor_and_an_admin_may_open_the_editor() {
        var view = openNew();
        assertThat(view.heading.getText()).isEqualTo("New post");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("New post — Babylon & Beyond");

        support.signIn().as(ADMIN);
        assertThat(navigate(NEW, PostEditorView.class).title.getLabel()).isEqualTo("Title");
    }

    @Test
    void an_unknown_a_deleted_or_a_malformed_id_gets_page_not_found() {
        var id = support.write(
                "Soon deleted " + EditorTestSupport.unique(),
                "soon-deleted-" + EditorTestSupport.unique(),
                LocalDateTime.of(2008, 4, 9, 8, 0),
                true,
                null);
        support.asEditor(() -> {
            editing.delete(id);
            return null;
        });
        support.signIn().as(EDITOR);

        navigate("admin/posts/" + id, NotFoundView.class);
        navigate("admin/posts/987654321", NotFoundView.class);
        navigate("admin/posts/99999999999999999999", NotFoundView.class);
        navigate("admin/posts/abc", NotFoundView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }

    @Test
    void every_field_has_a_visible_label_and_the_time_zone_is_named() {
        var view = openNew();

        assertThat(view.title.getLabel()).isEqualTo("Title");
        assertThat(view.category.getLabel()).isEqualTo("Category");
        assertThat(view.slug.getLabel()).isEqualTo("Slug");
        assertThat(view.slug.getHelperText())
                .startsWith("Lower-case letters, digits and hyphens; the post's address is /yyyy/MM/slug");
        assertThat(view.publishAt.getLabel()).isEqualTo("Publication date and time");
        assertThat(view.publishAt.getHelperText()).contains("America/Los_Angeles");
        assertThat(view.byline.getLabel()).isEqualTo("Byline");
        assertThat(view.commentsOpen.getLabel()).isEqualTo("Comments open");
        assertThat(view.status.getLabel()).isEqualTo("Status");
        assertThat(view.status.getListDataView().getItems()).containsExactly("Draft", "Publish");
        assertThat(view.body.getLabel()).isEqualTo("Body");
        assertThat(view.body.getHelperText())
                .startsWith("Markdown: a blank line starts a paragraph, > starts a quotation");
        assertThat(view.altText.getLabel()).isEqualTo("Alt text");
        assertThat(view.caption.getLabel()).isEqualTo("Caption");
        assertThat(view.credit.getLabel()).isEqualTo("Credit");
        assertThat(view.upload.getAcceptedMimeTypes())
                .containsExactlyInAnyOrder("image/jpeg", "image/png", "image/webp");
        assertThat(view.upload.getAcceptedFileExtensions()).contains(".jpg", ".png", ".webp");
        assertThat(view.upload.getMaxFileSize()).isEqualTo(10 * 1024 * 1024);
    }

    // --- writing a post ------------------------------------------------------------------------------

    @Test
    void a_new_post_written_in_the_form_is_stored_as_a_draft_with_the_slug_its_title_gives() {
        var word = EditorTestSupport.unique();
        var view = openNew();

        test(view.title).setValue("IRAN: Tehran's booksellers count the cost " + word);
        test(view.category).selectItem("Iran");
        test(view.byline).setValue("Times staff writer in Tehran");
        test(view.body).setValue("The first paragraph.\n\n> A bookseller said so.");
        assertThat(view.slug.getValue()).isEqualTo("iran-tehrans-booksellers-count-the-cost-" + word);
        test(view.save).click();

        var id = currentPostId();
        var stored = support.asEditor(() -> editing.load(id)).orElseThrow();
        assertThat(stored.title()).isEqualTo("IRAN: Tehran's booksellers count the cost " + word);
        assertThat(stored.slug()).isEqualTo("iran-tehrans-booksellers-count-the-cost-" + word);
        assertThat(stored.category()).isEqualTo("Iran");
        assertThat(stored.byline()).isEqualTo("Times staff writer in Tehran");
        assertThat(stored.draft()).isTrue();
        assertThat(stored.commentsOpen()).isTrue();
        assertThat(stored.body()).isEqualTo("The first paragraph.\n\n> A bookseller said so.");
        assertThat(stored.photo()).isNull();
        assertThat(notificationText()).isEqualTo("Saved as draft.");
        var reopened = find(PostEditorView.class).single();
        assertThat(reopened.heading.getText()).isEqualTo("Edit post");
        assertThat(reopened.isDirty()).isFalse();
    }

    @Test
    void the_slug_follows_the_title_until_the_editor_types_one() {
        var view = openNew();

        test(view.title).setValue("Beirut waits");
        assertThat(view.slug.getValue()).isEqualTo("beirut-waits");
        test(view.slug).setValue("beirut-holds-its-breath");
        test(view.title).setValue("Beirut waits, and waits");

        assertThat(view.slug.getValue()).isEqualTo("beirut-holds-its-breath");
    }

    @Test
    void publishing_in_the_past_puts_the_post_at_its_address_with_a_link_to_it() {
        var word = EditorTestSupport.unique();
        var view = openNew();

        test(view.title).setValue("Published from the editor " + word);
        test(view.category).selectItem("Lebanon");
        test(view.publishAt).setValue(LocalDateTime.of(2008, 3, 3, 9, 30));
        test(view.status).selectItem("Publish");
        assertThat(view.status.getHelperText()).startsWith("Published");
        test(view.body).setValue("Words.\n\n> Quoted words.");
        test(view.save).click();

        currentPostId();
        var page = posts.findByPermalink(2008, 3, "published-from-the-editor-" + word)
                .orElseThrow();
        assertThat(page.summary().title()).isEqualTo("Published from the editor " + word);
        assertThat(page.bodyHtml()).contains("<blockquote>");
        assertThat(notificationText()).startsWith("Published.");
        var link = find(Anchor.class).withText("View it").single();
        assertThat(link.getHref()).isEqualTo("/2008/03/published-from-the-editor-" + word);
    }

    @Test
    void a_future_time_schedules_the_post_and_says_so() {
        var word = EditorTestSupport.unique();
        var view = openNew();
        var nextYear = LocalDateTime.ofInstant(clock.instant(), BLOG_ZONE)
                .plusYears(1)
                .withHour(9)
                .withMinute(58)
                .truncatedTo(ChronoUnit.MINUTES);

        test(view.title).setValue("Scheduled dispatch " + word);
        test(view.category).selectItem("Israel");
        test(view.publishAt).setValue(nextYear);
        test(view.status).selectItem("Publish");
        test(view.body).setValue("Not yet.");

        var expectedDateline = nextYear.format(
                        java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy | h:mm", java.util.Locale.US))
                + " am";
        assertThat(view.status.getHelperText()).isEqualTo("Scheduled: readers see it from " + expectedDateline + ".");
        test(view.save).click();

        currentPostId();
        assertThat(notificationText()).isEqualTo("Scheduled for " + expectedDateline + ".");
        assertThat(posts.findByPermalink(nextYear.getYear(), nextYear.getMonthValue(), "scheduled-dispatch-" + word))
                .isEmpty();
    }

    @Test
    void a_typed_new_category_is_created_on_save() {
        var word = EditorTestSupport.unique();
        var category = "Gulf " + word;
        var view = openNew();

        test(view.title).setValue("A new desk " + word);
        ComponentUtil.fireEvent(view.category, new ComboBoxBase.CustomValueSetEvent<>(view.category, true, category));
        test(view.body).setValue("Opening the Gulf desk.");
        test(view.save).click();

        var id = currentPostId();
        assertThat(support.asEditor(() -> editing.load(id)).orElseThrow().category())
                .isEqualTo(category);
        assertThat(support.asEditor(() -> editing.categoryNames())).contains(category);
    }

    @Test
    void a_typed_category_name_in_another_letter_case_picks_the_existing_category() {
        var view = openNew();

        ComponentUtil.fireEvent(view.category, new ComboBoxBase.CustomValueSetEvent<>(view.category, true, " iraq "));

        assertThat(view.category.getValue()).isEqualTo("Iraq");
        assertThat(view.category.getListDataView().getItems().filter("Iraq"::equalsIgnoreCase))
                .containsExactly("Iraq");
    }

    @Test
    void the_preview_shows_the_kicker_the_title_and_quotations_as_block_quotes() {
        var view = openNew();

        test(view.title).setValue("Talk about talks");
        test(view.category).selectItem("Iraq");
        test(view.byline).setValue("Times staff writers");
        test(view.body).setValue("A paragraph.\n\n> \"We understand,\" she wrote.\n\n<script>alert(1)</script>");

        var preview = Jsoup.parseBodyFragment(view.preview.getElement().getOuterHTML());
        assertThat(preview.select("article.post h2.post-title").text()).isEqualTo("IRAQ: Talk about talks");
        assertThat(preview.select("article.post .kicker").text()).isEqualTo("IRAQ:");
        assertThat(preview.select("article.post .post-body p").first().text()).isEqualTo("A paragraph.");
        assertThat(preview.select("article.post .post-body blockquote").text())
                .isEqualTo("\"We understand,\" she wrote.");
        assertThat(preview.select("script")).isEmpty();
        assertThat(preview.select("article.post .byline").text()).isEqualTo("— Times staff writers");
        assertThat(preview.select("article.post time").attr("datetime")).isNotBlank();
    }

    // --- refused saves --------------------------------------------------------------------------------

    @Test
    void a_refused_save_shows_each_message_on_its_field_and_keeps_every_typed_value() {
        var before = postCount();
        var view = openNew();

        test(view.category).selectItem("Iraq");
        test(view.slug).setValue("Not A Slug!");
        test(view.byline).setValue("Times staff writers in Beirut");
        test(view.body).setValue("Some words that must not be lost.");
        test(view.upload).upload("smoke.png", "image/png", EditorTestSupport.png(120, 80));
        test(view.caption).setValue("Smoke over the Tigris.");
        test(view.credit).setValue("Agency photographer");
        test(view.save).click();

        assertThat(view.title.isInvalid()).isTrue();
        assertThat(view.title.getErrorMessage()).isEqualTo("Please give a title.");
        assertThat(view.slug.isInvalid()).isTrue();
        assertThat(view.slug.getErrorMessage()).startsWith("Use only lower-case letters, digits and single hyphens");
        assertThat(view.altText.isInvalid()).isTrue();
        assertThat(view.altText.getErrorMessage()).contains("alt text");
        assertThat(view.category.isInvalid()).isFalse();
        assertThat(view.body.isInvalid()).isFalse();
        assertThat(view.alert.isVisible()).isTrue();
        assertThat(view.alert.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.alert.getElement().getTextRecursively())
                .contains("The post was not saved.")
                .contains("3 fields");
        // everything typed is still there, the photo too
        assertThat(view.category.getValue()).isEqualTo("Iraq");
        assertThat(view.slug.getValue()).isEqualTo("Not A Slug!");
        assertThat(view.byline.getValue()).isEqualTo("Times staff writers in Beirut");
        assertThat(view.body.getValue()).isEqualTo("Some words that must not be lost.");
        assertThat(view.caption.getValue()).isEqualTo("Smoke over the Tigris.");
        assertThat(view.credit.getValue()).isEqualTo("Agency photographer");
        assertThat(view.photoStatus.getText()).startsWith("New photo “smoke.png”: PNG, 120 × 80 pixels");
        assertThat(view.isDirty()).isTrue();
        assertThat(postCount()).isEqualTo(before);

        // fixing the three fields saves it, photo included
        test(view.title).setValue("Smoke over Baghdad " + EditorTestSupport.unique());
        test(view.slug).setValue("");
        test(view.title).setValue(view.title.getValue() + " again");
        test(view.altText).setValue("Grey smoke above the river");
        test(view.save).click();

        var id = currentPostId();
        var stored = support.asEditor(() -> editing.load(id)).orElseThrow();
        assertThat(stored.slug()).startsWith("smoke-over-baghdad-").endsWith("-again");
        assertThat(stored.photo()).isNotNull();
        assertThat(stored.photo().altText()).isEqualTo("Grey smoke above the river");
        assertThat(stored.photo().credit()).isEqualTo("Agency photographer");
    }

    @Test
    void a_text_file_named_like_a_photo_is_refused_and_no_photo_is_stored() {
        var view = openNew();

        test(view.upload)
                .upload("photo.jpg", "image/jpeg", "Not a photo at all, just words.".getBytes(StandardCharsets.UTF_8));

        assertThat(view.photoError.isVisible()).isTrue();
        assertThat(view.photoError.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.photoError.getText())
                .isEqualTo("“photo.jpg” was not accepted. This file is not a JPEG, PNG or WebP image.");
        assertThat(view.photoStatus.getText()).isEqualTo("No photo.");
        assertThat(view.form().photo()).isNull();

        test(view.title).setValue("No photo here " + EditorTestSupport.unique());
        test(view.category).selectItem("Iraq");
        test(view.body).setValue("Words only.");
        test(view.save).click();

        var id = currentPostId();
        assertThat(support.asEditor(() -> editing.load(id)).orElseThrow().photo())
                .isNull();
    }

    @Test
    void a_png_that_declares_too_many_pixels_is_refused_in_the_photo_field_naming_its_size() {
        var view = openNew();

        test(view.upload).upload("poster.png", "image/png", DeclaredSizePng.blank(12_000, 12_000));

        assertThat(view.photoError.isVisible()).isTrue();
        assertThat(view.photoError.getText())
                .isEqualTo("“poster.png” was not accepted. This image is 12,000 × 12,000 pixels; "
                        + "the most we take is 50 megapixels. Please upload a smaller version.");
        assertThat(view.photoStatus.getText()).isEqualTo("No photo.");
        assertThat(view.form().photo()).isNull();
    }

    @Test
    void an_image_rejected_by_the_browser_gets_a_clear_message() {
        var view = openNew();

        ComponentUtil.fireEvent(
                view.upload,
                new com.vaadin.flow.component.upload.FileRejectedEvent(
                        view.upload, PostEditorView.TOO_BIG, "huge.jpg"));

        assertThat(view.photoError.isVisible()).isTrue();
        assertThat(view.photoError.getText())
                .isEqualTo(
                        "“huge.jpg” was not uploaded. This file is larger than 10 MB. Please upload a smaller photo.");
    }

    @Test
    void editing_a_post_keeps_its_photo_and_changes_its_words() {
        var word = EditorTestSupport.unique();
        var id = support.write(
                "With a photo " + word,
                "with-a-photo-" + word,
                LocalDateTime.of(2008, 4, 9, 8, 0),
                true,
                new PostForm.PhotoForm(
                        null, EditorTestSupport.png(60, 40), "A red square", "Old caption", "Old credit"));
        var photoId =
                support.asEditor(() -> editing.load(id)).orElseThrow().photo().existingId();
        support.signIn().as(EDITOR);
        var view = navigate("admin/posts/" + id, PostEditorView.class);
        assertThat(view.heading.getText()).isEqualTo("Edit post");
        assertThat(view.caption.getValue()).isEqualTo("Old caption");
        assertThat(view.photoStatus.getText()).isEqualTo("The post has a photo. Upload another to replace it.");

        test(view.caption).setValue("New caption");
        test(view.save).click();

        var stored = support.asEditor(() -> editing.load(id)).orElseThrow();
        assertThat(stored.photo().existingId()).isEqualTo(photoId);
        assertThat(stored.photo().caption()).isEqualTo("New caption");
        assertThat(view.isDirty()).isFalse();

        test(view.removePhoto).click();
        test(view.save).click();
        assertThat(support.asEditor(() -> editing.load(id)).orElseThrow().photo())
                .isNull();
    }

    @Test
    void a_save_after_another_editors_save_is_refused_in_the_alert_and_keeps_the_typed_text() {
        var word = EditorTestSupport.unique();
        var id = support.write(
                "Two editors " + word, "two-editors-" + word, LocalDateTime.of(2008, 4, 9, 8, 0), true, null);
        support.signIn().as(EDITOR);
        var view = navigate("admin/posts/" + id, PostEditorView.class);
        var loaded = editing.load(id).orElseThrow();
        editing.save(new PostForm(
                id,
                loaded.version(),
                loaded.title(),
                loaded.category(),
                loaded.slug(),
                loaded.publishAt(),
                "The other editor's byline",
                true,
                true,
                loaded.body(),
                null));

        test(view.body).setValue("My own careful rewrite.");
        test(view.save).click();

        assertThat(view.alert.isVisible()).isTrue();
        assertThat(view.alert.getElement().getTextRecursively())
                .contains("Another editor saved this post after you opened it.");
        assertThat(view.body.getValue()).isEqualTo("My own careful rewrite.");
        assertThat(editing.load(id).orElseThrow().body()).isNotEqualTo("My own careful rewrite.");
    }

    // --- leaving -------------------------------------------------------------------------------------

    @Test
    void leaving_with_unsaved_changes_asks_first_and_stay_keeps_them() {
        var view = openNew();
        test(view.title).setValue("Half a thought");

        test(view.back).click();

        var dialog = find(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Leave without saving?");
        assertThat(find(Paragraph.class)
                        .withText("Your changes to this post will be lost.")
                        .exists())
                .isTrue();
        test(find(Button.class).withText("Stay").single()).click();
        assertThat(find(PostEditorView.class).single().title.getValue()).isEqualTo("Half a thought");

        test(view.back).click();
        test(find(Button.class).withText("Leave").single()).click();
        assertThat(find(PostsAdminView.class).exists()).isTrue();
        assertThat(find(PostEditorView.class).exists()).isFalse();
    }

    @Test
    void leaving_without_changes_asks_nothing() {
        var view = openNew();

        test(view.back).click();

        assertThat(find(Dialog.class).exists()).isFalse();
        assertThat(find(PostsAdminView.class).exists()).isTrue();
    }
}
