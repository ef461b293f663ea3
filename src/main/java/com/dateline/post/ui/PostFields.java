package com.dateline.post.ui;

import com.dateline.base.BlogTime;
import com.dateline.base.ui.FieldErrors;
import com.dateline.post.PostForm;
import com.dateline.post.Slugs;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The post's own fields in the editor, everything but the photo, and what they tell the editor as they are filled in:
 * the address the slug gives, what the chosen status will do, the categories known so far. A new post's slug follows
 * its title until the editor types one.
 */
final class PostFields {

    private static final String DRAFT = "Draft";
    private static final String PUBLISH = "Publish";
    private static final String SLUG_HELP =
            "Lower-case letters, digits and hyphens; the post's address is /yyyy/MM/slug";
    private static final String BODY_HELP =
            "Markdown: a blank line starts a paragraph, > starts a quotation, *italics*, **bold**, [link](https://…)";

    final TextField title = new TextField("Title");
    final ComboBox<String> category = new ComboBox<>("Category");
    final TextField slug = new TextField("Slug");
    final DateTimePicker publishAt = new DateTimePicker("Publication date and time");
    final Button now = new Button("Now");
    final TextField byline = new TextField("Byline");
    final Checkbox commentsOpen = new Checkbox("Comments open");
    final RadioButtonGroup<String> status = new RadioButtonGroup<>("Status");
    final TextArea body = new TextArea("Body");

    private final BlogTime time;
    private final Clock clock;
    private final Div when = new Div(publishAt, now);
    private final List<String> categories = new ArrayList<>();
    private boolean slugFollowsTitle = true;
    private boolean published;
    private boolean filling;

    /** {@code changed} runs after every change to a field, the editor's or {@link #fill}'s. */
    PostFields(BlogTime time, Clock clock, Runnable changed) {
        this.time = time;
        this.clock = clock;
        var zone = time.zone();

        title.setRequiredIndicatorVisible(true);
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.setId("post-title");
        title.addValueChangeListener(change -> {
            if (slugFollowsTitle && !filling) {
                slug.setValue(Slugs.fromTitle(change.getValue()));
            }
        });

        category.setAllowCustomValue(true);
        category.setRequiredIndicatorVisible(true);
        category.setHelperText("Shown in capitals before the title. Type a new name to create a category.");
        category.addCustomValueSetListener(custom -> {
            var name = custom.getDetail().strip();
            if (!name.isEmpty()) {
                category.setValue(offerCategory(name));
            }
        });
        category.setId("post-category");

        slug.setRequiredIndicatorVisible(true);
        slug.setHelperText(SLUG_HELP);
        slug.setValueChangeMode(ValueChangeMode.LAZY);
        slug.setId("post-slug");
        slug.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                // Typed by hand: the title no longer writes it, unless the editor empties it again.
                slugFollowsTitle = change.getValue().isBlank();
            }
            showAddress();
        });

        publishAt.setRequiredIndicatorVisible(true);
        publishAt.setHelperText("In the blog's time zone, " + zone.getId() + " ("
                + zone.getDisplayName(TextStyle.FULL, Locale.US) + "). A time in the future schedules the post.");
        publishAt.setStep(Duration.ofMinutes(15));
        publishAt.setId("post-publish-at");
        now.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        now.getElement().setAttribute("aria-label", "Set the publication time to now");
        now.addClickListener(click -> publishAt.setValue(nowInBlogZone()));
        when.addClassName("editor-when");

        byline.setHelperText("Shown after the body: “— Times staff writers in Beirut”.");
        byline.setId("post-byline");
        commentsOpen.setId("post-comments-open");

        status.setItems(DRAFT, PUBLISH);
        status.setId("post-status");

        body.setRequiredIndicatorVisible(true);
        body.setHelperText(BODY_HELP);
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setId("post-body");
        body.addClassName("editor-body");

        for (var field :
                List.<HasValue<?, ?>>of(title, category, slug, publishAt, byline, commentsOpen, status, body)) {
            onChange(field, changed);
        }
        for (var field : List.of(title, slug, byline)) {
            field.setWidthFull();
        }
        category.setWidthFull();
        body.setWidthFull();
    }

    /** The fields in the order the form shows them. */
    Component[] inOrder() {
        return new Component[] {title, category, slug, when, byline, commentsOpen, status, body};
    }

    /** Registers the fields a refused save can name, in the order the cursor looks for the first problem. */
    void reportTo(FieldErrors errors) {
        errors.field(PostForm.TITLE, title)
                .field(PostForm.CATEGORY, category)
                .field(PostForm.SLUG, slug)
                .field(PostForm.PUBLISH_AT, publishAt)
                .field(PostForm.BYLINE, byline)
                .field(PostForm.BODY, body);
    }

    void offerCategories(List<String> names) {
        categories.clear();
        categories.addAll(names);
        category.setItems(categories);
    }

    /** A post not written yet: published now, as a draft, comments open. */
    PostForm newPost() {
        return new PostForm(null, 0, "", "", "", nowInBlogZone(), "", true, true, "", null);
    }

    /** {@code published}: the post is on the site, so changing its address breaks links to it. */
    void fill(PostForm form, boolean published) {
        this.published = published;
        filling = true;
        try {
            title.setValue(form.title());
            if (!form.category().isBlank()) {
                category.setValue(offerCategory(form.category()));
            } else {
                category.clear();
            }
            slug.setValue(form.slug());
            // A new post's address follows its title; a saved one keeps its address unless the editor changes it.
            slugFollowsTitle = form.id() == null;
            publishAt.setValue(form.publishAt());
            byline.setValue(form.byline());
            commentsOpen.setValue(form.commentsOpen());
            status.setValue(form.draft() ? DRAFT : PUBLISH);
            body.setValue(form.body());
        } finally {
            filling = false;
        }
    }

    PostForm form(@Nullable Long id, long version, PostForm.@Nullable PhotoForm photo) {
        return new PostForm(
                id,
                version,
                title.getValue(),
                category.getValue() == null ? "" : category.getValue(),
                slug.getValue(),
                publishAt.getValue(),
                byline.getValue(),
                commentsOpen.getValue(),
                !PUBLISH.equals(status.getValue()),
                body.getValue(),
                photo);
    }

    /** The helper texts that follow the values: the post's address and what saving with this status does. */
    void refresh() {
        showAddress();
        showResultingStatus();
    }

    Instant publicationInstant() {
        var value = publishAt.getValue();
        return value == null ? clock.instant() : value.atZone(time.zone()).toInstant();
    }

    private void showAddress() {
        var value = slug.getValue().strip();
        var month = publishAt.getValue();
        if (month != null && Slugs.isValid(value)) {
            slug.setHelperText(SLUG_HELP + ", here /"
                    + DateTimeFormatter.ofPattern("yyyy/MM", Locale.ROOT).format(month) + "/" + value
                    + (published ? ". Changing the address or the month breaks links to this published post." : ""));
        } else {
            slug.setHelperText(SLUG_HELP);
        }
    }

    private void showResultingStatus() {
        String text;
        if (!PUBLISH.equals(status.getValue())) {
            text = "Draft: only editors see it. Choose Publish to put it on the site.";
        } else if (publishAt.getValue() == null) {
            text = "Give the publication date and time above.";
        } else if (publicationInstant().isAfter(clock.instant())) {
            text = "Scheduled: readers see it from " + time.dateline(publicationInstant()) + ".";
        } else {
            text = "Published: readers see it as soon as you save.";
        }
        status.setHelperText(text);
    }

    private LocalDateTime nowInBlogZone() {
        return LocalDateTime.ofInstant(clock.instant(), time.zone()).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The known category of that name in any letter case, or the new name, now offered in the list too. */
    private String offerCategory(String name) {
        var known = categories.stream()
                .filter(existing -> existing.equalsIgnoreCase(name))
                .findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        categories.add(name);
        categories.sort(String.CASE_INSENSITIVE_ORDER);
        category.setItems(categories);
        return name;
    }

    private static <V> void onChange(HasValue<?, V> field, Runnable action) {
        field.addValueChangeListener(change -> action.run());
    }
}
