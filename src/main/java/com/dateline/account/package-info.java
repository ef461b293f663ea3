/**
 * Reader, moderator, editor and admin accounts: registration, the password rules, the data a
 * reader can download or delete, and disabling an account. {@link com.dateline.account.AccountService}
 * is the public face; other features refer to accounts by id.
 */
@NullMarked
package com.dateline.account;

import org.jspecify.annotations.NullMarked;
