package com.dateline.security;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused before the password was even checked: too many recent failures. */
class SignInRefusedException extends AuthenticationException {

    SignInRefusedException(String message) {
        super(message);
    }
}
