package com.dateline.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes Spring Security's sign-in and sign-out events to the {@link SecurityLog}. What is logged of a sign-in attempt:
 * the e-mail as typed (only if it looks like an e-mail address, since people do type their password into the e-mail
 * field), the client address and why it failed; never the password, never the session id.
 */
@Component
class SecurityEvents {

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            SecurityLog.event(
                    "sign-in", "account", user.accountId(), "role", user.role(), "address", address(authentication));
        }
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        var authentication = event.getAuthentication();
        var reason = event instanceof AuthenticationFailureLockedEvent
                ? "paused-after-failures"
                : event instanceof AuthenticationFailureDisabledEvent ? "account-disabled" : "bad-credentials";
        SecurityLog.event(
                "sign-in-failed",
                "email",
                typedEmail(authentication),
                "reason",
                reason,
                "address",
                address(authentication));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            SecurityLog.event("sign-out", "account", user.accountId());
        }
    }

    private static String typedEmail(Authentication authentication) {
        var name = authentication.getName();
        if (name == null || name.isBlank()) {
            return "(none)";
        }
        var email = name.strip();
        return email.length() <= 254 && email.matches("[^\\s@]+@[^\\s@]+") ? email : "(not an e-mail address)";
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }
}
