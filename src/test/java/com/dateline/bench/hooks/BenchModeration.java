package com.dateline.bench.hooks;

import com.dateline.comment.CommentStatus;
import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueue;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A moderator the harness drives: {@code POST /moderate/{email}} takes the oldest page of pending load-test comments and
 * approves it through the same service and version checks as the dashboard's bulk approve, as that moderator. Two
 * harness moderators at once collide on the same comments, as two people at the dashboard do; collisions are counted,
 * not errors.
 */
@Component
@ConditionalOnProperty("dateline.bench.token")
class BenchModeration implements BenchHook {

    private static final int PAGE = 20;

    private final ModerationQueueService comments;
    private final ModerationService moderation;
    private final RunAs runAs;

    BenchModeration(
            ModerationQueueService comments,
            ModerationService moderation,
            UserDetailsService users,
            SecurityContextHolderStrategy securityContexts) {
        this.comments = comments;
        this.moderation = moderation;
        this.runAs = new RunAs(users, securityContexts);
    }

    @Override
    public String prefix() {
        return "/moderate/";
    }

    @Override
    public String handle(String moderator, Map<String, String> query) {
        return runAs.call(moderator, this::approveOldest);
    }

    private String approveOldest() {
        var filter = new ModerationFilter(ModerationQueue.PENDING, "Load comment", null, null, null, null, true);
        var seen = new LinkedHashMap<Long, Long>();
        for (ModerationItem item : comments.queue(filter, PageRequest.of(0, PAGE))) {
            if (item.status() == CommentStatus.PENDING) {
                seen.put(item.id(), item.version());
            }
        }
        var result = seen.isEmpty() ? null : moderation.decide(ModerationVerb.APPROVE, seen, null);
        return String.format(
                Locale.ROOT,
                "{\"seen\":%d,\"approved\":%d,\"skipped\":%d}",
                seen.size(),
                result == null ? 0 : result.applied(),
                result == null ? 0 : result.problems().size());
    }
}
