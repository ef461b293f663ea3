package com.dateline.wordpress.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.ui.BackgroundWork;
import com.dateline.base.ui.MainLayout;
import com.dateline.security.Roles;
import com.dateline.wordpress.ImportReport;
import com.dateline.wordpress.WordPressImport;
import com.dateline.wordpress.WxrRejected;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Admins import a WordPress export: upload the file, watch the posts go in, read what was added, what was already
 * there and what was left out and why. The import runs in the background, so the page stays responsive and shows
 * its progress; a file that cannot be read is refused with nothing changed.
 */
@Route(value = "admin/posts/import", layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class ImportView extends Div implements HasDynamicTitle {

    static final String TITLE = "Import a WordPress archive";
    static final int MAX_FILE_BYTES = 100 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);

    final Upload upload = new Upload();
    final Div progress = new Div();
    final ProgressBar progressBar = new ProgressBar();
    final Paragraph progressText = new Paragraph();
    final Div error = new Div();
    final Div summary = new Div();

    private final WordPressImport wordPress;
    private final BackgroundWork background;
    private final String blogTitle;

    ImportView(WordPressImport wordPress, BackgroundWork background, BlogProperties blog) {
        this.wordPress = wordPress;
        this.background = background;
        this.blogTitle = blog.title();
        addClassName("import-page");

        upload.setUploadHandler(UploadHandler.toTempFile(this::received));
        upload.setAcceptedFileTypes(".xml", "application/xml", "text/xml");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage()
                + " Upload the .xml file (at most 100 MB) that WordPress's Tools → Export wrote."));
        upload.addFailedListener(
                failed -> showError("The upload did not finish. Nothing was imported; please try again."));

        progressBar.setIndeterminate(true);
        progressBar.getElement().setAttribute("aria-label", "Posts imported");
        progressText.getElement().setAttribute("aria-live", "polite");
        progress.addClassName("import-progress");
        progress.add(progressText, progressBar);
        progress.setVisible(false);

        error.addClassName("import-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        summary.addClassName("import-summary");
        summary.setVisible(false);

        add(
                new H1(TITLE),
                new Paragraph("In WordPress: Tools → Export → All content; upload the .xml file here."),
                new Paragraph(
                        "Posts come with their categories, drafts stay drafts, and reader comments keep their status"
                                + " (approved, waiting, spam) and their bold, italics, quotations, code and links."
                                + " Images are not imported; their captions are kept. Commenters appear by the name they"
                                + " gave in WordPress and cannot sign in, even where an account here has the same e-mail:"
                                + " WordPress never checked those addresses. Importing the same file again adds only what"
                                + " is new."),
                upload,
                progress,
                error,
                summary);
    }

    /** The upload handler's callback: called in the UI's own access, once the whole file is in a temporary file. */
    private void received(UploadMetadata metadata, File file) {
        if (file.length() > MAX_FILE_BYTES) {
            delete(file.toPath());
            showError("The file is larger than 100 MB. Nothing was imported.");
            return;
        }
        start(file.toPath());
    }

    /**
     * Imports the file on a virtual thread, signed in as the admin who uploaded it, and deletes it afterwards. Progress
     * and the outcome reach the page by server push.
     */
    void start(Path file) {
        error.setVisible(false);
        summary.setVisible(false);
        summary.removeAll();
        upload.setEnabled(false);
        progressBar.setIndeterminate(true);
        progressText.setText("Reading the file…");
        progress.setVisible(true);
        background.start("wordpress-import", page -> {
            try (var in = Files.newInputStream(file)) {
                var report = wordPress.importFile(in, (done, total) -> {
                    // about a hundred updates however large the archive
                    if (done == 0 || done == total || done % Math.max(1, total / 100) == 0) {
                        page.access(() -> showProgress(done, total));
                    }
                });
                page.access(() -> showReport(report));
            } catch (WxrRejected rejected) {
                page.access(() -> showError(rejected.getMessage() + " Nothing was imported."));
            } catch (AccessDeniedException denied) {
                page.access(() -> showError("Only an administrator may import an archive. Nothing was imported."));
            } catch (IOException | RuntimeException failed) {
                log.warn("WordPress import stopped", failed);
                page.access(() -> showError("The import stopped because of an unexpected error. Posts imported before"
                        + " it stay; importing the same file again adds only what is still missing."));
            } finally {
                delete(file);
            }
        });
    }

    private void showProgress(int done, int total) {
        progressBar.setIndeterminate(false);
        progressBar.setMax(Math.max(total, 1));
        progressBar.setValue(done);
        progressText.setText(done + " of " + total + (total == 1 ? " post" : " posts"));
    }

    private void showReport(ImportReport report) {
        finished();
        summary.removeAll();
        summary.add(
                new H2("Import finished"),
                new Paragraph(
                        "Posts: " + report.postsAdded() + " added, " + report.postsAlreadyThere() + " already there."),
                new Paragraph("Comments: " + report.commentsAdded() + " added, " + report.commentsAlreadyThere()
                        + " already there."));
        list("Skipped (" + report.skipped().size() + ")", report.skipped(), "import-skipped");
        list("Imported with a change (" + report.notes().size() + ")", report.notes(), "import-notes");
        summary.add(new Paragraph(new Anchor("/admin/posts", "Go to the posts")));
        summary.setVisible(true);
    }

    private void list(String heading, List<String> messages, String className) {
        if (messages.isEmpty()) {
            return;
        }
        var items = new UnorderedList();
        items.addClassName(className);
        messages.forEach(message -> items.add(new ListItem(message)));
        summary.add(new H3(heading), items);
    }

    private void showError(String message) {
        finished();
        error.removeAll();
        error.add(new Paragraph(message));
        error.setVisible(true);
    }

    private void finished() {
        progress.setVisible(false);
        upload.setEnabled(true);
        upload.clearFileList();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            log.debug("Temporary upload {} could not be deleted", file);
        }
    }

    @Override
    public String getPageTitle() {
        return TITLE + " — " + blogTitle;
    }
}
