/**
 * The discussion under a post: comment form, threads, replies, edits, reports; live for signed-in readers, told of
 * other pages' changes by {@link com.dateline.comment.ui.OpenDiscussions}, and as markup for the public pages.
 */
@NullMarked
package com.dateline.comment.ui;

import org.jspecify.annotations.NullMarked;
