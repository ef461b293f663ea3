package com.dateline.security;

import com.dateline.base.NodeWide;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends the open sessions of an account at their next request: all of them after a ban or a deletion, all but the one
 * making the change after a password change. The sign-in page the ended session lands on says why.
 */
@Component
public class SignedInSessions {

    /** The sign-in page's {@code error} for a session ended by a ban or a deletion. */
    static final String DISABLED = "disabled";

    /** The sign-in page's {@code error} for a session ended because the password changed elsewhere. */
    static final String PASSWORD_CHANGED = "password-changed";

    /**
     * The sessions of an account end on every node: a banned reader must not stay signed in on the node the balancer
     * holds them to.
     */
    record SessionsEnded(long accountId, @Nullable String keep, String reason) implements NodeWide {}

    private final SessionRegistry registry;
    private final ApplicationEventPublisher publisher;

    // Only until the ended session's next request, which comes within its timeout or never.
    private final Cache<String, String> endedBecause = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(1))
            .maximumSize(100_000)
            .build();

    SignedInSessions(SessionRegistry registry, ApplicationEventPublisher publisher) {
        this.registry = registry;
        this.publisher = publisher;
    }

    public void endAllOf(long accountId) {
        end(accountId, null, DISABLED);
    }

    /**
     * After a password change: whoever knew the old password (a stolen session, a forgotten shared computer) is signed
     * out, while the session that changed it stays signed in. Called outside any session, it ends them all.
     */
    public void endOthersOf(long accountId) {
        end(accountId, currentSessionId(), PASSWORD_CHANGED);
    }

    /** Why the session was ended, as the sign-in page's {@code error} parameter. */
    String whyEnded(String sessionId) {
        var reason = endedBecause.getIfPresent(sessionId);
        return reason != null ? reason : DISABLED;
    }

    private void end(long accountId, @Nullable String keep, String reason) {
        publisher.publishEvent(new SessionsEnded(accountId, keep, reason));
    }

    @EventListener
    void on(SessionsEnded ended) {
        for (var principal : registry.getAllPrincipals()) {
            if (principal instanceof SignedInUser user && user.accountId() == ended.accountId()) {
                for (var session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(ended.keep())) {
                        endedBecause.put(session.getSessionId(), ended.reason());
                        session.expireNow();
                    }
                }
            }
        }
    }

    private static @Nullable String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            if (session != null) {
                return session.getId();
            }
        }
        // A click that reached the service by another way than a servlet request still belongs to a Vaadin session.
        var vaadin = VaadinSession.getCurrent();
        return vaadin != null && vaadin.getSession() != null
                ? vaadin.getSession().getId()
                : null;
    }
}
