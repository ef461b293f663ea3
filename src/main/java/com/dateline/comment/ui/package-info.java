/** The discussion under a post: comment form, threads, replies, edits, reports, live updates. */
@NullMarked
package com.dateline.comment.ui;

import org.jspecify.annotations.NullMarked;
