package com.dateline.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Work a view starts that outlasts the click, such as an import or a backup. It runs on a virtual thread, signed in as
 * the user who started it so that method security judges them, and reaches the page by server push while the page is
 * open; a user who leaves the page does not stop it.
 */
@Component
public class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final SecurityContextHolderStrategy securityContexts;

    BackgroundWork(SecurityContextHolderStrategy securityContexts) {
        this.securityContexts = securityContexts;
    }

    /**
     * Starts {@code work} on a virtual thread called {@code name}, as the signed-in user of the current UI access.
     * Call it from the UI's own access; the work is handed the page to show its progress and outcome on.
     */
    public void start(String name, Consumer<Page> work) {
        var page = new Page(UI.getCurrent(), name);
        var security = securityContexts.getContext();
        var executor = new DelegatingSecurityContextExecutor(
                task -> Thread.ofVirtual().name(name).start(task), security);
        executor.setSecurityContextHolderStrategy(securityContexts);
        // Method security reads the strategy bean and CurrentUser the static holder. In the running application they
        // are one object, but each Spring context of a test run brings its own bean, so the work is given both.
        // The changes the work makes are the page's own: it shows them itself, and open pages do not tell it of them.
        executor.execute(new DelegatingSecurityContextRunnable(
                () -> OpenPages.causedBy(page.ui, () -> {
                    work.accept(page);
                    return null;
                }),
                security));
    }

    /** The page that started the work. */
    public static final class Page {

        private final UI ui;
        private final String work;

        private Page(UI ui, String work) {
            this.ui = ui;
            this.work = work;
        }

        /** Changes the page if it is still open. */
        public void access(Command change) {
            try {
                ui.access(change);
            } catch (UIDetachedException left) {
                log.debug("The page that started {} was closed; the work goes on", work);
            }
        }
    }
}
