/**
 * The reader's pages: home, category, post. The same components also make the HTML the server
 * sends before any script runs, so crawlers and no-JavaScript readers see the same page. Also the
 * editors' screens: the list of posts and the editor, whose preview is set like the post page.
 */
@NullMarked
package com.dateline.post.ui;

import org.jspecify.annotations.NullMarked;
