/** The sign-in page. It stands on its own (no site layout), so security depends on no feature. */
@NullMarked
package com.dateline.security.ui;

import org.jspecify.annotations.NullMarked;
