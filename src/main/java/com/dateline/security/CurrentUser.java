package com.dateline.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in on this request or UI access, if anyone. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<SignedInUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; for service methods that method security already closed to anonymous callers. */
    public static SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }
}
