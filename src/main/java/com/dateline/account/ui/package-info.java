/** Registration and the signed-in reader's own account page. */
@NullMarked
package com.dateline.account.ui;

import org.jspecify.annotations.NullMarked;
