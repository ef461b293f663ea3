package com.dateline.account;

/** The configured first administrator cannot be created as given; the start stops so the operator fixes it. */
class FirstAdminRefused extends RuntimeException {

    FirstAdminRefused(String message) {
        super(message);
    }
}
