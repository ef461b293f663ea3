/** Syndication: the Atom feed of the newest published posts. */
@NullMarked
package com.dateline.feed;

import org.jspecify.annotations.NullMarked;
