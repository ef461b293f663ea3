package com.dateline.wordpress.ui;

import static com.dateline.support.Demo.ADMIN;
import static com.dateline.support.Demo.EDITOR;
import static com.dateline.support.Demo.MODERATOR;
import static com.dateline.support.Demo.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.AccessDeniedView;
import com.dateline.security.ui.LoginView;
import com.dateline.support.UiAccess;
import com.dateline.wordpress.ImportTestSupport;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import page without a browser: only admins may open it, an uploaded export is imported in the background and
 * summarised, and a file that cannot be read is refused in an alert with nothing changed.
 */
@SpringBootTest
class ImportViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    final ImportTestSupport support = new ImportTestSupport();

    private static final String ROUTE = "admin/posts/import";

    @Autowired
    JdbcTemplate jdbc;

    // --- access -----------------------------------------------------------------------------------

    @Test
    void signed_out_visitors_are_sent_to_the_sign_in_page() {
        navigate(ROUTE, LoginView.class);

        assertThat(find(Upload.class).exists()).isFalse();
    }

    @Test
    void readers_moderators_and_editors_get_access_denied_and_no_upload() {
        for (var email : List.of(READER, MODERATOR, EDITOR)) {
            support.signIn().as(email);

            navigate(ROUTE, AccessDeniedView.class);

            assertThat(find(H1.class).single().getText()).as(email).isEqualTo("Access denied");
            assertThat(find(Upload.class).exists()).as(email).isFalse();
        }
    }

    @Test
    void an_admin_sees_the_instructions_and_an_upload_for_xml_files() {
        support.signIn().as(ADMIN);

        var view = navigate(ROUTE, ImportView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Import a WordPress archive");
        assertThat(find(Paragraph.class)
                        .withText("In WordPress: Tools → Export → All content; upload the .xml file here.")
                        .exists())
                .isTrue();
        assertThat(view.upload.getAcceptedFileTypes()).containsExactlyInAnyOrder(".xml", "application/xml", "text/xml");
        assertThat(view.upload.getMaxFileSize()).isEqualTo(100 * 1024 * 1024);
        assertThat(view.upload.getMaxFiles()).isEqualTo(1);
        assertThat(view.getPageTitle()).startsWith("Import a WordPress archive — ");
    }

    // --- importing ------------------------------------------------------------------------------------

    @Test
    void uploading_an_export_imports_it_and_shows_the_progress_and_the_summary() throws InterruptedException {
        support.signIn().as(ADMIN);
        var view = navigate(ROUTE, ImportView.class);

        test(view.upload).upload("babylon.WordPress.2024-05-20.xml", "text/xml", support.fixture());
        UiAccess.awaitUntil(
                () -> view.summary.isVisible() || view.error.isVisible(),
                Duration.ofSeconds(20),
                "the import finished");

        assertThat(view.error.isVisible()).isFalse();
        assertThat(view.progressText.getText()).isEqualTo("4 of 4 posts");
        assertThat(view.progressText.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(view.summary.getElement().getTextRecursively())
                .contains("Import finished")
                .contains("Posts: 4 added, 0 already there.")
                .contains("Comments: 7 added, 0 already there.")
                .contains("Skipped (4)");
        assertThat(find(ListItem.class, view.summary).all())
                .extracting(ListItem::getText)
                .anySatisfy(item ->
                        assertThat(item).startsWith("Post \"An old mistake\"").endsWith("it is in the WordPress trash"))
                .anySatisfy(item ->
                        assertThat(item).startsWith("Comment 208 ").endsWith("a pingback, not a reader comment"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from post where import_key like ?", Long.class, "%?p=" + support.run + "-%"))
                .isEqualTo(4);
        assertThat(view.upload.isEnabled()).isTrue();
    }

    @Test
    void uploading_the_same_export_again_reports_everything_as_already_there() throws InterruptedException {
        support.signIn().as(ADMIN);
        var view = navigate(ROUTE, ImportView.class);
        test(view.upload).upload("export.xml", "text/xml", support.fixture());
        UiAccess.awaitUntil(view.summary::isVisible, Duration.ofSeconds(20), "the import finished");
        var counts = support.rowCounts();

        test(view.upload).upload("export.xml", "text/xml", support.fixture());
        UiAccess.awaitUntil(
                () -> view.summary.isVisible()
                        && view.summary.getElement().getTextRecursively().contains("4 already there"),
                Duration.ofSeconds(20),
                "the import finished");

        assertThat(view.summary.getElement().getTextRecursively())
                .contains("Posts: 0 added, 4 already there.")
                .contains("Comments: 0 added, 7 already there.");
        assertThat(support.rowCounts()).isEqualTo(counts);
    }

    @Test
    void a_file_that_is_not_an_export_is_refused_in_an_alert_and_changes_nothing() throws InterruptedException {
        support.signIn().as(ADMIN);
        var view = navigate(ROUTE, ImportView.class);
        var before = support.rowCounts();
        var whole = new String(support.fixture(), StandardCharsets.UTF_8);
        var truncated = whole.substring(0, whole.indexOf("Letters from Tehran"));

        test(view.upload).upload("export.xml", "text/xml", truncated.getBytes(StandardCharsets.UTF_8));
        UiAccess.awaitUntil(
                () -> view.summary.isVisible() || view.error.isVisible(),
                Duration.ofSeconds(20),
                "the import finished");

        assertThat(view.summary.isVisible()).isFalse();
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.error.getElement().getTextRecursively())
                .startsWith("The file is damaged or incomplete")
                .contains("at line ")
                .endsWith("Nothing was imported.");
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(support.rowCounts()).isEqualTo(before);
    }
}
