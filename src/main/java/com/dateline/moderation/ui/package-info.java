/**
 * The moderation dashboard at /admin/moderation (queues, filters, details, decisions, keyboard shortcuts), told of
 * others' changes by {@link com.dateline.moderation.ui.OpenDashboards}; the history and the policy settings pages.
 */
@NullMarked
package com.dateline.moderation.ui;

import org.jspecify.annotations.NullMarked;
