/**
 * Registration, the signed-in reader's own account page, and the pages the mailed links open: forgot password, reset
 * password, verify and confirm an e-mail address.
 */
@NullMarked
package com.dateline.account.ui;

import org.jspecify.annotations.NullMarked;
