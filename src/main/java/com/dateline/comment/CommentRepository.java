package com.dateline.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

// Every query here is bounded by a page or by an indexed key, so a post with thousands of
// comments costs the same few queries as one with ten.
interface CommentRepository extends JpaRepository<Comment, Long>, JpaSpecificationExecutor<Comment> {

    long countByStatus(CommentStatus status);

    long countByStatusAndOpenReportsGreaterThan(CommentStatus status, int openReports);

    long countByAuthorIdAndSpamTrue(long authorId);

    long countByAuthorIdAndOpenReportsGreaterThan(long authorId, int openReports);

    List<Comment> findTop10ByAuthorIdOrderByCreatedAtDesc(long authorId);


    long countByPostIdAndStatus(long postId, CommentStatus status);

    /** Top-level comments a reader may see: public ones, and their own whatever their status. */
    @Query("""
            select c from Comment c
            where c.postId = :postId and c.parentId is null
              and (c.status in :visible or c.authorId = :viewerId)
            order by c.createdAt asc, c.id asc""")
    Slice<Comment> findTopLevelOldestFirst(long postId, Collection<CommentStatus> visible, long viewerId, Pageable page);

    @Query("""
            select c from Comment c
            where c.postId = :postId and c.parentId is null
              and (c.status in :visible or c.authorId = :viewerId)
            order by c.createdAt desc, c.id desc""")
    Slice<Comment> findTopLevelNewestFirst(long postId, Collection<CommentStatus> visible, long viewerId, Pageable page);

    @Query("""
            select c from Comment c
            where c.rootId in :rootIds and (c.status in :visible or c.authorId = :viewerId)
            order by c.createdAt asc, c.id asc""")
    List<Comment> findReplies(Collection<Long> rootIds, Collection<CommentStatus> visible, long viewerId);

    Optional<Comment> findFirstByAuthorIdOrderByCreatedAtDesc(long authorId);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant since);

    @Query("""
            select count(c) > 0 from Comment c
            where c.authorId = :authorId and c.postId = :postId and c.createdAt > :since
              and trim(c.body) = :trimmedBody and c.status <> com.dateline.comment.CommentStatus.DELETED""")
    boolean existsDuplicate(long authorId, long postId, String trimmedBody, Instant since);

    long countByAuthorIdAndStatus(long authorId, CommentStatus status);

    long countByAuthorIdAndStatusAndStatusChangedAtAfter(long authorId, CommentStatus status, Instant since);

    boolean existsByParentIdAndStatus(long parentId, CommentStatus status);
}
