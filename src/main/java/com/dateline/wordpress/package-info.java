/**
 * The WordPress import: an admin uploads the file WordPress's "Tools → Export" writes (WXR), and its posts,
 * categories and comments join the blog, once each however often the file is imported.
 * {@link com.dateline.wordpress.WxrParser} reads and checks the whole file before anything is stored;
 * {@link com.dateline.wordpress.WordPressImport} stores it post by post through the owning features' import services.
 */
@NullMarked
package com.dateline.wordpress;

import org.jspecify.annotations.NullMarked;
