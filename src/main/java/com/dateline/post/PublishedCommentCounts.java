package com.dateline.post;

import java.util.Collection;
import java.util.Map;

/** How many published comments each post has, supplied by the comment feature for the editors' list. */
public interface PublishedCommentCounts {

    Map<Long, Long> of(Collection<Long> postIds);
}
