package com.dateline.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends the open sessions of an account (after a ban or a deletion) at their next request. */
@Component
public class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    public void endAllOf(long accountId) {
        for (var principal : registry.getAllPrincipals()) {
            if (principal instanceof SignedInUser user && user.accountId() == accountId) {
                registry.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
    }
}
