package com.dateline.post;

import com.dateline.base.TypedText;
import com.dateline.security.Roles;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores posts from another blog's archive, once each: a post is known by its import key (a WordPress GUID), and
 * importing it again returns the post already stored, unchanged. The body goes through the same renderer and
 * sanitiser as an editor's Markdown; the slug is made valid and, if another post of the same month holds it, unique
 * by appending -2, -3 and so on.
 */
@Service
@PreAuthorize(Roles.ADMIN_ONLY)
public class PostImport {

    public static final String DEFAULT_CATEGORY = "Uncategorized";
    /** The length of the post.import_key column. */
    public static final int MAX_IMPORT_KEY = 500;

    private static final Logger log = LoggerFactory.getLogger(PostImport.class);

    private final PostRepository posts;
    private final NewPosts newPosts;

    PostImport(PostRepository posts, NewPosts newPosts) {
        this.posts = posts;
        this.newPosts = newPosts;
    }

    /**
     * Adds the post unless a post with its import key is already stored.
     *
     * @throws PostRejected naming what makes the post impossible to store (no title, too long); nothing is stored
     */
    @Transactional
    public PostImportResult importPost(ImportedPost imported) {
        var key = imported.importKey().strip();
        if (key.isEmpty() || key.length() > MAX_IMPORT_KEY) {
            throw new PostRejected(Map.of(
                    PostForm.POST,
                    "Its identifier (GUID) is missing or longer than " + MAX_IMPORT_KEY + " characters."));
        }
        var existing = posts.findByImportKey(key);
        if (existing.isPresent()) {
            return new PostImportResult(Objects.requireNonNull(existing.get().getId()), false);
        }
        var title = imported.title().strip().replaceAll("\\s+", " ");
        var problems = new LinkedHashMap<String, String>();
        if (title.isEmpty()) {
            problems.put(PostForm.TITLE, "It has no title.");
        } else if (title.length() > PostEditing.MAX_TITLE) {
            problems.put(PostForm.TITLE, "Its title is longer than " + PostEditing.MAX_TITLE + " characters.");
        }
        if (imported.body().length() > PostEditing.MAX_BODY) {
            problems.put(
                    PostForm.BODY,
                    String.format(Locale.ROOT, "Its text is longer than %,d characters.", PostEditing.MAX_BODY));
        }
        if (!problems.containsKey(PostForm.TITLE)) {
            TypedText.problem("Its title", title, false).ifPresent(problem -> problems.put(PostForm.TITLE, problem));
        }
        TypedText.problem("Its category", imported.category(), true)
                .ifPresent(problem -> problems.put(PostForm.CATEGORY, problem));
        if (!problems.containsKey(PostForm.BODY)) {
            TypedText.problem("Its text", imported.body(), true)
                    .ifPresent(problem -> problems.put(PostForm.BODY, problem));
        }
        if (!problems.isEmpty()) {
            throw new PostRejected(problems);
        }
        var slug = uniqueSlug(baseSlug(imported.slug(), title), newPosts.slugMonth(imported.publishedAt()));
        var post = newPosts.create(
                title, slug, categoryName(imported.category()), imported.publishedAt(), imported.body(), null, null);
        post.imported(key, imported.draft(), imported.commentsClosed());
        var saved = posts.saveAndFlush(post);
        log.info("Post {} imported ({})", saved.getId(), imported.draft() ? "draft" : "not a draft");
        return new PostImportResult(Objects.requireNonNull(saved.getId()), true);
    }

    private static String categoryName(String name) {
        var clean = name.strip().replaceAll("\\s+", " ");
        if (clean.codePointCount(0, clean.length()) > PostEditing.MAX_CATEGORY) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, PostEditing.MAX_CATEGORY))
                    .strip();
        }
        return Slugs.fromTitle(clean).isEmpty() ? DEFAULT_CATEGORY : clean;
    }

    /** The archive's slug (WordPress percent-encodes non-Latin ones) made valid; else one made from the title. */
    static String baseSlug(String slug, String title) {
        String decoded;
        try {
            decoded = URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = slug;
        }
        var fromSlug = Slugs.fromTitle(decoded);
        if (!fromSlug.isEmpty()) {
            return fromSlug;
        }
        var fromTitle = Slugs.fromTitle(title);
        return fromTitle.isEmpty() ? "post" : fromTitle;
    }

    private String uniqueSlug(String base, String month) {
        var candidate = base;
        for (var n = 2; posts.findBySlugMonthAndSlug(month, candidate).isPresent(); n++) {
            var suffix = "-" + n;
            var stem = base.length() + suffix.length() > Slugs.MAX_LENGTH
                    ? base.substring(0, Slugs.MAX_LENGTH - suffix.length())
                    : base;
            candidate = stem.replaceAll("-+$", "") + suffix;
        }
        return candidate;
    }
}
