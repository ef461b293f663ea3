package com.dateline.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * E-mail and password sign-in with two changes to Spring's defaults: the {@link SignInThrottle}
 * is asked first, and a disabled account is reported only after its password was right, so a
 * wrong guess never learns whether an account exists or is banned.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    /** The longest e-mail address there can be (RFC 5321's path limit, less the angle brackets). */
    static final int MAX_EMAIL = 254;

    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        setPreAuthenticationChecks(user -> {});
        setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("This account has been disabled.");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var email = authentication.getName() == null ? "" : authentication.getName();
        var address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        var wait = throttle.waitBefore(email, address);
        if (wait.isPositive()) {
            throw new SignInRefusedException(wait);
        }
        try {
            if (email.length() > MAX_EMAIL) {
                // No account has such an e-mail; a megabyte of "e-mail" is not worth a database query.
                throw new BadCredentialsException("Bad credentials");
            }
            var result = super.authenticate(authentication);
            throttle.recordSuccess(email, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email, address);
            var next = throttle.waitBefore(email, address);
            if (next.isPositive()) {
                SecurityLog.warning(
                        "sign-in-paused",
                        "address",
                        address,
                        "seconds",
                        next.toSeconds(),
                        "reason",
                        throttle.addressExhausted(address)
                                ? "failures-from-one-address"
                                : "failures-for-one-email-from-one-address");
            }
            throw e;
        }
    }
}
