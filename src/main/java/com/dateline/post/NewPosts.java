package com.dateline.post;

import com.dateline.base.BlogProperties;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes a post, not stored yet, from its words as they were typed or imported: the category found or created by name,
 * the Markdown rendered and sanitised, the month of its address in the blog's zone.
 */
@Component
record NewPosts(CategoryRepository categories, PostBodyRenderer renderer, BlogProperties blog) {

    Post create(
            String title,
            String slug,
            String category,
            Instant publishedAt,
            String markdown,
            @Nullable String byline,
            @Nullable Photo photo) {
        var post = new Post();
        post.edit(
                title,
                slug,
                categories.findOrCreate(category),
                publishedAt,
                blog.timeZone(),
                renderer.render(markdown),
                byline,
                photo,
                false,
                false,
                null);
        return post;
    }

    /** "2008-04" for a post published in April 2008 in the blog's zone. */
    String slugMonth(Instant publishedAt) {
        return Post.slugMonth(publishedAt, blog.timeZone());
    }
}
