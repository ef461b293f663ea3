package com.dateline.post;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.DomainEvents;

@Entity
class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String title;

    private String slug;

    private String slugMonth;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    private Instant publishedAt;

    /** What the editor wrote (Markdown), kept exactly as typed. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String bodySource;

    /** The sanitised HTML made from {@link #bodySource}; the only body a page ever shows. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String bodyHtml;

    private String excerpt;

    private @Nullable String byline;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "photo_id")
    private @Nullable Photo photo;

    private boolean commentsClosed;

    private boolean draft;

    private @Nullable Instant deletedAt;

    private @Nullable Instant updatedAt;

    private @Nullable String importKey;

    @Version
    private long version;

    protected Post() {
        this.title = "";
        this.slug = "";
        this.slugMonth = "";
        this.category = new Category();
        this.publishedAt = Instant.EPOCH;
        this.bodySource = "";
        this.bodyHtml = "";
        this.excerpt = "";
    }

    /** Each save tells the application, so that nothing keeps showing readers what the post was before. */
    @DomainEvents
    List<PostSaved> saved() {
        return List.of(new PostSaved());
    }

    /** "2008-04" for a post published in April 2008 in the blog's time zone. */
    static String slugMonth(Instant publishedAt, ZoneId blogZone) {
        return YearMonth.from(publishedAt.atZone(blogZone)).toString();
    }

    /** Everything an editor sets, in one step, so a half-applied edit cannot exist. */
    void edit(
            String title,
            String slug,
            Category category,
            Instant publishedAt,
            ZoneId blogZone,
            RenderedBody body,
            @Nullable String byline,
            @Nullable Photo photo,
            boolean commentsClosed,
            boolean draft,
            @Nullable Instant updatedAt) {
        this.title = title;
        this.slug = slug;
        this.slugMonth = slugMonth(publishedAt, blogZone);
        this.category = category;
        this.publishedAt = publishedAt;
        this.bodySource = body.source();
        this.bodyHtml = body.html();
        this.excerpt = body.excerpt();
        this.byline = byline;
        this.photo = photo;
        this.commentsClosed = commentsClosed;
        this.draft = draft;
        this.updatedAt = updatedAt;
    }

    /** Where readers find it: {@code /2008/04/slug}, the month in the blog's time zone. */
    String path(ZoneId blogZone) {
        return "/" + slugMonth(publishedAt, blogZone).replace('-', '/') + "/" + slug;
    }

    /** What an imported post brings besides its words: whether it is a draft, whether comments are closed, its key. */
    void imported(String importKey, boolean draft, boolean commentsClosed) {
        this.importKey = importKey;
        this.draft = draft;
        this.commentsClosed = commentsClosed;
    }

    /** Takes the post off the site and frees its address for a new post. */
    void delete(Instant now) {
        this.deletedAt = now;
        this.slug = (slug.length() > 170 ? slug.substring(0, 170) : slug) + "-deleted-" + id;
        this.photo = null;
    }

    @Nullable Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getSlug() {
        return slug;
    }

    Category getCategory() {
        return category;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    /** The body as {@link #edit} took it. */
    RenderedBody getBody() {
        return new RenderedBody(bodySource, bodyHtml, excerpt);
    }

    @Nullable String getByline() {
        return byline;
    }

    @Nullable Photo getPhoto() {
        return photo;
    }

    boolean isDraft() {
        return draft;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    long getVersion() {
        return version;
    }

    @Nullable String getImportKey() {
        return importKey;
    }

    boolean isCommentsClosed() {
        return commentsClosed;
    }

    void setCommentsClosed(boolean commentsClosed) {
        this.commentsClosed = commentsClosed;
    }
}
