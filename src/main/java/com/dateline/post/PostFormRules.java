package com.dateline.post;

import static com.dateline.post.PostEditing.MAX_ALT_TEXT;
import static com.dateline.post.PostEditing.MAX_BODY;
import static com.dateline.post.PostEditing.MAX_BYLINE;
import static com.dateline.post.PostEditing.MAX_CAPTION;
import static com.dateline.post.PostEditing.MAX_CATEGORY;
import static com.dateline.post.PostEditing.MAX_CREDIT;
import static com.dateline.post.PostEditing.MAX_TITLE;

import com.dateline.base.TypedText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a post's form must hold before anything is stored, field by field, in the order the form shows them. Whether
 * the slug is free and the post unchanged meanwhile is the database's to say, in {@link PostEditing}.
 */
final class PostFormRules {

    private PostFormRules() {}

    /** @param photoProblem why the uploaded photo cannot be used, if it cannot */
    static Map<String, String> problems(PostForm form, @Nullable String photoProblem) {
        var problems = new LinkedHashMap<String, String>();
        var title = form.title().strip();
        var categoryName = form.category().strip();
        var slug = form.slug().strip();
        var byline = form.byline().strip();
        require(problems, PostForm.TITLE, title, MAX_TITLE, "a title");
        require(problems, PostForm.CATEGORY, categoryName, MAX_CATEGORY, "a category");
        showable(problems, PostForm.TITLE, "The title", title, false);
        showable(problems, PostForm.CATEGORY, "The category", categoryName, false);
        if (!problems.containsKey(PostForm.CATEGORY)
                && Slugs.fromTitle(categoryName).isEmpty()) {
            problems.put(PostForm.CATEGORY, "A category name needs at least one letter or digit.");
        }
        if (slug.isEmpty()) {
            problems.put(PostForm.SLUG, "Please give the post an address (slug).");
        } else if (!Slugs.isValid(slug)) {
            problems.put(
                    PostForm.SLUG,
                    "Use only lower-case letters, digits and single hyphens between them, at most " + Slugs.MAX_LENGTH
                            + " characters, for example \"" + suggestion(slug, title) + "\".");
        }
        if (form.publishAt() == null) {
            problems.put(PostForm.PUBLISH_AT, "Please give a publication date and time.");
        }
        limit(problems, PostForm.BYLINE, byline, MAX_BYLINE);
        if (TypedText.isBlank(form.body())) {
            problems.put(PostForm.BODY, "Please write the post.");
        } else {
            limit(problems, PostForm.BODY, form.body(), MAX_BODY);
        }
        var photoForm = form.photo();
        if (photoForm != null) {
            if (photoProblem != null) {
                problems.put(PostForm.PHOTO, photoProblem);
            }
            require(
                    problems,
                    PostForm.ALT_TEXT,
                    photoForm.altText().strip(),
                    MAX_ALT_TEXT,
                    "a description of the photo for readers who cannot see it (alt text)");
            limit(problems, PostForm.CAPTION, photoForm.caption().strip(), MAX_CAPTION);
            limit(problems, PostForm.CREDIT, photoForm.credit().strip(), MAX_CREDIT);
            showable(
                    problems,
                    PostForm.ALT_TEXT,
                    "The alt text",
                    photoForm.altText().strip(),
                    false);
            showable(
                    problems,
                    PostForm.CAPTION,
                    "The caption",
                    photoForm.caption().strip(),
                    false);
            showable(problems, PostForm.CREDIT, "The credit", photoForm.credit().strip(), false);
        }
        showable(problems, PostForm.BYLINE, "The byline", byline, false);
        showable(problems, PostForm.BODY, "The body", form.body(), true);

        return problems;
    }

    private static String suggestion(String slug, String title) {
        var fromSlug = Slugs.fromTitle(slug);
        return fromSlug.isEmpty() ? Slugs.fromTitle(title) : fromSlug;
    }

    private static void require(Map<String, String> problems, String field, String value, int max, String what) {
        if (TypedText.isBlank(value)) {
            problems.put(field, "Please give " + what + ".");
        } else {
            limit(problems, field, value, max);
        }
    }

    /** A field without a problem yet that holds a character no page can show gets that as its problem. */
    private static void showable(
            Map<String, String> problems, String field, String subject, String value, boolean multiLine) {
        if (!problems.containsKey(field)) {
            TypedText.problem(subject, value, multiLine).ifPresent(problem -> problems.put(field, problem));
        }
    }

    private static void limit(Map<String, String> problems, String field, String value, int max) {
        if (value.length() > max) {
            problems.put(
                    field,
                    "At most " + String.format(Locale.ROOT, "%,d", max) + " characters; this has "
                            + String.format(Locale.ROOT, "%,d", value.length()) + ".");
        }
    }
}
