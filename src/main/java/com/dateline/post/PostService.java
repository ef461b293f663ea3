package com.dateline.post;

import com.dateline.base.BlogProperties;
import com.dateline.base.TypedText;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What readers may see of the posts: only those whose publication time has come. */
@Service
@Transactional(readOnly = true)
public class PostService {

    private final PostRepository posts;
    private final CategoryRepository categories;
    private final PhotoRenditionRepository renditions;
    private final BlogProperties blog;
    private final PostPageCache pages;
    private final Clock clock;

    PostService(
            PostRepository posts,
            CategoryRepository categories,
            PhotoRenditionRepository renditions,
            BlogProperties blog,
            PostPageCache pages,
            Clock clock) {
        this.pages = pages;
        this.posts = posts;
        this.categories = categories;
        this.renditions = renditions;
        this.blog = blog;
        this.clock = clock;
    }

    /** The next moment a post becomes visible to readers (a scheduled one), if any is waiting. */
    public Optional<Instant> nextPublication() {
        return Optional.ofNullable(posts.findNextPublication(clock.instant()));
    }

    /** Newest first. */
    public Slice<PostSummary> findPublished(Pageable page) {
        return posts.findPublished(clock.instant(), page).map(this::summary);
    }

    /** The newest posts with their bodies, newest first. */
    public List<PostContent> findNewestContent(int limit) {
        return posts.findPublished(clock.instant(), PageRequest.of(0, limit)).stream()
                .map(post -> new PostContent(summary(post), post.getBody().html(), post.getByline()))
                .toList();
    }

    public Optional<CategoryInfo> findCategory(String slug) {
        return categories.findBySlug(TypedText.lookupKey(slug)).map(PostService::categoryInfo);
    }

    /** Newest first, one category. */
    public Slice<PostSummary> findPublishedInCategory(String categorySlug, Pageable page) {
        return posts.findPublishedInCategory(categorySlug, clock.instant(), page)
                .map(this::summary);
    }

    /** The post at {@code /{year}/{month}/{slug}}, with its older and newer neighbours. */
    public Optional<PostDetails> findByPermalink(int year, int month, String slug) {
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        var slugMonth = YearMonth.of(year, month).toString();
        var now = clock.instant();
        return pages.get(
                slugMonth,
                slug,
                now,
                () -> posts.findPublishedBySlug(slugMonth, TypedText.lookupKey(slug), now)
                        .map(post -> details(post, now)));
    }

    /** Headlines and paths of the given posts, for lists that mention posts by id. */
    public Map<Long, PostLink> findLinks(Collection<Long> postIds) {
        var links = new HashMap<Long, PostLink>();
        if (!postIds.isEmpty()) {
            posts.findAllWithCategory(postIds).forEach(post -> links.put(requireId(post), link(post)));
        }
        return links;
    }

    /** A published post that readers may discuss, if it exists. */
    public Optional<CommentTarget> findCommentTarget(long postId) {
        var now = clock.instant();
        return posts.findById(postId)
                .filter(post -> !post.getPublishedAt().isAfter(now) && !post.isDraft() && !post.isDeleted())
                .map(post ->
                        new CommentTarget(requireId(post), path(post), post.getPublishedAt(), post.isCommentsClosed()));
    }

    /** A photo's file, only once a post that shows it is published: embargoed pictures stay hidden. */
    public Optional<EncodedImage> findImage(long photoId, PhotoVariant variant) {
        return renditions.findPublished(photoId, variant, clock.instant()).map(PhotoRendition::toImage);
    }

    private PostDetails details(Post post, Instant now) {
        var id = requireId(post);
        var older = posts.findOlder(post.getPublishedAt(), id, now, Limit.of(1)).stream()
                .findFirst()
                .map(this::link)
                .orElse(null);
        var newer = posts.findNewer(post.getPublishedAt(), id, now, Limit.of(1)).stream()
                .findFirst()
                .map(this::link)
                .orElse(null);
        return new PostDetails(summary(post), post.getBody().html(), post.getByline(), older, newer);
    }

    private PostSummary summary(Post post) {
        return new PostSummary(
                requireId(post),
                post.getTitle(),
                categoryInfo(post.getCategory()),
                path(post),
                post.getPublishedAt(),
                post.getBody().excerpt(),
                photoInfo(post.getPhoto()));
    }

    private PostLink link(Post post) {
        return new PostLink(post.getCategory().getName().toUpperCase(Locale.ROOT) + ": " + post.getTitle(), path(post));
    }

    private String path(Post post) {
        return post.path(blog.timeZone());
    }

    private static CategoryInfo categoryInfo(Category category) {
        return new CategoryInfo(category.getName(), category.getSlug());
    }

    private static @Nullable PhotoInfo photoInfo(@Nullable Photo photo) {
        if (photo == null || photo.getId() == null) {
            return null;
        }
        return new PhotoInfo(
                photo.getId(),
                photo.getAltText(),
                photo.getCaption(),
                photo.getCredit(),
                photo.getWidth(),
                photo.getHeight());
    }

    private static long requireId(Post post) {
        var id = post.getId();
        if (id == null) {
            throw new IllegalStateException("Post has not been saved");
        }
        return id;
    }
}
