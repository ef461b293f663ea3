package com.dateline.post.ui;

import com.dateline.base.BlogTime;
import com.dateline.post.CategoryInfo;
import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The post as its page will show it, drawn by {@link PostPageParts} as the page is: kicker and title, dateline, photo,
 * body, byline. The headline is an {@code h2} here, under the editor's own heading.
 */
final class EditorPreview extends Section {

    private final PostEditing editing;
    private final BlogTime time;
    private final Article article = new Article();
    private final Div photo = new Div();
    private Component header = new Div();
    private Component body = new Div();
    private Component byline = new Div();
    private List<?> shownFigure = List.of();

    EditorPreview(PostEditing editing, BlogTime time) {
        this.editing = editing;
        this.time = time;
        var label = new H2("Preview");
        label.addClassName("preview-label");
        label.setId("preview-heading");
        article.add(header, photo, body, byline);
        article.addClassName("post");
        add(label, article);
        addClassName("editor-preview");
        setId("post-preview");
        getElement().setAttribute("aria-labelledby", "preview-heading");
    }

    /** {@code image} is the photo the form has, stored or just uploaded, or null when it has none. */
    void show(PostForm form, Instant publishedAt, @Nullable Image image) {
        var title = form.title().isBlank() ? "(No title yet)" : form.title().strip();
        var kicker = CategoryInfo.kicker(form.category().strip());
        header = swap(header, PostPageParts.header(new H2(), kicker, title, publishedAt, time));
        showPhoto(form.photo(), image);
        body = swap(body, form.body().isBlank() ? emptyBody() : PostPageParts.body(editing.preview(form.body())));
        var bylineText = form.byline().strip();
        byline = swap(byline, bylineText.isEmpty() ? new Div() : PostPageParts.byline(bylineText));
    }

    // Rebuilt only when the photo or its words change, so typing in the body does not reload the image.
    private void showPhoto(PostForm.@Nullable PhotoForm words, @Nullable Image image) {
        var figureKey = image == null || words == null
                ? List.of()
                : List.of(
                        image,
                        words.altText().strip(),
                        words.caption().strip(),
                        words.credit().strip());
        if (figureKey.equals(shownFigure)) {
            return;
        }
        shownFigure = figureKey;
        photo.removeAll();
        if (image != null && words != null) {
            image.setAlt(words.altText().strip());
            photo.add(PostPageParts.figure(
                    image, words.caption().strip(), words.credit().strip()));
        }
    }

    private Component swap(Component shown, Component next) {
        article.replace(shown, next);
        return next;
    }

    private static Div emptyBody() {
        var empty = new Paragraph("The body appears here as you write it.");
        empty.addClassName("preview-empty");
        var body = new Div(empty);
        body.addClassName("post-body");
        return body;
    }
}
