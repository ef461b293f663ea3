package com.dateline.moderation;

import com.dateline.comment.CommentModeration;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ModerationFilter;
import com.dateline.comment.ModerationItem;
import com.dateline.comment.ModerationQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A moderator for the load harness (the {@code benchmark} profile only), at /actuator/loadmoderation/{email}: takes
 * the oldest page of pending load-test comments and approves it through the same service and version checks as the
 * dashboard's bulk approve, as that moderator. Two harness moderators working at once collide on the same comments,
 * as two people at the dashboard do; the collisions are counted, not errors. A GET, so the harness needs no CSRF
 * token; never exposed outside the benchmark profile.
 */
@Component
@Profile("benchmark")
@Endpoint(id = "loadmoderation")
class LoadTestModeration {

    private static final int PAGE = 20;

    private final CommentModeration comments;
    private final ModerationService moderation;
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy securityContexts;

    LoadTestModeration(
            CommentModeration comments,
            ModerationService moderation,
            UserDetailsService users,
            SecurityContextHolderStrategy securityContexts) {
        this.comments = comments;
        this.moderation = moderation;
        this.users = users;
        this.securityContexts = securityContexts;
    }

    @ReadOperation
    Map<String, Object> approveOldest(@Selector String moderator) {
        var user = users.loadUserByUsername(moderator);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var before = securityContexts.getContext();
        var beforeStatic = SecurityContextHolder.getContext();
        securityContexts.setContext(context);
        SecurityContextHolder.setContext(context);
        try {
            var filter = new ModerationFilter(ModerationQueue.PENDING, "Load comment", null, null, null, null, true);
            var seen = new LinkedHashMap<Long, Long>();
            for (ModerationItem item : comments.queue(filter, PageRequest.of(0, PAGE))) {
                if (item.status() == CommentStatus.PENDING) {
                    seen.put(item.id(), item.version());
                }
            }
            var result = seen.isEmpty() ? null : moderation.decide(ModerationVerb.APPROVE, seen, null);
            return Map.of(
                    "seen", seen.size(),
                    "approved", result == null ? 0 : result.applied(),
                    "skipped", result == null ? 0 : result.problems().size());
        } finally {
            securityContexts.setContext(before);
            SecurityContextHolder.setContext(beforeStatic);
        }
    }
}
