package com.dateline.comment;

import com.dateline.post.PublishedCommentCounts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The editors' list of posts shows how many comments each post has published; one grouped query per page. */
@Component
class PublishedCommentCountsFromComments implements PublishedCommentCounts {

    private final CommentRepository comments;

    PublishedCommentCountsFromComments(CommentRepository comments) {
        this.comments = comments;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> of(Collection<Long> postIds) {
        var counts = new HashMap<Long, Long>();
        if (!postIds.isEmpty()) {
            comments.countPublishedByPost(postIds).forEach(count -> counts.put(count.getPostId(), count.getComments()));
        }
        return counts;
    }
}
