package com.dateline.account;

/** No account has this id. */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(long accountId) {
        super("No account with id " + accountId);
    }
}
