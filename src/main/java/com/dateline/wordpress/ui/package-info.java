/** The admin page at /admin/posts/import that uploads a WordPress export and shows what the import did. */
@NullMarked
package com.dateline.wordpress.ui;

import org.jspecify.annotations.NullMarked;
