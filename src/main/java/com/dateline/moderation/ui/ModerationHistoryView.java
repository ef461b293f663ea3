package com.dateline.moderation.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.moderation.HistoryEntry;
import com.dateline.moderation.ModerationService;
import com.dateline.security.CurrentUser;
import com.dateline.security.Roles;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/** The global log of moderation actions, newest first, read a page at a time. */
@Route(value = "admin/moderation/history", layout = MainLayout.class)
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
class ModerationHistoryView extends Div implements HasDynamicTitle {

    final Checkbox onlyMine = new Checkbox("Only my actions");
    final Grid<HistoryEntry> grid = new Grid<>();
    private final String blogTitle;

    ModerationHistoryView(ModerationService moderation, BlogTime time, BlogProperties blog) {
        this.blogTitle = blog.title();
        addClassName("moderation");
        grid.addColumn(entry -> time.dateline(entry.createdAt()))
                .setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(HistoryEntry::moderator).setHeader("Moderator").setAutoWidth(true);
        grid.addColumn(entry -> entry.action().pastTense()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(HistoryEntry::commentId).setHeader("Comment").setAutoWidth(true);
        grid.addColumn(entry -> entry.statusBefore() + " → " + entry.statusAfter())
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(entry -> entry.reason() == null ? "" : entry.reason())
                .setHeader("Reason")
                .setFlexGrow(1);
        grid.addColumn(entry -> entry.undone() ? "Undone" : "").setHeader("").setAutoWidth(true);
        grid.setItems(query -> moderation
                .log(
                        onlyMine.getValue() ? CurrentUser.require().accountId() : null,
                        PageRequest.of(query.getPage(), query.getPageSize()))
                .stream());
        grid.setHeight("32rem");
        onlyMine.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add(
                new H1("Moderation history"),
                new Paragraph(new Anchor("/admin/moderation", "Back to the moderation queues")),
                onlyMine,
                grid);
    }

    @Override
    public String getPageTitle() {
        return "Moderation history — " + blogTitle;
    }
}
