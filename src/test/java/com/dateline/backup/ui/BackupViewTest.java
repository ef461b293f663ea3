package com.dateline.backup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.AccessDeniedView;
import com.dateline.security.ui.LoginView;
import com.dateline.support.Demo;
import com.dateline.support.ShippedDatabase;
import com.dateline.support.SignIn;
import com.dateline.support.UiAccess;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Backups page without a browser, on an H2 file (an in-memory database has nothing to back up): only admins reach
 * it, from the masthead; one button writes a backup in the background while the page shows that it is working and then
 * the file's name, in a live region a screen reader announces; the file can be downloaded from the list.
 */
@SpringBootTest
class BackupViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String ROUTE = "admin/backups";
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("dateline-backup-view");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("dateline.data-dir", DATA::toString);
        registry.add("spring.datasource.url", ShippedDatabase::url);
    }

    @Test
    void signed_out_visitors_are_sent_to_the_sign_in_page() {
        navigate(ROUTE, LoginView.class);

        assertThat(find(Button.class).withText("Back up now").exists()).isFalse();
    }

    @Test
    void readers_moderators_and_editors_get_access_denied_and_no_button() {
        for (var email : List.of(Demo.READER, Demo.MODERATOR, Demo.EDITOR)) {
            signIn.as(email);

            navigate(ROUTE, AccessDeniedView.class);

            assertThat(find(H1.class).single().getText()).as(email).isEqualTo("Access denied");
            assertThat(find(Button.class).withText("Back up now").exists())
                    .as(email)
                    .isFalse();
            // The masthead is there, signed in, but offers no Backups link.
            assertThat(find(Button.class).withId("sign-out").exists()).as(email).isTrue();
            assertThat(find(Anchor.class).withId("backups-link").exists())
                    .as(email)
                    .isFalse();
        }
    }

    @Test
    void an_admin_reaches_the_page_from_the_masthead() {
        signIn.as(Demo.ADMIN);

        var view = navigate(ROUTE, BackupView.class);

        assertThat(find(Anchor.class).withId("backups-link").single().getHref()).isEqualTo("/admin/backups");
        assertThat(find(H1.class).single().getText()).isEqualTo("Backups");
        assertThat(view.getPageTitle()).startsWith("Backups — ");
    }

    @Test
    void backing_up_shows_the_work_in_progress_then_the_file_which_the_list_offers_for_download()
            throws InterruptedException {
        signIn.as(Demo.ADMIN);
        var view = navigate(ROUTE, BackupView.class);

        test(view.backUp).click();

        assertThat(view.progressBar.isVisible()).isTrue();
        assertThat(view.progressBar.isIndeterminate()).isTrue();
        assertThat(view.progressBar.getElement().getAttribute("aria-label")).isEqualTo("Writing the backup");
        assertThat(view.status.getText()).startsWith("Writing the backup");
        assertThat(view.backUp.isEnabled()).isFalse();
        UiAccess.awaitUntil(
                () -> view.status.getText().startsWith("Backup written") || view.error.isVisible(),
                Duration.ofSeconds(30),
                "the backup finished");

        assertThat(view.error.isVisible()).isFalse();
        assertThat(view.status.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(view.status.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(view.status.getText())
                .matches("Backup written: dateline-backup-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z(-\\d+)?\\.zip"
                        + " \\(\\d+\\.\\d (kB|MB)\\), saved on the server as "
                        + java.util.regex.Pattern.quote(DATA.resolve("backups").toString()) + "/.*\\.zip\\.");
        var name = view.status
                .getText()
                .substring("Backup written: ".length(), view.status.getText().indexOf(" ("));
        assertThat(DATA.resolve("backups").resolve(name)).exists();
        assertThat(view.progressBar.isVisible()).isFalse();
        assertThat(view.backUp.isEnabled()).isTrue();
        var newest = find(ListItem.class, view.files).all().getFirst();
        var download = find(Anchor.class, newest).single();
        assertThat(download.getText()).isEqualTo(name);
        assertThat(download.getElement().getAttribute("download")).isNotNull();
        assertThat(view.noFiles.isVisible()).isFalse();
    }

    @Test
    void sizes_read_as_people_read_them() {
        assertThat(BackupView.size(512)).isEqualTo("512 bytes");
        assertThat(BackupView.size(12_345)).isEqualTo("12.3 kB");
        assertThat(BackupView.size(12_345_678)).isEqualTo("12.3 MB");
        assertThat(BackupView.size(2_500_000_000L)).isEqualTo("2.5 GB");
    }
}
