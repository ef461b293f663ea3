/**
 * The page frame every reader sees (masthead, main, footer), the app shell and shared page parts, and what every
 * feature's views share: {@link com.dateline.base.ui.OpenPages} (open pages told of committed changes by their
 * feature's event listener) and {@link com.dateline.base.ui.BackgroundWork} (long work with progress, run as the user
 * who started it).
 */
@NullMarked
package com.dateline.base.ui;

import org.jspecify.annotations.NullMarked;
