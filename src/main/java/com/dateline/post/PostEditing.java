package com.dateline.post;

import com.dateline.base.BlogProperties;
import com.dateline.base.TypedText;
import com.dateline.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do with posts: list them (drafts and scheduled ones too), write, edit, publish, schedule and delete.
 * Every rule is checked here, whatever the form allowed; a refused save names each field to fix.
 */
@Service
@PreAuthorize(Roles.EDITOR_OR_ADMIN)
public class PostEditing {

    static final int MAX_TITLE = 300;
    static final int MAX_CATEGORY = 80;
    static final int MAX_BYLINE = 300;
    static final int MAX_BODY = 200_000;
    static final int MAX_ALT_TEXT = 500;
    static final int MAX_CAPTION = 1000;
    static final int MAX_CREDIT = 300;

    private static final Logger log = LoggerFactory.getLogger(PostEditing.class);

    private final PostRepository posts;
    private final CategoryRepository categories;
    private final PhotoStore photos;
    private final PostBodyRenderer renderer;
    private final ObjectProvider<PublishedCommentCounts> commentCounts;
    private final BlogProperties blog;
    private final Clock clock;

    PostEditing(
            PostRepository posts,
            CategoryRepository categories,
            PhotoStore photos,
            PostBodyRenderer renderer,
            ObjectProvider<PublishedCommentCounts> commentCounts,
            BlogProperties blog,
            Clock clock) {
        this.posts = posts;
        this.categories = categories;
        this.photos = photos;
        this.renderer = renderer;
        this.commentCounts = commentCounts;
        this.blog = blog;
        this.clock = clock;
    }

    /** Every post that is not deleted, newest publication time first, optionally narrowed by words in the title. */
    @Transactional(readOnly = true)
    public Slice<PostRow> list(@Nullable String titleContains, Pageable page) {
        var needle = titleContains == null || titleContains.isBlank() ? null : TypedText.containsPattern(titleContains);
        var slice = needle == null ? posts.findForEditors(page) : posts.findForEditorsByTitle(needle, page);
        var ids = slice.getContent().stream().map(PostEditing::requireId).toList();
        var counts = commentCounts.getIfAvailable(() -> postIds -> Map.of()).of(ids);
        var now = clock.instant();
        return slice.map(post -> new PostRow(
                requireId(post),
                post.getTitle(),
                post.getCategory().getName(),
                status(post, now),
                post.getPublishedAt(),
                path(post),
                counts.getOrDefault(requireId(post), 0L)));
    }

    /** A post as its form shows it. */
    @Transactional(readOnly = true)
    public Optional<PostForm> load(long postId) {
        return posts.findById(postId).filter(post -> !post.isDeleted()).map(post -> {
            var photo = post.getPhoto();
            return new PostForm(
                    requireId(post),
                    post.getVersion(),
                    post.getTitle(),
                    post.getCategory().getName(),
                    post.getSlug(),
                    post.getPublishedAt().atZone(blog.timeZone()).toLocalDateTime(),
                    post.getByline() == null ? "" : post.getByline(),
                    !post.isCommentsClosed(),
                    post.isDraft(),
                    post.getBody().source(),
                    photo == null
                            ? null
                            : new PostForm.PhotoForm(
                                    photo.getId(),
                                    null,
                                    photo.getAltText(),
                                    orEmpty(photo.getCaption()),
                                    orEmpty(photo.getCredit())));
        });
    }

    /** Where readers find the post, once it is published. */
    @Transactional(readOnly = true)
    public Optional<String> pathOf(long postId) {
        return posts.findById(postId).filter(post -> !post.isDeleted()).map(this::path);
    }

    /** The status a saved post has now. */
    @Transactional(readOnly = true)
    public Optional<PostStatus> statusOf(long postId) {
        return posts.findById(postId).filter(post -> !post.isDeleted()).map(post -> status(post, clock.instant()));
    }

    /** A post's stored photo for the editor's preview, whether or not readers may see the post yet. */
    @Transactional(readOnly = true)
    public Optional<EncodedImage> photo(long photoId) {
        return photos.original(photoId);
    }

    /** Category names, A to Z, for the editor's choice (a new name creates a category on save). */
    @Transactional(readOnly = true)
    public List<String> categoryNames() {
        return categories.findAll().stream()
                .map(Category::getName)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /** The sanitised HTML the body becomes, exactly as the post page will show it. */
    public String preview(String markdown) {
        return renderer.render(markdown).html();
    }

    /**
     * Checks an upload before the editor fills in its words.
     *
     * @throws PostRejected on {@link PostForm#PHOTO} if it is not a JPEG, PNG or WebP photo of at most 10 MB
     */
    public UploadedPhoto checkPhoto(byte[] bytes) {
        try {
            return photos.inspect(bytes);
        } catch (IllegalArgumentException refused) {
            throw new PostRejected(Map.of(PostForm.PHOTO, refused.getMessage()));
        }
    }

    /**
     * Saves a new post or the changes to one.
     *
     * @return the post's id
     * @throws PostRejected naming every field to fix, or {@link PostForm#POST} if another editor saved it meanwhile
     */
    @Transactional
    public long save(PostForm form) {
        var title = form.title().strip();
        var categoryName = form.category().strip();
        var slug = form.slug().strip();
        var byline = form.byline().strip();
        var photoForm = form.photo();
        UploadedPhoto upload = null;
        String photoProblem = null;
        if (photoForm != null && photoForm.upload() != null) {
            try {
                upload = photos.inspect(photoForm.upload());
            } catch (IllegalArgumentException refused) {
                photoProblem = refused.getMessage();
            }
        } else if (photoForm != null && photoForm.existingId() == null) {
            photoProblem = "Please upload the photo again.";
        }
        var problems = PostFormRules.problems(form, photoProblem);

        Post post = null;
        if (form.id() != null) {
            post = posts.findById(form.id()).filter(found -> !found.isDeleted()).orElse(null);
            if (post == null) {
                throw new PostRejected(
                        Map.of(PostForm.POST, "This post was deleted meanwhile. Copy what you wrote before leaving."));
            }
            if (post.getVersion() != form.version()) {
                throw new PostRejected(
                        Map.of(
                                PostForm.POST,
                                "Another editor saved this post after you opened it. Copy your changes, reload the post and apply them again."));
            }
        }
        Instant publishedAt = null;
        if (form.publishAt() != null) {
            publishedAt = form.publishAt().atZone(blog.timeZone()).toInstant();
            if (!problems.containsKey(PostForm.SLUG)) {
                var month = Post.slugMonth(publishedAt, blog.timeZone());
                var taken = posts.findBySlugMonthAndSlug(month, slug)
                        .filter(other -> form.id() == null || !form.id().equals(other.getId()));
                if (taken.isPresent()) {
                    problems.put(
                            PostForm.SLUG,
                            "Another post of " + month + " already has this address. Please choose another slug.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PostRejected(problems);
        }

        var category = category(categoryName);
        var body = renderer.render(form.body());
        var photo = photo(post == null ? null : post.getPhoto(), photoForm, upload);
        var now = clock.instant();
        if (post == null) {
            post = new Post();
        }
        post.edit(
                title,
                slug,
                category,
                publishedAt,
                blog.timeZone(),
                body,
                blank(byline),
                photo,
                !form.commentsOpen(),
                form.draft(),
                now);
        var saved = posts.saveAndFlush(post);
        log.info("Post {} saved ({}) by an editor", saved.getId(), status(saved, now));
        return requireId(saved);
    }

    /** Takes a post off every reader route at once. Its comments and their history stay in the database. */
    @Transactional
    public void delete(long postId) {
        posts.findById(postId).filter(post -> !post.isDeleted()).ifPresent(post -> {
            var photo = post.getPhoto();
            post.delete(clock.instant());
            posts.save(post);
            if (photo != null) {
                photos.remove(photo);
            }
            log.info("Post {} deleted by an editor", postId);
        });
    }

    private Category category(String name) {
        return categories.findOrCreate(name);
    }

    private @Nullable Photo photo(
            @Nullable Photo current, PostForm.@Nullable PhotoForm form, @Nullable UploadedPhoto upload) {
        if (form == null) {
            if (current != null) {
                photos.remove(current);
            }
            return null;
        }
        var bytes = form.upload();
        if (bytes == null || upload == null) {
            if (current == null || !Objects.equals(current.getId(), form.existingId())) {
                throw new PostRejected(Map.of(PostForm.PHOTO, "Please upload the photo again."));
            }
            current.describe(
                    form.altText().strip(),
                    blank(form.caption().strip()),
                    blank(form.credit().strip()));
            return current;
        }
        if (current != null) {
            photos.remove(current);
        }
        return photos.store(
                bytes,
                form.altText().strip(),
                blank(form.caption().strip()),
                blank(form.credit().strip()));
    }

    static PostStatus status(Post post, Instant now) {
        if (post.isDraft()) {
            return PostStatus.DRAFT;
        }
        return post.getPublishedAt().isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
    }

    private String path(Post post) {
        return post.path(blog.timeZone());
    }

    private static @Nullable String blank(String value) {
        return TypedText.isBlank(value) ? null : value;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static long requireId(Post post) {
        return Objects.requireNonNull(post.getId());
    }
}
