package com.dateline.moderation;

import java.util.Map;

/** How many comments wait in each queue. */
public record QueueCounts(Map<ModerationQueue, Long> counts) {

    public long of(ModerationQueue queue) {
        return counts.getOrDefault(queue, 0L);
    }
}
