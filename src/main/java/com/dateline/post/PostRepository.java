package com.dateline.post;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

// Lists return Slice: readers page with "Older posts", which needs no total count. What readers see is never a draft,
// a deleted post or one whose time has not come; every reader query says so itself.
interface PostRepository extends JpaRepository<Post, Long> {

    @Query("""
            select p from Post p join fetch p.category left join fetch p.photo
            where p.publishedAt <= :now and p.draft = false and p.deletedAt is null
            order by p.publishedAt desc, p.id desc""")
    Slice<Post> findPublished(Instant now, Pageable pageable);

    @Query("""
            select p from Post p join fetch p.category c left join fetch p.photo
            where c.slug = :categorySlug and p.publishedAt <= :now and p.draft = false and p.deletedAt is null
            order by p.publishedAt desc, p.id desc""")
    Slice<Post> findPublishedInCategory(String categorySlug, Instant now, Pageable pageable);

    @Query("""
            select p from Post p join fetch p.category left join fetch p.photo
            where p.slugMonth = :slugMonth and p.slug = :slug and p.publishedAt <= :now and p.draft = false and p.deletedAt is null""")
    Optional<Post> findPublishedBySlug(String slugMonth, String slug, Instant now);

    @Query("""
            select p from Post p join fetch p.category
            where p.deletedAt is null
            order by p.publishedAt desc, p.id desc""")
    Slice<Post> findForEditors(Pageable pageable);

    @Query("""
            select p from Post p join fetch p.category
            where p.deletedAt is null and lower(p.title) like :titlePattern escape '\\'
            order by p.publishedAt desc, p.id desc""")
    Slice<Post> findForEditorsByTitle(String titlePattern, Pageable pageable);

    /** The moment the next scheduled post becomes visible, or null if none is waiting. */
    @Query(
            "select min(p.publishedAt) from Post p where p.publishedAt > :now and p.draft = false and p.deletedAt is null")
    @Nullable Instant findNextPublication(Instant now);

    Optional<Post> findBySlugMonthAndSlug(String slugMonth, String slug);

    Optional<Post> findByImportKey(String importKey);

    @Query("select p from Post p join fetch p.category where p.id in :ids")
    List<Post> findAllWithCategory(Collection<Long> ids);

    @Query("""
            select p from Post p join fetch p.category
            where p.publishedAt <= :now and p.draft = false and p.deletedAt is null
              and (p.publishedAt < :publishedAt or (p.publishedAt = :publishedAt and p.id < :id))
            order by p.publishedAt desc, p.id desc""")
    List<Post> findOlder(Instant publishedAt, long id, Instant now, Limit limit);

    @Query("""
            select p from Post p join fetch p.category
            where p.publishedAt <= :now and p.draft = false and p.deletedAt is null
              and (p.publishedAt > :publishedAt or (p.publishedAt = :publishedAt and p.id > :id))
            order by p.publishedAt asc, p.id asc""")
    List<Post> findNewer(Instant publishedAt, long id, Instant now, Limit limit);
}
