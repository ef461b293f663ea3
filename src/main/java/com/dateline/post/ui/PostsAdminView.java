package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostEditing;
import com.dateline.post.PostRow;
import com.dateline.post.PostStatus;
import com.dateline.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * The editors' list of posts: every post that is not deleted (drafts and scheduled ones too), newest publication
 * first, narrowed by words in the title; from here an editor writes a new post, edits, views or deletes one.
 */
@Route(value = PostsAdminView.ROUTE, layout = MainLayout.class)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
class PostsAdminView extends Div implements HasDynamicTitle {

    static final String ROUTE = "admin/posts";

    final TextField search = new TextField("Search titles");
    final Button newPost = new Button("New post");
    final Grid<PostRow> grid = new Grid<>();

    static final int NARROW_BELOW = 700;

    private final PostEditing editing;
    private final BlogTime time;
    private final List<Grid.Column<PostRow>> otherColumns;
    private @Nullable Registration resizing;
    private final String blogTitle;

    PostsAdminView(PostEditing editing, BlogTime time, BlogProperties blog, AuthenticationContext authentication) {
        this.editing = editing;
        this.time = time;
        this.blogTitle = blog.title();
        addClassName("posts-admin");

        search.setPlaceholder("Words in the title");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        search.setId("posts-search");

        newPost.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newPost.setId("new-post");
        newPost.addClickListener(
                click -> newPost.getUI().ifPresent(ui -> ui.navigate(PostEditorView.class, PostEditorView.NEW)));

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::titleCell)
                .setKey("title")
                .setHeader("Title")
                .setWidth("16rem")
                .setFlexGrow(4);
        otherColumns = List.of(
                grid.addColumn(PostRow::category)
                        .setKey("category")
                        .setHeader("Category")
                        .setWidth("9rem")
                        .setFlexGrow(0),
                grid.addComponentColumn(PostsAdminView::statusLabel)
                        .setKey("status")
                        .setHeader("Status")
                        .setAutoWidth(true)
                        .setFlexGrow(0),
                grid.addColumn(row -> time.dateline(row.publishedAt()))
                        .setKey("publication")
                        .setHeader("Publication")
                        .setWidth("17rem")
                        .setFlexGrow(0),
                grid.addColumn(PostRow::publishedComments)
                        .setKey("comments")
                        .setHeader("Comments")
                        .setAutoWidth(true)
                        .setFlexGrow(0),
                grid.addComponentColumn(this::actions)
                        .setKey("actions")
                        .setHeader("Actions")
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        // Slices, not pages: the list never counts all posts, it asks for the next page while the editor scrolls.
        grid.setItems(query ->
                editing.list(search.getValue(), PageRequest.of(query.getPage(), query.getPageSize())).stream());
        grid.setEmptyStateText("No posts here. Clear the search, or write a new post.");
        grid.setId("posts-grid");
        grid.setHeight("34rem");

        var toolbar = new Div(search, newPost);
        toolbar.addClassName("posts-toolbar");
        if (authentication.hasRole(Roles.ADMIN)) {
            var importArchive = new Anchor("/admin/posts/import", "Import a WordPress archive");
            importArchive.setId("import-archive");
            toolbar.add(importArchive);
        }
        add(new H1("Posts"), toolbar, grid);
    }

    /** The title, linking to the editor; on a narrow screen also the other columns' facts, which are hidden there. */
    private Component titleCell(PostRow row) {
        var link = new RouterLink(row.title(), PostEditorView.class, PostEditorView.idParameter(row.id()));
        link.getElement().setAttribute("title", "Edit “" + row.title() + "”");
        link.addClassName("post-row-title");
        var facts = new Div(
                statusLabel(row),
                new Span(" " + row.category() + " · " + time.dateline(row.publishedAt()) + " · "
                        + row.publishedComments() + (row.publishedComments() == 1 ? " comment" : " comments")));
        facts.addClassName("post-row-facts");
        var compact = new Div(facts, actions(row));
        compact.addClassName("post-row-compact");
        return new Div(link, compact);
    }

    /** Below 700 px the grid keeps one column, the title, whose cell then shows the rest too. */
    void fitColumns(int windowWidth) {
        var narrow = windowWidth > 0 && windowWidth < NARROW_BELOW;
        otherColumns.forEach(column -> column.setVisible(!narrow));
        grid.getElement().getClassList().set("posts-grid-narrow", narrow);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var page = attachEvent.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitColumns(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(resize -> fitColumns(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resizing != null) {
            resizing.remove();
            resizing = null;
        }
    }

    static Span statusLabel(PostRow row) {
        return statusLabel(row.status());
    }

    static Span statusLabel(PostStatus status) {
        var label = new Span(status.label());
        label.addClassNames("post-status", "post-status-" + status.name().toLowerCase(Locale.ROOT));
        return label;
    }

    private Component actions(PostRow row) {
        var edit = new Button("Edit", click -> edit(row));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.getElement().setAttribute("aria-label", "Edit “" + row.title() + "”");
        var actions = new Div(edit);
        if (row.status() == PostStatus.PUBLISHED) {
            var view = new Anchor(row.path(), "View");
            view.setTarget(AnchorTarget.BLANK);
            view.getElement().setAttribute("aria-label", "View “" + row.title() + "” on the site (new tab)");
            actions.add(view);
        }
        var delete = new Button("Delete", click -> confirmDelete(row));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.getElement().setAttribute("aria-label", "Delete “" + row.title() + "”");
        actions.add(delete);
        actions.addClassName("post-row-actions");
        return actions;
    }

    private void edit(PostRow row) {
        getUI().ifPresent(ui -> ui.navigate(PostEditorView.class, PostEditorView.idParameter(row.id())));
    }

    void confirmDelete(PostRow row) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Delete this post?");
        dialog.add(
                new Paragraph("Delete “" + row.title() + "”? It leaves the site, the feed and previous/next at once."));
        var delete = new Button("Delete post", click -> {
            dialog.close();
            delete(row);
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, delete);
        dialog.open();
        cancel.focus();
    }

    private void delete(PostRow row) {
        editing.delete(row.id());
        var notification =
                Notification.show("Deleted “" + row.title() + "”.", 6000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return "Posts — " + blogTitle;
    }
}
