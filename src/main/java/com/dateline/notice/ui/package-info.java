/** The notices' pages: the section on {@code /account} and {@code /unsubscribe}. */
@NullMarked
package com.dateline.notice.ui;

import org.jspecify.annotations.NullMarked;
