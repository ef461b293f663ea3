/** Dateline: a newsroom blog with moderated reader comments. Each sub-package is one feature. */
@NullMarked
package com.dateline;

import org.jspecify.annotations.NullMarked;
