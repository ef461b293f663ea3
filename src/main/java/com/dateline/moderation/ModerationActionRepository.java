package com.dateline.moderation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModerationActionRepository extends JpaRepository<ModerationAction, Long> {

    List<ModerationAction> findByCommentIdOrderByCreatedAtAscIdAsc(long commentId);

    // The global log grows forever; it is read a page at a time, newest first.
    Slice<ModerationAction> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    Slice<ModerationAction> findByModeratorIdOrderByCreatedAtDescIdDesc(long moderatorId, Pageable page);

    boolean existsByUndoesId(long undoesId);

    @Query("select a.undoesId from ModerationAction a where a.undoesId in :ids")
    List<Long> findUndone(Collection<Long> ids);
}
