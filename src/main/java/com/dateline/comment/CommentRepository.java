package com.dateline.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

// Every query here is bounded by a page or by an indexed key, so a post with thousands of
// comments costs the same few queries as one with ten.
interface CommentRepository extends JpaRepository<Comment, Long>, JpaSpecificationExecutor<Comment> {

    /**
     * All of {@code ix_comment_post_top_level}'s columns, although the first two are fixed by {@link #findTopLevel}:
     * only then does H2 read the page straight from that index instead of sorting every top-level comment of the post.
     */
    static Sort topLevelOrder(Sort.Direction direction) {
        return Sort.by(direction, "postId", "parentId", "createdAt", "id");
    }

    long countByAuthorIdAndSpamTrue(long authorId);

    Optional<Comment> findByImportKey(String importKey);

    long countByAuthorIdAndOpenReportsGreaterThan(long authorId, int openReports);

    List<Comment> findTop10ByAuthorIdOrderByCreatedAtDesc(long authorId);

    long countByPostIdAndStatus(long postId, CommentStatus status);

    /**
     * Top-level comments a reader may see: published ones, their own whatever the status, and any
     * under which a published reply or one of the reader's own hangs (shown as a placeholder if
     * the reader may not see the comment itself). The page's sort is {@link #topLevelOrder}, one way or the other.
     */
    @Query("""
            select c from Comment c
            where c.postId = :postId and c.parentId is null
              and (c.status = com.dateline.comment.CommentStatus.PUBLISHED or c.authorId = :viewerId
                   or exists (select 1 from Comment r where r.rootId = c.id
                              and (r.status = com.dateline.comment.CommentStatus.PUBLISHED or r.authorId = :viewerId)))""")
    Slice<Comment> findTopLevel(long postId, long viewerId, Pageable page);

    /** Every reply in the given threads; which of them a reader sees is decided in memory. */
    @Query("select c from Comment c where c.rootId in :rootIds order by c.createdAt asc, c.id asc")
    List<Comment> findReplies(Collection<Long> rootIds);

    // ix_comment_status_created answers this from its first entry.
    @Query("select min(c.createdAt) from Comment c where c.status = :status")
    @Nullable Instant oldestCreatedAt(CommentStatus status);

    Optional<Comment> findFirstByAuthorIdOrderByCreatedAtDesc(long authorId);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant since);

    /** What the author wrote on the post lately; the daily limit keeps this to a few rows. */
    @Query("""
            select c.body from Comment c
            where c.authorId = :authorId and c.postId = :postId and c.createdAt > :since
              and c.status <> com.dateline.comment.CommentStatus.DELETED""")
    List<String> findRecentBodies(long authorId, long postId, Instant since);

    long countByAuthorIdAndStatus(long authorId, CommentStatus status);

    long countByAuthorIdAndStatusAndImportKeyIsNull(long authorId, CommentStatus status);

    long countByAuthorIdAndStatusAndStatusChangedAtAfter(long authorId, CommentStatus status, Instant since);

    /** Rejections stay on the author's record even if the author later deleted the comment. */
    long countByAuthorIdAndRejectedAtAfter(long authorId, Instant since);

    boolean existsByParentIdAndStatus(long parentId, CommentStatus status);

    @Query("""
            select c.postId as postId, count(c) as comments from Comment c
            where c.postId in :postIds and c.status = com.dateline.comment.CommentStatus.PUBLISHED
            group by c.postId""")
    List<PostCount> countPublishedByPost(java.util.Collection<Long> postIds);

    interface PostCount {
        long getPostId();

        long getComments();
    }
}
