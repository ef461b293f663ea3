package com.dateline.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentReportRepository extends JpaRepository<CommentReport, Long> {

    boolean existsByCommentIdAndReporterId(long commentId, long reporterId);
}
