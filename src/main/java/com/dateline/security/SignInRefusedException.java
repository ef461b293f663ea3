package com.dateline.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused before the password was even checked: too many recent failures; the attempt may come back after {@link #waitFor()}. */
class SignInRefusedException extends AuthenticationException {

    private final Duration wait;

    SignInRefusedException(Duration wait) {
        super("Too many failed sign-in attempts.");
        this.wait = wait;
    }

    Duration waitFor() {
        return wait;
    }

    /** Whole minutes, rounded up, as the sign-in page says them. */
    long minutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
