package com.dateline.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Map;

/**
 * The page shell every route shares. The theme is plain CSS served as a static file, so the app
 * needs no frontend bundle build.
 */
// Server push: open post pages show new comments, and authors see their comment's fate, without a reload.
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/dateline.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink(
                "/feed.atom", Map.of("rel", "alternate", "type", "application/atom+xml", "title", "Atom feed"));
    }
}
