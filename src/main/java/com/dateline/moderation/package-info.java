/**
 * The moderators' side: decisions on comments one at a time or in bulk, claims so that two
 * moderators do not review the same comment, and the append-only history of every action with
 * undo. Comments themselves belong to the comment feature; this one acts through its API.
 */
@NullMarked
package com.dateline.moderation;

import org.jspecify.annotations.NullMarked;
