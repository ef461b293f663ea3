package com.dateline.account;

/** The pages a mail about an account links to; the {@code ui} package routes them. */
final class AccountRoutes {

    static final String VERIFY_EMAIL = "verify-email";
    static final String RESET_PASSWORD = "reset-password";
    static final String CONFIRM_EMAIL = "confirm-email";
    static final String FORGOT_PASSWORD = "forgot-password";
    static final String SIGN_IN = "login";

    private AccountRoutes() {}
}
