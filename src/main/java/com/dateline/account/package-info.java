/**
 * Accounts. This module owns: reader, moderator, editor and admin accounts, registration and its limits, the password
 * rules, verified addresses and the links mailed for them (verifying an address, resetting a password, moving an account
 * to another address), the data a reader can download or delete, bans and disabling, and the authors of imported
 * comments.
 * {@link com.dateline.account.AccountService} is the public face; other features refer to accounts by id. It publishes
 * {@link com.dateline.account.ReaderNameChanged} when the name shown with a reader's comments changes, and for the mail
 * module, which turns them into mails, {@link com.dateline.account.EmailVerificationRequested},
 * {@link com.dateline.account.RegistrationAttemptedForKnownAddress}, {@link com.dateline.account.PasswordResetRequested},
 * {@link com.dateline.account.EmailChangeRequested} and {@link com.dateline.account.EmailChangeNotice}: this module
 * sends no mail itself and knows nothing of the mail module. {@link com.dateline.account.EmailVerification},
 * {@link com.dateline.account.PasswordReset} and {@link com.dateline.account.EmailChange} are the faces of those flows.
 * It publishes {@link com.dateline.account.AccountSuspended} when an account is banned;
 * {@link com.dateline.account.AccountContacts} tells the features that write to a reader where to reach them, and
 * {@link com.dateline.account.AccountPageSection} lets a feature add a section to {@code /account}.
 */
@NullMarked
package com.dateline.account;

import org.jspecify.annotations.NullMarked;
