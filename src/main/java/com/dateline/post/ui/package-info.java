/**
 * The reader's pages: home, category, post. The same components also make the HTML the server
 * sends before any script runs, so crawlers and no-JavaScript readers see the same page.
 */
@NullMarked
package com.dateline.post.ui;

import org.jspecify.annotations.NullMarked;
