/**
 * Accounts. This module owns: reader, moderator, editor and admin accounts, registration and its limits, the password
 * rules, the data a reader can download or delete, bans and disabling, and the authors of imported comments.
 * {@link com.dateline.account.AccountService} is the public face; other features refer to accounts by id. It publishes
 * {@link com.dateline.account.ReaderNameChanged} when the name shown with a reader's comments changes.
 */
@NullMarked
package com.dateline.account;

import org.jspecify.annotations.NullMarked;
