/**
 * Posts: what the newsroom publishes (title, category, dateline, body, byline, photo) and how
 * readers find them (home, category, permalink, previous/next). {@link PostService}
 * is the feature's public face; entities and repositories stay inside.
 */
@NullMarked
package com.dateline.post;

import org.jspecify.annotations.NullMarked;
