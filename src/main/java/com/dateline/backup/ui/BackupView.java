package com.dateline.backup.ui;

import com.dateline.backup.Backup;
import com.dateline.backup.BackupFailed;
import com.dateline.backup.BackupService;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.BackgroundWork;
import com.dateline.base.ui.MainLayout;
import com.dateline.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Admins back up the whole site with one button while it keeps running, see the file being written and its name, and
 * download any backup kept on the server. The status line is a polite live region and failures an alert, so a screen
 * reader hears how it went without moving focus.
 */
@Route(value = BackupView.ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class BackupView extends Div implements HasDynamicTitle {

    static final String ROUTE = "admin/backups";
    static final String TITLE = "Backups";
    /** The list shows this many; older files stay on the server and in GET /api/backups. */
    static final int SHOWN = 20;

    private static final Logger log = LoggerFactory.getLogger(BackupView.class);

    final Button backUp = new Button("Back up now");
    final ProgressBar progressBar = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Div error = new Div();
    final UnorderedList files = new UnorderedList();
    final Paragraph noFiles = new Paragraph("No backups yet.");
    final Paragraph olderFiles = new Paragraph();

    private final BackupService backups;
    private final BlogTime time;
    private final BackgroundWork background;
    private final String blogTitle;

    BackupView(BackupService backups, BlogTime time, BackgroundWork background, BlogProperties blog) {
        this.backups = backups;
        this.time = time;
        this.background = background;
        this.blogTitle = blog.title();
        addClassName("backup-page");

        backUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backUp.setId("back-up");
        backUp.addClickListener(click -> start());

        progressBar.setIndeterminate(true);
        progressBar.getElement().setAttribute("aria-label", "Writing the backup");
        progressBar.setVisible(false);
        status.setId("backup-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        error.addClassName("backup-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        files.setId("backup-files");
        var filesHeading = new H2("Backups on the server");
        filesHeading.setId("backup-files-heading");
        files.getElement().setAttribute("aria-labelledby", "backup-files-heading");

        if (!backups.writesBackups()) {
            var advice = new Paragraph(BackupService.POSTGRESQL_ADVICE);
            advice.setId("backup-postgresql");
            add(new H1(TITLE), advice);
            return;
        }
        add(
                new H1(TITLE),
                new Paragraph(
                        "A backup is one .zip file holding the whole database: posts, photos, accounts, comments and"
                                + " the moderation history. It is written while the site keeps running, into the backups folder"
                                + " beside the database, and can be downloaded below to keep a copy elsewhere."),
                backUp,
                progressBar,
                status,
                error,
                filesHeading,
                noFiles,
                files,
                olderFiles,
                new Paragraph(
                        "To restore a backup, stop the site and start it once with --dateline.restore=<file> on a data"
                                + " folder without a database (README, \"Backups and restore\")."));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (backups.writesBackups()) {
            showFiles();
        }
    }

    /** Writes the backup on a virtual thread, as the admin who asked; the outcome reaches the page by server push. */
    void start() {
        backUp.setEnabled(false);
        error.setVisible(false);
        progressBar.setVisible(true);
        status.setText("Writing the backup… The site stays open meanwhile.");
        background.start("backup", page -> {
            try {
                var backup = backups.backUp();
                page.access(() -> written(backup));
            } catch (BackupFailed failed) {
                page.access(() -> failed(failed.getMessage()));
            } catch (AccessDeniedException denied) {
                page.access(() -> failed("Only an administrator may back up the site."));
            } catch (RuntimeException unexpected) {
                log.warn("Backup from the Backups page failed", unexpected);
                page.access(
                        () -> failed("The backup failed because of an unexpected error: " + unexpected.getMessage()));
            }
        });
    }

    private void written(Backup backup) {
        finished();
        status.setText("Backup written: " + backup.name() + " (" + size(backup.bytes()) + "), saved on the server as "
                + backup.location() + ".");
        showFiles();
    }

    private void failed(String message) {
        finished();
        status.setText("");
        error.removeAll();
        error.add(new Paragraph(message + " Nothing was saved."));
        error.setVisible(true);
    }

    private void finished() {
        progressBar.setVisible(false);
        backUp.setEnabled(true);
    }

    private void showFiles() {
        var all = backups.backups();
        files.removeAll();
        all.stream().limit(SHOWN).forEach(backup -> files.add(item(backup)));
        files.setVisible(!all.isEmpty());
        noFiles.setVisible(all.isEmpty());
        olderFiles.setText(all.size() > SHOWN ? (all.size() - SHOWN) + " older backups are on the server too." : "");
        olderFiles.setVisible(all.size() > SHOWN);
    }

    private ListItem item(Backup backup) {
        var name = backup.name();
        var download = new Anchor(
                DownloadHandler.fromInputStream(event -> backups.file(name)
                        .map(file -> {
                            try {
                                return new DownloadResponse(
                                        Files.newInputStream(file), name, "application/zip", Files.size(file));
                            } catch (IOException e) {
                                return DownloadResponse.error(500, e);
                            }
                        })
                        .orElseGet(() -> DownloadResponse.error(404))),
                AttachmentType.DOWNLOAD,
                name);
        download.getElement().setAttribute("title", "Download " + name);
        return new ListItem(
                download, new Span(" · " + size(backup.bytes()) + " · " + time.dateline(backup.createdAt())));
    }

    /** Sizes as people read them: 12.3 MB. */
    static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + " bytes";
        }
        var units = new String[] {"kB", "MB", "GB", "TB"};
        var value = bytes / 1_000.0;
        var unit = 0;
        while (value >= 1_000 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public String getPageTitle() {
        return TITLE + " — " + blogTitle;
    }
}
