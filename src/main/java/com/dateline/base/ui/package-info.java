/** The page frame every reader sees (masthead, main, footer), the app shell and shared page parts. */
@NullMarked
package com.dateline.base.ui;

import org.jspecify.annotations.NullMarked;
