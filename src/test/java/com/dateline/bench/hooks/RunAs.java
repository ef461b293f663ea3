package com.dateline.bench.hooks;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a call as a named account, through the services' own method security, as that account's dashboard would. */
final class RunAs {

    private final UserDetailsService users;
    private final SecurityContextHolderStrategy securityContexts;

    RunAs(UserDetailsService users, SecurityContextHolderStrategy securityContexts) {
        this.users = users;
        this.securityContexts = securityContexts;
    }

    <T> T call(String email, Supplier<T> work) {
        var user = users.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        // Both: method security reads the application's strategy, the security log the static holder.
        var before = securityContexts.getContext();
        var beforeStatic = SecurityContextHolder.getContext();
        securityContexts.setContext(context);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            securityContexts.setContext(before);
            SecurityContextHolder.setContext(beforeStatic);
        }
    }
}
