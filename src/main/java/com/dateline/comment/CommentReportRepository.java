package com.dateline.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentReportRepository extends JpaRepository<CommentReport, Long> {

    boolean existsByCommentIdAndReporterId(long commentId, long reporterId);

    @org.springframework.data.jpa.repository.Query("""
            select r.commentId as commentId, r.reason as reason, count(r) as times from CommentReport r
            where r.commentId in :commentIds group by r.commentId, r.reason""")
    java.util.List<ReasonCount> countReasons(java.util.Collection<Long> commentIds);

    interface ReasonCount {
        long getCommentId();

        ReportReason getReason();

        long getTimes();
    }
}
