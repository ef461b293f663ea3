/** The moderation dashboard at /admin/moderation. */
@NullMarked
package com.dateline.moderation.ui;

import org.jspecify.annotations.NullMarked;
