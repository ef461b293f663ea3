package com.dateline.post.ui;

import com.dateline.post.PostForm;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Map;

/**
 * Above the form after a refused save: that the post was not saved, a problem with the post as a whole, and how many
 * fields are marked; the fields show their own messages.
 */
final class EditorAlert extends Div {

    EditorAlert() {
        addClassName("editor-alert");
        getElement().setAttribute("role", "alert");
        setId("editor-alert");
        setVisible(false);
    }

    void show(Map<String, String> problems) {
        removeAll();
        add(new Paragraph(new Span("The post was not saved. ")));
        var postProblem = problems.get(PostForm.POST);
        if (postProblem != null) {
            add(new Paragraph(postProblem));
        }
        var fields = problems.keySet().stream()
                .filter(name -> !PostForm.POST.equals(name))
                .count();
        if (fields > 0) {
            add(
                    new Paragraph(
                            fields == 1
                                    ? "One field needs your attention; it is marked below. Everything you typed is still here."
                                    : fields
                                            + " fields need your attention; they are marked below. Everything you typed is still here."));
        }
        setVisible(true);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }
}
